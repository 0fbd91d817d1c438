// An admin assigns an escalated order by hand, with a reason, to an eligible UMKM anywhere in the city
// (the decree's pool had nobody left). The vendor still answers the offer; a deadline applies.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction, lockOrder, lockVendors } from "@/lib/data/tx";
import { notice, notify } from "@/lib/data/notifications/notify";
import { transitionOrder } from "@/lib/data/orders/transition-order";
import { getSettings } from "@/lib/data/settings/get-settings";
import { offerDeadline } from "@/lib/domain/routing";
import { readStandings } from "@/lib/db/sql/standings";
import { rankForManualAssignment } from "@/lib/data/admin/escalations";
import { vm } from "@/lib/domain/validation-message";

export const assignReasonSchema = z.string().trim().min(5, vm("reason.assign")).max(500);

// Built once: zod compiles a schema on its first parse, so one made per call is compiled on every call.
const assignInput = z.object({ reason: assignReasonSchema });

export async function assignEscalatedOrder(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string }; orderId: string; vendorId: string; reason: string },
) {
  const { clock, actor, orderId, vendorId, reason } = opts;
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  const why = parseInput(assignInput, { reason }).reason;
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    if (!(await lockOrder(tx, orderId))) throw new AppError("NOT_FOUND");
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    if (order.status !== "ESCALATED") throw new AppError("INVALID_STATE", { status: order.status });
    await lockVendors(tx, [vendorId]);
    const vendor = await tx.vendor.findUnique({ where: { id: vendorId }, select: { code: true, name: true } });
    if (!vendor) throw new AppError("NOT_FOUND");
    const settings = await getSettings(tx);
    // The same eligibility the escalation queue shows (routing's rule; see forManualAssignment).
    const ranked = rankForManualAssignment(
      { orderId, category: order.category, pax: order.pax, method: order.method },
      await readStandings(
        tx,
        [vendorId],
        { id: orderId, deliveryAt: order.deliveryAt, deliveryDay: order.deliveryDay },
        now,
      ),
      settings.ePurchasingRequiresTayang,
    );
    if (ranked.candidates.length !== 1) {
      throw new AppError("NOT_ELIGIBLE", { reason: ranked.exclusions[0]?.reason ?? null });
    }
    // By hand the lead time may be shorter than routing's, but the answer must still come before delivery.
    const expiresAt = offerDeadline(now, order.deliveryAt, settings.responseWindowMinutes, 0);
    if (!expiresAt) throw new AppError("TOO_LATE");
    const round =
      ((await tx.routingDecision.aggregate({ where: { orderId }, _max: { round: true } }))._max.round ?? 0) + 1;
    const decision = await tx.routingDecision.create({
      data: {
        orderId,
        round,
        decidedAt: now,
        chosenVendorId: vendorId,
        candidates: [{ vendorId, code: vendor.code, name: vendor.name, rank: 1, manual: true }],
        exclusions: [],
        outcome: `MANUAL:${why}`,
      },
    });
    const offer = await tx.offer.create({
      data: {
        orderId,
        vendorId,
        decisionId: decision.id,
        round,
        status: "PENDING",
        value: order.total,
        pax: order.pax,
        deliveryDay: order.deliveryDay,
        offeredAt: now,
        expiresAt,
        assignedById: actor.id,
      },
    });
    await transitionOrder(tx, { orderId, from: "ESCALATED", to: "OFFERED" });
    await writeAudit(tx, actor, {
      action: "order.assigned",
      entity: "Order",
      entityId: orderId,
      before: { status: "ESCALATED" },
      after: { status: "OFFERED", vendor: vendor.code, reason: why },
    });
    await notify(
      tx,
      { vendorId },
      notice("offer.new", "offerAssigned", { number: order.number, reason: why }, "/vendor"),
      now,
    );
    await notify(
      tx,
      { opdId: order.opdId },
      notice(
        "order.assigned",
        "orderAssigned",
        { number: order.number, vendor: vendor.name },
        `/opd/orders/${orderId}`,
      ),
      now,
    );
    return { offerId: offer.id, expiresAt };
  });
}
