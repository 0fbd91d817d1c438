// What a decree's files (the PDF attachment, the Excel matrix) show, for admins and the mayor's office: the kop's heading, the header, every agency and
// UMKM and the ticked cells.
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/data/audit";
import { requireOneOf } from "@/lib/data/authorise";
import { getLetterhead } from "@/lib/data/admin/letterhead";
import { decreeParties } from "@/lib/data/decree/decree-parties";
import { cellKey } from "@/lib/domain/decree";
import type { DecreeAllocationFile } from "@/lib/documents/decree-files";

export async function getDecreeFile(
  tx: Tx,
  opts: { actor: Actor; decreeId: string },
): Promise<DecreeAllocationFile | null> {
  // Admins and the mayor's office read a decree's files.
  requireOneOf(opts.actor, "ADMIN", "MAYOR");
  const { decreeId } = opts;
  const d = await tx.decree.findUnique({ where: { id: decreeId }, include: { allocations: true } });
  if (!d) return null;
  const [[opds, parties], letterhead] = await Promise.all([decreeParties(tx, decreeId), getLetterhead(tx)]);
  const vendors = parties.map(({ id, code, name, kelurahan }) => ({ id, code, name, kelurahan }));
  return {
    cityHeading: letterhead.cityHeading,
    number: d.number,
    title: d.title,
    status: d.status,
    signedOn: d.signedOn,
    publishedAt: d.publishedAt,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo,
    opds,
    vendors,
    cells: Object.fromEntries(d.allocations.map((a) => [cellKey(a.opdId, a.vendorId), a.weight])),
  };
}
