// The OPD (or an admin) reports that an accepted order failed — not delivered, very late, short, unsafe, or the
// vendor cancelled — with its evidence: the failure recorded, a sanction proposed by the vendor's record, and the
// order routed again while there is time (lib/data/fulfilment/settle-order.ts: what settling shares).
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { inRawTransaction } from "@/lib/db/raw";
import { failureReportOpensAt } from "@/lib/domain/sanctions";
import { vm } from "@/lib/domain/validation-message";
import {
  failureSchema,
  type SettleResult,
  type SettleActor,
  lockAcceptedOrder,
  failInTx,
} from "@/lib/data/fulfilment/settle-order";

export async function reportFailure(
  db: Db,
  opts: { clock: Clock; actor: SettleActor; orderId: string; input: unknown },
): Promise<SettleResult> {
  const { clock, actor, orderId, input: raw } = opts;
  const failure = parseInput(failureSchema, raw);
  // A vendor can only own up to its own cancellation; the OPD and admin report the rest.
  if (actor.role === "VENDOR" && failure.type !== "VENDOR_CANCELLED") throw new AppError("FORBIDDEN");
  if (actor.role === "MAYOR") throw new AppError("FORBIDDEN");
  // On the hot path's connection (lib/db/raw.ts): raw statements only.
  return inRawTransaction(db, async (tx) => {
    const ctx = await lockAcceptedOrder(tx, actor, orderId);
    const now = clock.now();
    const { settings } = ctx;
    const opens = failureReportOpensAt(failure.type, ctx.order.deliveryAt, settings.failureReportGraceMinutes);
    if (opens && now.getTime() < opens.getTime())
      throw new AppError("VALIDATION", {
        issues: {
          type: [
            vm("failure.tooEarly", { opens: { at: opens.toISOString() }, minutes: settings.failureReportGraceMinutes }),
          ],
        },
      });
    return failInTx(tx, now, actor, ctx, failure);
  });
}
