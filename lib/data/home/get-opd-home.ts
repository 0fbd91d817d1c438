import type { Tx } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireOwnOpdId } from "@/lib/data/authorise";
import type { Clock } from "@/lib/clock";
import { fiscalYearOf } from "@/lib/format";
import { rp } from "@/lib/domain/money";
import { ORDER_ROW_SELECT, toOrderRow, type OrderRow } from "@/lib/data/orders/order-row";

export interface OpdHome {
  opd: { code: string; name: string };
  fiscalYear: number;
  budgets: { accountCode: string; accountName: string; pagu: number; committed: number; left: number }[];
  recentOrders: OrderRow[];
  openOrders: number;
}

/** OPD staff home: always scoped by the caller's own opdId. */
/** The OPD staff member's home: their OPD's budgets, recent and open orders (their own OPD only). */
export async function getOpdHome(
  tx: Tx,
  opts: { clock: Clock; actor: { role: Role | null; opdId?: string | null } },
): Promise<OpdHome> {
  const opdId = requireOwnOpdId(opts.actor);
  const { clock } = opts;
  const fiscalYear = fiscalYearOf(clock.now());
  const [opd, budgets, recent, openOrders] = await Promise.all([
    tx.opd.findUniqueOrThrow({ where: { id: opdId }, select: { code: true, name: true } }),
    tx.budget.findMany({ where: { opdId, fiscalYear }, orderBy: { accountCode: "asc" } }),
    tx.order.findMany({
      where: { opdId },
      orderBy: { createdAt: "desc" },
      take: 8,
      select: ORDER_ROW_SELECT,
    }),
    tx.order.count({ where: { opdId, status: { in: ["SUBMITTED", "OFFERED", "ACCEPTED", "ESCALATED"] } } }),
  ]);
  return {
    opd,
    fiscalYear,
    budgets: budgets.map((b) => ({
      accountCode: b.accountCode,
      accountName: b.accountName,
      pagu: rp(b.pagu),
      committed: rp(b.committed),
      left: rp(b.pagu - b.committed),
    })),
    recentOrders: recent.map(toOrderRow),
    openOrders,
  };
}
