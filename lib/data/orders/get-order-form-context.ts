// What the order form shows: this year's price ceilings and the OPD's budget lines with what is left.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { fiscalYearOf } from "@/lib/format";
import { rp } from "@/lib/data/money";
import type { MenuCategory } from "@/lib/generated/prisma/enums";

export interface OrderFormContext {
  fiscalYear: number;
  ceilings: { category: MenuCategory; maxPerPax: number }[];
  budgets: { accountCode: string; accountName: string; left: number }[];
}

export async function getOrderFormContext(tx: Tx, clock: Clock, opdId: string): Promise<OrderFormContext> {
  const fiscalYear = fiscalYearOf(clock.now());
  const [ceilings, budgets] = await Promise.all([
    tx.priceCeiling.findMany({ where: { fiscalYear }, orderBy: { category: "asc" } }),
    tx.budget.findMany({ where: { opdId, fiscalYear }, orderBy: { accountCode: "asc" } }),
  ]);
  return {
    fiscalYear,
    ceilings: ceilings.map((c) => ({ category: c.category, maxPerPax: rp(c.maxPerPax) })),
    budgets: budgets.map((b) => ({
      accountCode: b.accountCode,
      accountName: b.accountName,
      left: rp(b.pagu - b.committed),
    })),
  };
}
