import type { Tx } from "@/lib/db/client";

/** Gives an order's reservation back to its budget (cancellation, final failure). */
export async function releaseBudget(tx: Tx, budgetId: string, total: bigint): Promise<void> {
  await tx.$executeRaw`UPDATE "Budget" SET committed = committed - ${total}, version = version + 1, "updatedAt" = now() WHERE id = ${budgetId}::uuid`;
}
