// The OPD (or an admin) confirms what arrived: the BAST's facts recorded, the delivery photo stored, the payable
// opened and the order DELIVERED — or, when it came very late, recorded as a failure like reportFailure
// (lib/data/fulfilment/settle-order.ts: what settling shares).
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { transitionOrder } from "@/lib/data/orders/transition-order";
import { createPayable } from "@/lib/data/payments/create-payable";
import { deliveryFailure, lateMinutesOf } from "@/lib/domain/sanctions";
import { deliveryTimeIssue } from "@/lib/domain/delivery-time";
import { removePhoto, storePhoto, type CheckedPhoto } from "@/lib/storage/photos";
import { vm } from "@/lib/domain/validation-message";
import {
  deliverySchema,
  type SettleResult,
  type SettleActor,
  lockAcceptedOrder,
  failInTx,
  PHOTOS_PER_HOUR,
} from "@/lib/data/fulfilment/settle-order";

async function confirmInTx(
  tx: Tx,
  now: Date,
  actor: SettleActor,
  orderId: string,
  input: z.infer<typeof deliverySchema>,
  photo: CheckedPhoto | null,
  stored: string[],
): Promise<SettleResult> {
  const ctx = await lockAcceptedOrder(tx, actor, orderId);
  const timeIssue = deliveryTimeIssue({
    deliveredAt: input.deliveredAt,
    acceptedAt: ctx.offer.respondedAt ?? ctx.offer.offeredAt,
    scheduledAt: ctx.order.deliveryAt,
    now,
    earlyReason: input.earlyReason,
  });
  if (timeIssue) throw new AppError("VALIDATION", { issues: { [timeIssue.field]: [timeIssue.message] } });
  if (input.quantityReceived > ctx.order.pax)
    throw new AppError("VALIDATION", { issues: { quantityReceived: [vm("delivery.quantityOver")] } });
  const { settings } = ctx;
  const lateMinutes = lateMinutesOf(ctx.order.deliveryAt, input.deliveredAt);
  const failure = deliveryFailure(
    { lateMinutes, quantityReceived: input.quantityReceived, pax: ctx.order.pax },
    settings,
  );
  if (failure) {
    const evidence =
      failure === "VERY_LATE"
        ? `Terlambat ${lateMinutes} menit (batas ${settings.veryLateMinutes} menit).`
        : `Diterima ${input.quantityReceived} dari ${ctx.order.pax} porsi.`;
    return failInTx(tx, now, actor, ctx, {
      type: failure,
      evidence,
      lateMinutes,
      quantityReceived: input.quantityReceived,
      rating: input.rating,
    });
  }
  await tx.fulfilment.create({
    data: {
      orderId,
      offerId: ctx.offer.id,
      vendorId: ctx.offer.vendorId,
      outcome: "DELIVERED",
      deliveredAt: input.deliveredAt,
      lateMinutes,
      quantityReceived: input.quantityReceived,
      rating: input.rating ?? null,
      photoPath: photo ? await storeChecked(tx, actor, orderId, photo, now, stored) : null,
      evidence: input.earlyReason ? `Diterima lebih awal dari jadwal: ${input.earlyReason}` : null,
      reportedById: actor.id,
      createdAt: now,
    },
  });
  await transitionOrder(tx, { orderId, from: "ACCEPTED", to: "DELIVERED" });
  // From the BAST on, the OPD owes the vendor (issue 20: invoice, payment).
  await createPayable(tx, {
    orderId,
    opdId: ctx.order.opdId,
    vendorId: ctx.offer.vendorId,
    fiscalYear: ctx.order.fiscalYear,
    quantityReceived: input.quantityReceived,
    unitPrice: ctx.order.unitPrice,
    bastAt: now,
  });
  await writeAudit(tx, actor, {
    action: "order.delivered",
    entity: "Order",
    entityId: orderId,
    before: { status: "ACCEPTED" },
    after: { status: "DELIVERED", lateMinutes, quantityReceived: input.quantityReceived },
  });
  return { outcome: "DELIVERED", lateMinutes };
}

/** Stores a checked photo for the order, within the account's hourly allowance; the path is recorded in `stored`. */
async function storeChecked(
  tx: Tx,
  actor: SettleActor,
  orderId: string,
  photo: CheckedPhoto,
  now: Date,
  stored: string[],
): Promise<string> {
  const recent = await tx.fulfilment.count({
    where: { reportedById: actor.id, photoPath: { not: null }, createdAt: { gt: new Date(now.getTime() - 3_600_000) } },
  });
  if (recent >= PHOTOS_PER_HOUR)
    throw new AppError("VALIDATION", {
      issues: { photo: [vm("delivery.photoThrottled", { count: PHOTOS_PER_HOUR })] },
    });
  const path = await storePhoto(orderId, photo);
  stored.push(path);
  return path;
}

export async function confirmDelivery(
  db: Db,
  opts: { clock: Clock; actor: SettleActor; orderId: string; input: unknown; photo?: CheckedPhoto | null },
): Promise<SettleResult> {
  const { clock, actor, orderId, input: raw, photo = null } = opts;
  if (actor.role !== "OPD_STAFF" && actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  const input = parseInput(deliverySchema, raw);
  // The photo is written only once the order is known to be this OPD's and awaiting delivery, under a name the
  // server chooses; a transaction that fails (or is retried) takes its file with it.
  const stored: string[] = [];
  const forget = async () => {
    for (const p of stored.splice(0)) await removePhoto(p);
  };
  try {
    return await inTransaction(db, async (tx) => {
      await forget();
      return confirmInTx(tx, clock.now(), actor, orderId, input, photo, stored);
    });
  } catch (e) {
    await forget();
    throw e;
  }
}
