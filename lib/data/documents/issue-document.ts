// Issuing a letter (issue 18): the first print of an order's Surat Pesanan or BAST gives it its number — the next of
// its kind for the OPD in the year of issue, from DocumentCounter, locked for the transaction, so two prints at once
// never share a number and a failed issue (rolled back) skips none — the hash of what the letter says, and the code
// of its public verification page. Later prints show the same number, hash and code.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { getSettings } from "@/lib/data/settings/get-settings";
import { formatDocumentNumber, type NumberedKind } from "@/lib/domain/letters";
import { fiscalYearOf, wibDay } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryOne } from "@/lib/db/sql/decode";
import { int, row } from "@/lib/db/sql/columns";

export interface IssuedLetter {
  number: string;
  verifyCode: string;
  contentHash: string;
  issuedAt: Date;
}

/**
 * The hash of what a letter says: SHA-256 over its content as canonical JSON (keys sorted), so a printout whose
 * number, parties, amount or dates were edited no longer matches the verification page.
 */
export function contentHashOf(content: unknown): string {
  const canonical = (v: unknown): unknown =>
    v instanceof Date
      ? v.toISOString()
      : Array.isArray(v)
        ? v.map(canonical)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
            )
          : v;
  return createHash("sha256")
    .update(JSON.stringify(canonical(content)))
    .digest("hex");
}

const issueDocumentCounterRow = row({ last: int });

export async function issueOrderDocument(
  db: Db,
  opts: {
    clock: Clock;
    orderId: string;
    opdId: string;
    opdCode: string;
    kind: NumberedKind;
    /** What the letter says (its parties, amounts and dates): hashed once, at issue. */
    content: unknown;
  },
): Promise<IssuedLetter> {
  const existing = () =>
    db.issuedDocument.findUnique({ where: { orderId_kind: { orderId: opts.orderId, kind: opts.kind } } });
  const found = await existing();
  if (found) return found;
  try {
    return await inTransaction(db, async (tx) => {
      const now = opts.clock.now();
      const year = fiscalYearOf(now);
      const month = Number(wibDay(now).slice(5, 7));
      const settings = await getSettings(tx);
      const pattern = opts.kind === "surat-pesanan" ? settings.spNumberPattern : settings.bastNumberPattern;
      // The counter row, created at 0 the first time, then taken: the row stays locked until this commits.
      const counter = await queryOne(
        tx,
        "issueDocument.counter",
        issueDocumentCounterRow,
        Prisma.sql`INSERT INTO "DocumentCounter" (kind, "opdId", year, last) VALUES (${opts.kind}, ${opts.opdId}::uuid, ${year}, 1)
          ON CONFLICT (kind, "opdId", year) DO UPDATE SET last = "DocumentCounter".last + 1
          RETURNING last`,
      );
      const seq = counter!.last;
      return tx.issuedDocument.create({
        data: {
          kind: opts.kind,
          orderId: opts.orderId,
          opdId: opts.opdId,
          year,
          seq,
          number: formatDocumentNumber(pattern, { seq, year, month, opdCode: opts.opdCode }),
          contentHash: contentHashOf(opts.content),
          verifyCode: randomBytes(9).toString("base64url"),
          issuedAt: now,
        },
      });
    });
  } catch (e) {
    // Printed twice at once: the other print issued it (and this one's counter step was rolled back with it).
    if (isUniqueViolation(e)) {
      const again = await existing();
      if (again) return again;
    }
    throw e;
  }
}
