import type { Tx } from "@/lib/db/client";
import type { RawSql } from "@/lib/db/raw";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/** Gives an order's reservation back to its budget (cancellation, final failure). */
export async function releaseBudget(tx: RawSql, budgetId: string, total: bigint): Promise<void> {
  await tx.$executeRaw(releaseBudgetSql(budgetId, total));
}

/** releaseBudget's UPDATE, for a larger statement; with `when`, only if that SQL condition holds. */
export function releaseBudgetSql(budgetId: string, total: bigint, when?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`UPDATE "Budget" SET committed = committed - ${total}::bigint, version = version + 1, "updatedAt" = now()
    WHERE id = ${budgetId}::uuid${when ? Prisma.sql` AND ${when}` : Prisma.empty}`;
}

/** The refusal for an order the budget cannot hold, saying how much is left. */
export async function budgetExceeded(tx: Tx, budgetId: string, total: bigint): Promise<AppError> {
  const b = await tx.budget.findUniqueOrThrow({ where: { id: budgetId }, select: { pagu: true, committed: true } });
  return new AppError("BUDGET_EXCEEDED", { remaining: Number(b.pagu - b.committed), total: Number(total) });
}
