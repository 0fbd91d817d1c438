// The audit row as an SQL statement, for use cases that write it inside a single-statement CTE
// (the same columns writeAudit fills).
import type { AuditAction } from "@/lib/domain/audit-actions";
import { Prisma } from "@/lib/generated/prisma/client";
import { toAuditJson, type Actor } from "@/lib/data/audit";

export function auditInsertSql(
  actor: Actor,
  e: { action: AuditAction; entity: string; entityId: Prisma.Sql | string; before?: unknown; after?: unknown },
): Prisma.Sql {
  const json = (v: unknown) => {
    const j = toAuditJson(v);
    return j === undefined ? null : JSON.stringify(j);
  };
  const entityId = typeof e.entityId === "string" ? Prisma.sql`${e.entityId}` : e.entityId;
  return Prisma.sql`INSERT INTO "AuditLog" ("actorId", "actorRole", action, entity, "entityId", before, after, ip, "userAgent")
    VALUES (${actor.id}::uuid, ${actor.role}::"Role", ${e.action}, ${e.entity}, (${entityId})::text, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb, ${actor.ip ?? null}, ${actor.userAgent?.slice(0, 500) ?? null})`;
}
