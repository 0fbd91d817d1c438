// The agencies and UMKM a decree's grid and files list: every agency, and every UMKM not removed or still in this
// decree (a removed one keeps its column where the decree names it), by code.
import type { Tx } from "@/lib/db/client";

export function decreeParties(tx: Tx, decreeId: string) {
  return Promise.all([
    tx.opd.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    tx.vendor.findMany({
      where: { OR: [{ status: { not: "REMOVED" } }, { allocations: { some: { decreeId } } }] },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, status: true, kelurahan: true },
    }),
  ]);
}
