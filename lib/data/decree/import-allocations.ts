// A draft's matrix replaced by an uploaded workbook's: all or nothing, every problem reported with its cell (in refusal
// keys, written in the reader's language by the action).
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { saveAllocations } from "@/lib/data/decree/save-allocations";
import { parseDecreeMatrix } from "@/lib/documents/decree-files";

export async function importAllocations(
  db: Db,
  opts: { actor: Actor; decreeId: string; bytes: Buffer; version: unknown },
): Promise<{ ok: true; added: number; removed: number; total: number } | { ok: false; errors: string[] }> {
  requireAdmin(opts.actor);
  const [opds, vendors] = await Promise.all([
    db.opd.findMany({ select: { id: true, code: true } }),
    db.vendor.findMany({ select: { id: true, code: true } }),
  ]);
  const parsed = await parseDecreeMatrix(opts.bytes, opds, vendors);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors.slice(0, 50) };
  const r = await saveAllocations(db, {
    actor: opts.actor,
    decreeId: opts.decreeId,
    cells: parsed.pairs,
    version: opts.version,
  });
  return { ok: true, ...r, total: parsed.pairs.length };
}
