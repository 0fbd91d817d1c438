// A signed-in user's browser stops receiving Web Push ("Matikan notifikasi"): its subscription removed, audited.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { type SignedIn, pushSubscriptionSchema } from "@/lib/data/notifications/save-push-subscription";

// Built once: zod compiles a schema on its first parse, so one made per call is compiled on every call.
const endpointInput = pushSubscriptionSchema.pick({ endpoint: true });

export async function removePushSubscription(db: Db, opts: { actor: SignedIn; input: unknown }) {
  const { actor, input: raw } = opts;
  if (!actor.id || !actor.role) throw new AppError("UNAUTHENTICATED");
  const { endpoint } = parseInput(endpointInput, raw);
  return inTransaction(db, async (tx) => {
    const own = await tx.pushSubscription.findFirst({ where: { endpoint, userId: actor.id } });
    if (!own) return { removed: 0 };
    await tx.pushSubscription.delete({ where: { id: own.id } });
    await writeAudit(tx, actor, {
      action: "push.unsubscribed",
      entity: "PushSubscription",
      entityId: own.id,
      before: { userId: actor.id },
    });
    return { removed: 1 };
  });
}
