// The OPD's own orders: search (number, event, place, vendor), filters (status, delivery date range,
// vendor) and pagination. Always scoped by the caller's opdId.
import { requireOwnOpdId } from "@/lib/data/authorise";
import type { Role } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { filterDay, filterText } from "@/lib/validation/query";
import type { Tx } from "@/lib/db/client";
import { ORDER_ROW_SELECT, toOrderRow, type OrderRow } from "@/lib/data/orders/order-row";
import { wibDateTime } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";

export const PAGE_SIZE = 20;

export const orderListQuerySchema = z.object({
  q: filterText(100),
  status: z
    .enum(["SUBMITTED", "OFFERED", "ACCEPTED", "DELIVERED", "ESCALATED", "CANCELLED", "FAILED"])
    .optional()
    .catch(undefined),
  from: filterDay,
  to: filterDay,
  vendor: z.string().uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export interface OrderListPage {
  rows: OrderRow[];
  total: number;
  page: number;
  pages: number;
  vendors: { id: string; name: string }[];
}

/** The list's filters as a query, always inside the caller's OPD: shared by the page and the Excel export. */
export function opdOrdersWhere(opdId: string, query: OrderListQuery): Prisma.OrderWhereInput {
  const where: Prisma.OrderWhereInput = { opdId };
  if (query.status) where.status = query.status;
  if (query.vendor) where.vendorId = query.vendor;
  if (query.from || query.to) {
    where.deliveryAt = {
      ...(query.from ? { gte: wibDateTime(query.from, "00:00") } : {}),
      ...(query.to ? { lt: new Date(wibDateTime(query.to, "00:00").getTime() + 86_400_000) } : {}),
    };
  }
  if (query.q) {
    where.OR = [
      { number: { contains: query.q, mode: "insensitive" } },
      { eventName: { contains: query.q, mode: "insensitive" } },
      { place: { contains: query.q, mode: "insensitive" } },
      { vendor: { name: { contains: query.q, mode: "insensitive" } } },
    ];
  }
  return where;
}

/** The OPD's own orders, filtered and paged (OPD staff only, their own OPD). */
export async function listOpdOrders(
  tx: Tx,
  opts: { actor: { role: Role | null; opdId?: string | null }; query: OrderListQuery },
): Promise<OrderListPage> {
  const opdId = requireOwnOpdId(opts.actor);
  const { query } = opts;
  const where = opdOrdersWhere(opdId, query);
  const [total, vendors] = await Promise.all([
    tx.order.count({ where }),
    tx.vendor.findMany({
      where: { awardedOrders: { some: { opdId } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pages);
  const rows = await tx.order.findMany({
    where,
    orderBy: [{ deliveryAt: "desc" }, { number: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: ORDER_ROW_SELECT,
  });
  return {
    rows: rows.map(toOrderRow),
    total,
    page,
    pages,
    vendors,
  };
}
