// A vendor takes back a day it had marked as unavailable (routing may offer it orders for that day again).
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { removeUnavailableDaySchema } from "@/lib/validation/vendor";
import type { VendorActor } from "@/lib/data/offers/answer-offer";
import { requireOwnVendorId } from "@/lib/data/authorise";
import { dayAsDate } from "@/lib/format";

export async function removeUnavailableDay(db: Db, opts: { actor: VendorActor; input: unknown }): Promise<void> {
  const { actor } = opts;
  const vendorId = requireOwnVendorId(actor);
  const input = parseInput(removeUnavailableDaySchema, opts.input);
  await inTransaction(db, async (tx) => {
    const { count } = await tx.vendorUnavailableDay.deleteMany({ where: { vendorId, day: dayAsDate(input.day) } });
    if (count === 0) throw new AppError("NOT_FOUND");
    await writeAudit(tx, actor, {
      action: "vendor.unavailable_removed",
      entity: "Vendor",
      entityId: vendorId,
      before: { day: input.day },
    });
  });
}
