// A vendor changes its own contact (WhatsApp, e-mail) and daily capacity — routing reads the capacity, so the change
// is audited; a stale form (another change saved meanwhile) is a CONFLICT.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { vendorContactSchema } from "@/lib/validation/vendor";
import type { VendorActor } from "@/lib/data/offers/answer-offer";
import { requireOwnVendorId } from "@/lib/data/authorise";

/** WhatsApp number and daily capacity; a stale form (another change saved meanwhile) is a CONFLICT. */
export async function updateVendorContact(
  db: Db,
  opts: { clock: Clock; actor: VendorActor; input: unknown },
): Promise<void> {
  const { clock, actor } = opts;
  const vendorId = requireOwnVendorId(actor);
  const input = parseInput(vendorContactSchema, opts.input);
  await inTransaction(db, async (tx) => {
    const before = await tx.vendor.findUniqueOrThrow({
      where: { id: vendorId },
      select: { whatsapp: true, email: true, dailyCapacityPax: true, version: true },
    });
    const { count } = await tx.vendor.updateMany({
      where: { id: vendorId, version: input.version },
      data: {
        whatsapp: input.whatsapp,
        dailyCapacityPax: input.dailyCapacityPax,
        ...(input.email !== undefined ? { email: input.email } : {}),
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    // The vendor's own account gets the address too: e-mail notices go to users (lib/data/notifications/notify.ts).
    if (input.email !== undefined) await tx.user.updateMany({ where: { vendorId }, data: { email: input.email } });
    await writeAudit(tx, actor, {
      action: "vendor.contact_updated",
      entity: "Vendor",
      entityId: vendorId,
      before: { whatsapp: before.whatsapp, email: before.email, dailyCapacityPax: before.dailyCapacityPax },
      after: {
        whatsapp: input.whatsapp,
        email: input.email,
        dailyCapacityPax: input.dailyCapacityPax,
        at: clock.now(),
      },
    });
  });
}
