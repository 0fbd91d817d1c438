// A budget's reservation given back, as SQL (cancellation, final failure): releaseBudget runs it alone, a failure
// report's single statement embeds it with a condition.
import { Prisma } from "@/lib/generated/prisma/client";

/** releaseBudget's UPDATE, for a larger statement; with `when`, only if that SQL condition holds. */
export function releaseBudgetSql(budgetId: string, total: bigint, when?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`UPDATE "Budget" SET committed = committed - ${total}::bigint, version = version + 1, "updatedAt" = now()
    WHERE id = ${budgetId}::uuid${when ? Prisma.sql` AND ${when}` : Prisma.empty}`;
}
