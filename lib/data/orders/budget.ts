import type { Tx } from "@/lib/db/client";
import type { RawSql } from "@/lib/db/raw";
import { releaseBudgetSql } from "@/lib/db/sql/budget";
import { AppError } from "@/lib/errors";

/** Gives an order's reservation back to its budget (cancellation, final failure). */
export async function releaseBudget(tx: RawSql, budgetId: string, total: bigint): Promise<void> {
  await tx.$executeRaw(releaseBudgetSql(budgetId, total));
}

/** The refusal for an order the budget cannot hold, saying how much is left. */
export async function budgetExceeded(tx: Tx, budgetId: string, total: bigint): Promise<AppError> {
  const b = await tx.budget.findUniqueOrThrow({ where: { id: budgetId }, select: { pagu: true, committed: true } });
  return new AppError("BUDGET_EXCEEDED", { remaining: Number(b.pagu - b.committed), total: Number(total) });
}
