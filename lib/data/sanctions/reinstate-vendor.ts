// An admin ends a vendor's suspension early, with a reason: the vendor is active again (it rejoins the pools it is
// allocated to), audited, and told.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction, lockVendors } from "@/lib/data/tx";
import { notice, notify } from "@/lib/data/notifications/notify";
import { vm } from "@/lib/domain/validation-message";
import type { AdminActor } from "@/lib/data/sanctions/decide-sanction";

// Built once: zod compiles a schema on its first parse.
const reinstateInput = z.object({ reason: z.string().trim().min(5, vm("reason.reinstate")).max(1000) });

export async function reinstateVendor(
  db: Db,
  opts: { clock: Clock; actor: AdminActor; vendorId: string; reason: string },
) {
  const { clock, actor, vendorId, reason } = opts;
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
      notice("vendor.reinstated", "vendorReinstated", { reason: why }, "/vendor/record"),
      now,
    );
  });
}
