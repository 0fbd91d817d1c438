// Audit rows are written through this one function, inside the caller's transaction.
import type { AuditAction, AuditEntity } from "@/lib/domain/audit-actions";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export interface Actor {
  id: string | null;
  role: Role | null;
  ip?: string | null;
  userAgent?: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, role: null };

/** JSON-safe copy: bigint → number (rupiah fit easily in 2^53), Date → ISO string. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? Number(v) : v))) as Prisma.InputJsonValue;
}

export async function writeAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: AuditAction; entity: AuditEntity; entityId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorRole: actor.role,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: toAuditJson(entry.before),
      after: toAuditJson(entry.after),
      ip: actor.ip ?? null,
      userAgent: actor.userAgent?.slice(0, 500) ?? null,
    },
  });
}
