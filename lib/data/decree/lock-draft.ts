// A draft decree locked for a change at the version the admin's form was opened with: two admins on one draft — the
// later save is a CONFLICT and nothing is overwritten; a published decree is INVALID_STATE.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function lockDraft(tx: Tx, decreeId: string, version: number): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string; status: string; version: number }[]>`
    SELECT id, status::text AS status, version FROM "Decree" WHERE id = ${decreeId}::uuid FOR UPDATE`;
  const d = rows[0];
  if (!d) throw new AppError("NOT_FOUND");
  if (d.status !== "DRAFT") throw new AppError("INVALID_STATE", { status: d.status });
  if (d.version !== version) throw new AppError("CONFLICT");
}

/** Dates as the audit trail writes them (YYYY-MM-DD). */
export const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
