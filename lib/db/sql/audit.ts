// Audit rows as an SQL statement, for use cases that write them inside a single-statement CTE (the same columns
// writeAudit fills): one INSERT for any number of rows. With `when`, only the rows for which that SQL condition holds
// are written (it may name the row's columns as a."entityId" etc.: for a statement that checks its own
// preconditions, so an audit row exists exactly when its change does).
import type { AuditAction, AuditEntity } from "@/lib/domain/audit-actions";
import { Prisma } from "@/lib/generated/prisma/client";
import { toAuditJson, type Actor } from "@/lib/data/audit";

export interface AuditRow {
  actor: Actor;
  action: AuditAction;
  entity: AuditEntity;
  /** The entity's id, or an SQL expression giving it. */
  entityId: Prisma.Sql | string;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => {
  const j = toAuditJson(v);
  return j === undefined ? null : JSON.stringify(j);
};

/** One INSERT writing every given audit row (none: a statement that inserts nothing). */
export function auditRowsSql(rows: AuditRow[], when?: Prisma.Sql): Prisma.Sql {
  const values =
    rows.length === 0
      ? Prisma.sql`SELECT NULL::uuid, NULL::"Role", NULL::text, NULL::text, NULL::text, NULL::jsonb, NULL::jsonb, NULL::text, NULL::text WHERE false`
      : Prisma.sql`VALUES ${Prisma.join(
          rows.map(
            (e) =>
              Prisma.sql`(${e.actor.id}::uuid, ${e.actor.role}::"Role", ${e.action}, ${e.entity}, (${typeof e.entityId === "string" ? Prisma.sql`${e.entityId}` : e.entityId})::text, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb, ${e.actor.ip ?? null}, ${e.actor.userAgent?.slice(0, 500) ?? null})`,
          ),
        )}`;
  return Prisma.sql`INSERT INTO "AuditLog" ("actorId", "actorRole", action, entity, "entityId", before, after, ip, "userAgent")
    SELECT * FROM (${values}) AS a("actorId", "actorRole", action, entity, "entityId", before, after, ip, "userAgent")${when ? Prisma.sql` WHERE ${when}` : Prisma.empty}`;
}

/** One audit row (see auditRowsSql). */
export function auditInsertSql(actor: Actor, e: Omit<AuditRow, "actor">, when?: Prisma.Sql): Prisma.Sql {
  return auditRowsSql([{ actor, ...e }], when);
}
