// An account switched off (its sessions end at once) or on again, with its audit row.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { requireAdmin } from "@/lib/data/authorise";

/** Deactivating ends the user's sessions at once (the session version moves on); reactivating allows sign-in again. */
export async function setUserActive(db: Db, opts: { actor: Actor; userId: string; active: boolean }) {
  const { actor, userId, active } = opts;
  requireAdmin(actor);
  if (userId === actor.id && !active) throw new AppError("INVALID_STATE");
  await inTransaction(db, async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { active: true, username: true } });
    if (!before) throw new AppError("NOT_FOUND");
    if (before.active === active) return;
    await tx.user.update({ where: { id: userId }, data: { active, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, actor, {
      action: active ? "user.activated" : "user.deactivated",
      entity: "User",
      entityId: userId,
      before: { active: before.active },
      after: { active, username: before.username },
    });
  });
}
