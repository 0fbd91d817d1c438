// A vendor answers a proposed sanction with its side of the story — what happened, what it can show — before an
// admin decides (issue 17, item 7: fair failure reports). Only its own, only while still proposed; the latest
// clarification stands (each one audited); admins are told. The sanction queue shows it beside the OPD's report.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { notice, notify } from "@/lib/data/notifications/notify";
import type { VendorActor } from "@/lib/data/offers/answer-offer";
import { vm } from "@/lib/domain/validation-message";

export const clarificationSchema = z
  .object({
    clarification: z
      .string({ message: vm("reason.clarification") })
      .trim()
      .min(10, vm("reason.clarificationShort"))
      .max(2000, vm("reason.clarificationLong")),
  })
  .strict();

export async function clarifySanction(
  db: Db,
  opts: { clock: Clock; actor: VendorActor; sanctionId: string; input: unknown },
): Promise<void> {
  const { clock, actor, sanctionId, input: raw } = opts;
  if (actor.role !== "VENDOR" || !actor.vendorId) throw new AppError("FORBIDDEN");
  const { clarification } = parseInput(clarificationSchema, raw);
  await inTransaction(db, async (tx) => {
    const now = clock.now();
    const before = await tx.sanction.findFirst({
      where: { id: sanctionId, vendorId: actor.vendorId },
      select: { status: true, level: true, vendorClarification: true, vendor: { select: { name: true } } },
    });
    if (!before) throw new AppError("NOT_FOUND");
    const changed = await tx.sanction.updateMany({
      where: { id: sanctionId, vendorId: actor.vendorId, status: "PROPOSED" },
      data: { vendorClarification: clarification, clarifiedAt: now },
    });
    if (changed.count !== 1) throw new AppError("INVALID_STATE", { status: before.status });
    await writeAudit(tx, actor, {
      action: "sanction.clarified",
      entity: "Sanction",
      entityId: sanctionId,
      before: { vendorClarification: before.vendorClarification },
      after: { vendorClarification: clarification },
    });
    await notify(
      tx,
      { role: "ADMIN" },
      notice(
        "sanction.clarified",
        "sanctionClarified",
        { vendor: before.vendor.name, level: { label: `status.sanctionLevel.${before.level}` } },
        "/admin/sanctions",
      ),
      now,
    );
  });
}
