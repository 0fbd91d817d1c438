// One decree as its admin page shows it: the header, every agency and UMKM, the ticked cells, the thin pools and idle
// UMKM (lib/domain/decree.ts gridGaps), and what it changes against the decree in force today (allocationDiff).
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { decreeParties } from "@/lib/data/decree/decree-parties";
import { allocationDiff, cellKey, gridGaps } from "@/lib/domain/decree";
import { wibDay } from "@/lib/format";
import type { DecreeStatus } from "@/lib/generated/prisma/enums";

export interface DecreeGrid {
  id: string;
  number: string;
  title: string;
  status: DecreeStatus;
  signedOn: Date | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  notes: string | null;
  version: number;
  opds: { id: string; code: string; name: string }[];
  vendors: { id: string; code: string; name: string; status: string }[];
  /** "opdId:vendorId" → weight */
  cells: Record<string, number>;
  rowCounts: Record<string, number>;
  columnCounts: Record<string, number>;
  /** OPDs with fewer than two UMKM, and UMKM in no pool (active ones only). */
  thinOpds: string[];
  idleVendors: string[];
  /** Against the decree in force today (absent for that decree itself). */
  diff: {
    against: string;
    added: { opdId: string; vendorId: string }[];
    removed: { opdId: string; vendorId: string }[];
  } | null;
}

export async function getDecreeGrid(
  tx: Tx,
  opts: { clock: Clock; actor: Actor; decreeId: string },
): Promise<DecreeGrid | null> {
  requireAdmin(opts.actor);
  const { decreeId } = opts;
  const d = await tx.decree.findUnique({ where: { id: decreeId }, include: { allocations: true } });
  if (!d) return null;
  const [[opds, parties], inForce] = await Promise.all([
    decreeParties(tx, decreeId),
    findDecreeInForce(tx, wibDay(opts.clock.now())),
  ]);
  const vendors = parties.map(({ id, code, name, status }) => ({ id, code, name, status }));
  const cells: Record<string, number> = {};
  for (const a of d.allocations) cells[cellKey(a.opdId, a.vendorId)] = a.weight;
  let diff: DecreeGrid["diff"] = null;
  if (inForce && inForce.id !== d.id) {
    const current = await tx.allocation.findMany({
      where: { decreeId: inForce.id },
      select: { opdId: true, vendorId: true },
    });
    diff = {
      against: inForce.number,
      ...allocationDiff(
        Object.keys(cells),
        current.map((a) => cellKey(a.opdId, a.vendorId)),
      ),
    };
  }
  return {
    id: d.id,
    number: d.number,
    title: d.title,
    status: d.status,
    signedOn: d.signedOn,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo,
    notes: d.notes,
    version: d.version,
    opds,
    vendors,
    cells,
    ...gridGaps(opds, vendors, Object.keys(cells)),
    diff,
  };
}
