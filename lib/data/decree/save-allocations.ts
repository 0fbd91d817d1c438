// A draft's matrix replaced by the ticked cells (weights of cells kept are kept), at the form's version, with its
// audit row naming what was added and removed. A cell naming an unknown agency or UMKM is refused, in words.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { inTransaction } from "@/lib/data/tx";
import { lockDraft } from "@/lib/data/decree/lock-draft";
import { parseInput } from "@/lib/validation/parse";
import { allocationPairsSchema } from "@/lib/validation/decree";
import { versionSchema } from "@/lib/validation/admin-vendor";
import { vm } from "@/lib/domain/validation-message";
import { cellKey, splitCell } from "@/lib/domain/decree";

export async function saveAllocations(
  db: Db,
  opts: { actor: Actor; decreeId: string; cells: unknown; version: unknown },
): Promise<{ added: number; removed: number }> {
  const { actor, decreeId } = opts;
  requireAdmin(actor);
  const pairs = [...new Set(parseInput(allocationPairsSchema, opts.cells))];
  const version = parseInput(versionSchema, opts.version);
  return inTransaction(db, async (tx) => {
    await lockDraft(tx, decreeId, version);
    const wanted = pairs.map(splitCell);
    const opdIds = new Set(wanted.map((w) => w.opdId));
    const vendorIds = new Set(wanted.map((w) => w.vendorId));
    const [opdCount, vendorCount] = await Promise.all([
      tx.opd.count({ where: { id: { in: [...opdIds] } } }),
      tx.vendor.count({ where: { id: { in: [...vendorIds] } } }),
    ]);
    if (opdCount !== opdIds.size || vendorCount !== vendorIds.size) {
      throw new AppError("VALIDATION", { issues: { cells: [vm("decree.unknownCell")] } });
    }
    const current = await tx.allocation.findMany({
      where: { decreeId },
      select: { id: true, opdId: true, vendorId: true },
    });
    const want = new Set(pairs);
    const have = new Set(current.map((a) => cellKey(a.opdId, a.vendorId)));
    const remove = current.filter((a) => !want.has(cellKey(a.opdId, a.vendorId)));
    const add = wanted.filter((w) => !have.has(cellKey(w.opdId, w.vendorId)));
    if (remove.length) await tx.allocation.deleteMany({ where: { id: { in: remove.map((a) => a.id) } } });
    if (add.length) await tx.allocation.createMany({ data: add.map((w) => ({ decreeId, ...w, weight: 1 })) });
    await tx.decree.update({ where: { id: decreeId }, data: { version: { increment: 1 } } });
    await writeAudit(tx, actor, {
      action: "decree.allocations_saved",
      entity: "Decree",
      entityId: decreeId,
      before: { allocations: current.length },
      after: {
        allocations: pairs.length,
        added: add,
        removed: remove.map(({ opdId, vendorId }) => ({ opdId, vendorId })),
      },
    });
    return { added: add.length, removed: remove.length };
  });
}
