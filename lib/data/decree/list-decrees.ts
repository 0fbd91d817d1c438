// Every decree, newest first, with how many allocations each holds: the admin's decree list.
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";

export async function listDecrees(tx: Tx, opts: { actor: Actor }) {
  requireAdmin(opts.actor);
  const rows = await tx.decree.findMany({
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    include: { _count: { select: { allocations: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    number: d.number,
    title: d.title,
    status: d.status,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo,
    publishedAt: d.publishedAt,
    allocations: d._count.allocations,
  }));
}
