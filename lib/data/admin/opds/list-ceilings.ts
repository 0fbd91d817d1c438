// The price ceilings (SSH/SBU) per menu category and year, newest year first.
import type { Tx } from "@/lib/db/client";
import { type Actor } from "@/lib/data/audit";
import { rp } from "@/lib/domain/money";
import { requireAdmin } from "@/lib/data/authorise";

export async function listCeilings(tx: Tx, opts: { actor: Actor }) {
  requireAdmin(opts.actor);
  const rows = await tx.priceCeiling.findMany({ orderBy: [{ fiscalYear: "desc" }, { category: "asc" }] });
  return rows.map((c) => ({
    id: c.id,
    category: c.category,
    fiscalYear: c.fiscalYear,
    maxPerPax: rp(c.maxPerPax),
    basis: c.basis,
  }));
}
