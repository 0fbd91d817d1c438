// A vendor marks a future day it cannot serve: routing skips it for that day. Marking a day twice changes nothing.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { unavailableDaySchema } from "@/lib/validation/vendor";
import type { VendorActor } from "@/lib/data/offers/answer-offer";
import { requireOwnVendorId } from "@/lib/data/authorise";
import { dayAsDate, wibDay } from "@/lib/format";
import { vm } from "@/lib/domain/validation-message";

/** Marks a future day the vendor cannot serve (routing then skips it for that day). */
export async function addUnavailableDay(
  db: Db,
  opts: { clock: Clock; actor: VendorActor; input: unknown },
): Promise<void> {
  const { clock, actor } = opts;
  const vendorId = requireOwnVendorId(actor);
  const input = parseInput(unavailableDaySchema, opts.input);
  if (input.day < wibDay(clock.now())) {
    throw new AppError("VALIDATION", { issues: { day: [vm("vendor.dayPast")] } });
  }
  await inTransaction(db, async (tx) => {
    const { count } = await tx.vendorUnavailableDay.createMany({
      data: [{ vendorId, day: dayAsDate(input.day), reason: input.reason || null }],
      skipDuplicates: true,
    });
    if (count === 0) return; // already marked: nothing changes
    await writeAudit(tx, actor, {
      action: "vendor.unavailable_added",
      entity: "Vendor",
      entityId: vendorId,
      after: { day: input.day, reason: input.reason ?? null },
    });
  });
}
