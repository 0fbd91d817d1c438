// An admin decides a sanction proposal: confirm (possibly at another level) or dismiss, with a reason.
// SP2 suspends the vendor for the configured days and SP3 removes it: either way it leaves every pool,
// and its pending offers are withdrawn and re-routed at once. Reinstating ends a suspension early.
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction, lockOrder, lockVendors } from "@/lib/data/tx";
import { getSettings } from "@/lib/data/settings/get-settings";
import { notify } from "@/lib/data/notifications/notify";
import { rerouteOrdersInTx, ROUTABLE_ORDER_SELECT, type RoutableOrder } from "@/lib/data/routing/route-order";
import { prepareAmendmentDraft } from "@/lib/data/admin/pool-health";
import type { SanctionLevel } from "@/lib/generated/prisma/enums";

// Built once: zod compiles a schema on its first parse.
const reinstateInput = z.object({ reason: z.string().trim().min(5, "Tuliskan alasan pemulihan").max(1000) });

export const sanctionDecisionSchema = z
  .object({
    decision: z.enum(["CONFIRM", "DISMISS"]),
    level: z.enum(["SP1", "SP2", "SP3"]).optional(),
    reason: z.string().trim().min(5, "Tuliskan alasan keputusan").max(1000),
  })
  .strict();

type AdminActor = Actor & { id: string };

async function withdrawPendingOffers(tx: Tx, vendorId: string, now: Date, actor: Actor): Promise<number> {
  const pending = await tx.offer.findMany({
    where: { vendorId, status: "PENDING" },
    select: { orderId: true },
    orderBy: { orderId: "asc" },
  });
  const settings = await getSettings(tx);
  const withdrawn: RoutableOrder[] = [];
  for (const p of pending) {
    await lockOrder(tx, p.orderId);
    const offer = await tx.offer.findFirst({
      where: { orderId: p.orderId, vendorId, status: "PENDING" },
      include: { order: { select: ROUTABLE_ORDER_SELECT } },
    });
    if (!offer) continue;
    await tx.offer.update({
      where: { id: offer.id },
      data: { status: "WITHDRAWN", respondedAt: now, reason: "UMKM dikenai sanksi" },
    });
    await writeAudit(tx, actor, {
      action: "offer.withdrawn",
      entity: "Offer",
      entityId: offer.id,
      before: { status: "PENDING" },
      after: { status: "WITHDRAWN", reason: "vendor_sanctioned" },
    });
    withdrawn.push(offer.order);
  }
  // Routed again together, as if one by one (each seeing the offers chosen before it).
  await rerouteOrdersInTx(
    tx,
    withdrawn.map((order) => ({ order })),
    { now, settings, actor },
  );
  return pending.length;
}

export async function decideSanction(db: Db, clock: Clock, actor: AdminActor, sanctionId: string, raw: unknown) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  const input = parseInput(sanctionDecisionSchema, raw);
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    const proposal = await tx.sanction.findUnique({ where: { id: sanctionId } });
    if (!proposal) throw new AppError("NOT_FOUND");
    const changedStatus = input.decision === "DISMISS" ? "OVERRIDDEN" : "CONFIRMED";
    const level: SanctionLevel = input.level ?? proposal.level;
    const settings = await getSettings(tx);
    const endsAt = level === "SP2" ? new Date(now.getTime() + settings.suspensionDays * 86_400_000) : null;
    const changed = await tx.sanction.updateMany({
      where: { id: sanctionId, status: "PROPOSED" },
      data: {
        status: changedStatus,
        level,
        decidedById: actor.id,
        decidedAt: now,
        decisionReason: input.reason,
        startsAt: input.decision === "CONFIRM" ? now : null,
        endsAt: input.decision === "CONFIRM" ? endsAt : null,
      },
    });
    if (changed.count !== 1) throw new AppError("INVALID_STATE");
    let withdrawn = 0;
    if (input.decision === "CONFIRM" && level !== "SP1") {
      await tx.vendor.update({
        where: { id: proposal.vendorId },
        data: { status: level === "SP2" ? "SUSPENDED" : "REMOVED", version: { increment: 1 } },
      });
      withdrawn = await withdrawPendingOffers(tx, proposal.vendorId, now, actor);
    }
    // A vendor leaving the pools may leave some with fewer than two eligible UMKM: prepare the decree amendment
    // that refills them (admins are notified; publishing it stays a person's decision).
    const amendment =
      input.decision === "CONFIRM" && level !== "SP1"
        ? await prepareAmendmentDraft(tx, clock, actor, `sanksi ${level} untuk UMKM yang gagal mengantar`)
        : null;
    await writeAudit(tx, actor, {
      action: input.decision === "CONFIRM" ? "sanction.confirmed" : "sanction.dismissed",
      entity: "Sanction",
      entityId: sanctionId,
      before: { status: "PROPOSED", level: proposal.level },
      after: {
        status: changedStatus,
        level,
        endsAt,
        reason: input.reason,
        withdrawnOffers: withdrawn,
        amendmentDraft: amendment?.id ?? null,
      },
    });
    await notify(
      tx,
      { vendorId: proposal.vendorId },
      {
        kind: "sanction.decided",
        title: input.decision === "CONFIRM" ? `Sanksi ${level} ditetapkan` : "Usulan sanksi dibatalkan",
        body: input.reason,
        link: "/vendor/record",
      },
      now,
    );
    return { status: changedStatus, level, endsAt, withdrawn, amendmentDraftId: amendment?.id ?? null };
  });
}

export async function reinstateVendor(db: Db, clock: Clock, actor: AdminActor, vendorId: string, reason: string) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  const why = parseInput(reinstateInput, {
    reason,
  }).reason;
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    await lockVendors(tx, [vendorId]);
    const vendor = await tx.vendor.findUnique({ where: { id: vendorId } });
    if (!vendor) throw new AppError("NOT_FOUND");
    if (vendor.status !== "SUSPENDED") throw new AppError("INVALID_STATE", { status: vendor.status });
    await tx.vendor.update({ where: { id: vendorId }, data: { status: "ACTIVE", version: { increment: 1 } } });
    // End the suspension now; the record stays.
    await tx.sanction.updateMany({
      where: { vendorId, status: "CONFIRMED", level: "SP2", OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
      data: { endsAt: now },
    });
    await writeAudit(tx, actor, {
      action: "vendor.reinstated",
      entity: "Vendor",
      entityId: vendorId,
      before: { status: "SUSPENDED" },
      after: { status: "ACTIVE", reason: why },
    });
    await notify(
      tx,
      { vendorId },
      { kind: "vendor.reinstated", title: "Status usaha dipulihkan", body: why, link: "/vendor/record" },
      now,
    );
  });
}
