// An OPD staff member made (or no longer) the OPD's treasurer, who records payments, with its audit row.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { requireAdmin } from "@/lib/data/authorise";

/**
 * Gives or takes an OPD staff member's treasurer permission (they record and reverse that OPD's payments, issue 20).
 * Applies at once: the payment use cases read it from the database, not from the session.
 */
export async function setTreasurer(db: Db, opts: { actor: Actor; userId: string; treasurer: boolean }) {
  const { actor, userId, treasurer } = opts;
  requireAdmin(actor);
  await inTransaction(db, async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { treasurer: true, username: true, role: true, opdId: true },
    });
    if (!before) throw new AppError("NOT_FOUND");
    if (before.role !== "OPD_STAFF") throw new AppError("INVALID_STATE");
    if (before.treasurer === treasurer) return;
    await tx.user.update({ where: { id: userId }, data: { treasurer } });
    await writeAudit(tx, actor, {
      action: "user.treasurer_changed",
      entity: "User",
      entityId: userId,
      before: { treasurer: before.treasurer },
      after: { treasurer, username: before.username, opdId: before.opdId },
    });
  });
}
