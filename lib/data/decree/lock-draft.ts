// A draft decree locked for a change at the version the admin's form was opened with: two admins on one draft — the
// later save is a CONFLICT and nothing is overwritten; a published decree is INVALID_STATE.
import type { Tx } from "@/lib/db/client";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { queryOne } from "@/lib/db/sql/decode";
import { Prisma } from "@/lib/generated/prisma/client";
import { DecreeStatus } from "@/lib/generated/prisma/enums";

const draftRow = z.object({ id: z.string(), status: z.enum(DecreeStatus), version: z.number().int() });

export async function lockDraft(tx: Tx, decreeId: string, version: number): Promise<void> {
  const d = await queryOne(
    tx,
    "draft decree lock",
    draftRow,
    Prisma.sql`SELECT id, status::text AS status, version FROM "Decree" WHERE id = ${decreeId}::uuid FOR UPDATE`,
  );
  if (!d) throw new AppError("NOT_FOUND");
  if (d.status !== "DRAFT") throw new AppError("INVALID_STATE", { status: d.status });
  if (d.version !== version) throw new AppError("CONFLICT");
}

/** Dates as the audit trail writes them (YYYY-MM-DD). */
export const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
