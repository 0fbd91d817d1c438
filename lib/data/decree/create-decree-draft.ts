// A new draft decree — empty, or starting from the decree in force's allocations — in one transaction with its audit
// row. A number already used is a CONFLICT, in words.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { parseInput } from "@/lib/validation/parse";
import { decreeHeaderSchema } from "@/lib/validation/decree";
import { vm } from "@/lib/domain/validation-message";
import { wibDay } from "@/lib/format";
import { decreeHeaderColumns } from "@/lib/domain/decree";

export async function createDecreeDraft(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string }; input: unknown; copyFromInForce: boolean },
): Promise<{ id: string }> {
  const { clock, actor } = opts;
  requireAdmin(actor);
  const h = parseInput(decreeHeaderSchema, opts.input);
  try {
    return await inTransaction(db, async (tx) => {
      const d = await tx.decree.create({
        data: { ...decreeHeaderColumns(h), status: "DRAFT", createdById: actor.id },
      });
      let copied = 0;
      if (opts.copyFromInForce) {
        const current = await findDecreeInForce(tx, wibDay(clock.now()));
        if (current) {
          const from = await tx.allocation.findMany({ where: { decreeId: current.id } });
          await tx.allocation.createMany({
            data: from.map((a) => ({ decreeId: d.id, opdId: a.opdId, vendorId: a.vendorId, weight: a.weight })),
          });
          copied = from.length;
        }
      }
      await writeAudit(tx, actor, {
        action: "decree.draft_created",
        entity: "Decree",
        entityId: d.id,
        after: { ...h, copiedAllocations: copied },
      });
      return { id: d.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { number: [vm("decree.numberTaken")] } });
    throw e;
  }
}
