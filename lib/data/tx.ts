// Runs a use case in one transaction, retried on deadlock or serialization failure (the whole
// transaction rolled back, so a retry is safe). Locks are taken in one order everywhere —
// order row → budget row → vendor rows sorted by id — so deadlocks are rare, not impossible.
import type { Db, Tx } from "@/lib/db/client";
import type { RawSql } from "@/lib/db/raw";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db/sql/decode";
import { row, uuid } from "@/lib/db/sql/columns";

const RETRYABLE = new Set(["40P01", "40001", "P2034"]);

/** True if the error, or anything it wraps (cause, meta, driver adapter error…), matches. */
function someNested(e: unknown, test: (o: Record<string, unknown>) => boolean, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 5) return false;
  const o = e as Record<string, unknown>;
  if (test(o)) return true;
  for (const key of ["cause", "meta", "driverAdapterError"]) {
    if (someNested(o[key], test, depth + 1)) return true;
  }
  return false;
}

export function isRetryable(e: unknown): boolean {
  return someNested(
    e,
    (o) =>
      (typeof o.code === "string" && RETRYABLE.has(o.code)) ||
      (typeof o.originalCode === "string" && RETRYABLE.has(o.originalCode)) ||
      o.kind === "TransactionWriteConflict",
  );
}

/** A unique-constraint violation, however Prisma wraps it (model query P2002, raw query P2010 around a driver error). */
export function isUniqueViolation(e: unknown): boolean {
  return someNested(
    e,
    (o) =>
      o.code === "P2002" || o.code === "23505" || o.originalCode === "23505" || o.kind === "UniqueConstraintViolation",
  );
}

/**
 * Runs `fn` again on deadlock or serialization failure (at most `attempts` times, with a short random wait): for a
 * transaction, or for a single statement that is its own transaction. `fn` must be safe to repeat, which it is
 * when a failed attempt was rolled back whole.
 */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= attempts || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}

export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  return withRetry(() => db.$transaction(fn, { maxWait: 20_000, timeout: 30_000 }), attempts);
}

const lockOrderRow = row({ id: uuid });

/** Locks rows of "Order" (one) — the first lock of every order transition. Returns false if it does not exist. */
export async function lockOrder(tx: RawSql, orderId: string): Promise<boolean> {
  const rows = await queryRows(
    tx,
    "lockOrder",
    lockOrderRow,
    Prisma.sql`SELECT id FROM "Order" WHERE id = ${orderId}::uuid FOR NO KEY UPDATE`,
  );
  return rows.length === 1;
}

/** Locks vendor rows in id order: every change to a vendor's pending/awarded value or day load happens under it. */
export async function lockVendors(tx: RawSql, vendorIds: readonly string[]): Promise<void> {
  if (vendorIds.length === 0) return;
  const ids = [...new Set(vendorIds)].sort();
  await tx.$queryRaw`SELECT id FROM "Vendor" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR NO KEY UPDATE`;
}
