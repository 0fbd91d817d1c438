// Runs a use case in one transaction, retried on deadlock or serialization failure (the whole
// transaction rolled back, so a retry is safe). Locks are taken in one order everywhere —
// order row → budget row → vendor rows sorted by id — so deadlocks are rare, not impossible.
import type { Db, Tx } from "@/lib/db/client";

const RETRYABLE = new Set(["40P01", "40001", "P2034"]);

function isRetryable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 4) return false;
  const o = e as { code?: unknown; cause?: unknown; meta?: unknown; originalCode?: unknown; kind?: unknown };
  if (typeof o.code === "string" && RETRYABLE.has(o.code)) return true;
  if (typeof o.originalCode === "string" && RETRYABLE.has(o.originalCode)) return true;
  if (o.kind === "TransactionWriteConflict") return true;
  return isRetryable(o.cause, depth + 1) || isRetryable(o.meta, depth + 1);
}

export function isUniqueViolation(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 4) return false;
  const o = e as { code?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown };
  if (o.code === "P2002" || o.code === "23505" || o.originalCode === "23505" || o.kind === "UniqueConstraintViolation")
    return true;
  return isUniqueViolation(o.cause, depth + 1);
}

export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, { maxWait: 20_000, timeout: 30_000 });
    } catch (e) {
      if (attempt >= attempts || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}

/** Locks rows of "Order" (one) — the first lock of every order transition. Returns false if it does not exist. */
export async function lockOrder(tx: Tx, orderId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

/** Locks vendor rows in id order: every change to a vendor's pending/awarded value or day load happens under it. */
export async function lockVendors(tx: Tx, vendorIds: readonly string[]): Promise<void> {
  if (vendorIds.length === 0) return;
  const ids = [...new Set(vendorIds)].sort();
  await tx.$queryRaw`SELECT id FROM "Vendor" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
}
