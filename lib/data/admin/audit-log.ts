// The audit log viewer's query: filter by user, action, entity (and id) and date range, newest first,
// paginated. Read-only; admins only (checked by the page).
import { z } from "zod";
import { filterDay, filterText } from "@/lib/validation/query";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { wibDateTime } from "@/lib/format";

export const AUDIT_PAGE_SIZE = 50;

export const auditQuerySchema = z.object({
  user: filterText(100),
  action: filterText(100),
  entity: filterText(50),
  entityId: filterText(100),
  from: filterDay,
  to: filterDay,
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditRow {
  id: string;
  at: Date;
  actor: { username: string; name: string } | null;
  actorRole: Role | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export async function listAuditLog(
  tx: Tx,
  opts: { actor: Actor; query: AuditQuery },
): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number; entities: string[] }> {
  const { query } = opts;
  requireAdmin(opts.actor);
  const where: Prisma.AuditLogWhereInput = {};
  if (query.action) where.action = { startsWith: query.action };
  if (query.entity) where.entity = query.entity;
  if (query.entityId) where.entityId = query.entityId;
  if (query.from || query.to) {
    where.at = {
      ...(query.from ? { gte: wibDateTime(query.from, "00:00") } : {}),
      ...(query.to ? { lt: new Date(wibDateTime(query.to, "00:00").getTime() + 86_400_000) } : {}),
    };
  }
  if (query.user) {
    const users = await tx.user.findMany({
      where: {
        OR: [
          { username: { contains: query.user, mode: "insensitive" } },
          { name: { contains: query.user, mode: "insensitive" } },
        ],
      },
      select: { id: true },
      take: 500,
    });
    where.actorId = { in: users.map((u) => u.id) };
  }
  const [total, entities] = await Promise.all([
    tx.auditLog.count({ where }),
    tx.auditLog.findMany({ distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pages);
  const rows = await tx.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => x !== null))];
  const actors = new Map(
    (await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, username: true, name: true } })).map(
      (u) => [u.id, u],
    ),
  );
  return {
    rows: rows.map((r) => ({
      id: r.id.toString(),
      at: r.at,
      actor: r.actorId ? (actors.get(r.actorId) ?? null) : null,
      actorRole: r.actorRole,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      ip: r.ip,
    })),
    total,
    page,
    pages,
    entities: entities.map((e) => e.entity),
  };
}
