// A signed-in user marks their own unread notifications read: one statement, one audit row saying how many.
import { requireSignedIn } from "@/lib/data/authorise";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { visibleTo } from "@/lib/db/sql/notifications";

/** Marks all of the user's unread items read; one audit row says how many. */
export async function markAllRead(db: Db, opts: { clock: Clock; actor: Actor & { id: string } }): Promise<number> {
  const { clock, actor } = opts;
  requireSignedIn(actor);
  return inTransaction(db, async (tx) => {
    const count = await tx.$executeRaw`
      UPDATE "Notification" n SET "readAt" = ${clock.now()} WHERE ${visibleTo(actor.id)} AND n."readAt" IS NULL`;
    if (count > 0) {
      await writeAudit(tx, actor, {
        action: "notifications.read",
        entity: "User",
        entityId: actor.id,
        after: { marked: count },
      });
    }
    return count;
  });
}
