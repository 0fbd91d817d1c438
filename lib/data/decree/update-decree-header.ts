// A draft decree's header (number, title, dates, notes) changed at the version the form was opened with, with its
// audit row; a number already used is a CONFLICT, in words.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { isoDay, lockDraft } from "@/lib/data/decree/lock-draft";
import { parseInput } from "@/lib/validation/parse";
import { decreeHeaderSchema } from "@/lib/validation/decree";
import { versionSchema } from "@/lib/validation/admin-vendor";
import { vm } from "@/lib/domain/validation-message";
import { decreeHeaderColumns } from "@/lib/domain/decree";

export async function updateDecreeHeader(db: Db, opts: { actor: Actor; decreeId: string; input: unknown }) {
  const { actor, decreeId } = opts;
  requireAdmin(actor);
  const { version, ...rest } = (opts.input ?? {}) as Record<string, unknown>;
  const h = parseInput(decreeHeaderSchema, rest);
  const v = parseInput(versionSchema, version);
  try {
    await inTransaction(db, async (tx) => {
      await lockDraft(tx, decreeId, v);
      const before = await tx.decree.findUniqueOrThrow({ where: { id: decreeId } });
      await tx.decree.update({
        where: { id: decreeId },
        data: { ...decreeHeaderColumns(h), version: { increment: 1 } },
      });
      await writeAudit(tx, actor, {
        action: "decree.draft_updated",
        entity: "Decree",
        entityId: decreeId,
        before: {
          number: before.number,
          title: before.title,
          effectiveFrom: isoDay(before.effectiveFrom),
          effectiveTo: isoDay(before.effectiveTo),
        },
        after: h,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { number: [vm("decree.numberTaken")] } });
    throw e;
  }
}
