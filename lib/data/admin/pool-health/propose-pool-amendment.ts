// An admin asks for the pool amendment now (the admin home's button).
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { requireAdmin } from "@/lib/data/authorise";
import { prepareAmendmentDraft } from "@/lib/data/admin/pool-health/prepare-amendment-draft";

/**
 * An admin asks for the amendment now (the admin home's button): one transaction with its audit row. Null when no
 * pool is thin, or no eligible UMKM is left to refill one.
 */
export async function proposePoolAmendment(db: Db, opts: { clock: Clock; actor: Actor & { id: string } }) {
  const { clock, actor } = opts;
  requireAdmin(actor);
  return inTransaction(db, (tx) => prepareAmendmentDraft(tx, { clock, actor, cause: "permintaan admin" }));
}
