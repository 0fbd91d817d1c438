// Delivered orders and where their money stands (issue 20): the vendor's own ("my money"), or an OPD's (what it
// owes, for its staff and treasurer), filtered by stage, searched by order number or event, paginated, with the
// totals owed and paid. Always scoped by the caller's vendorId or opdId.
import type { Role } from "@/lib/generated/prisma/enums";
import { requireOwnOpdId, requireOwnVendorId } from "@/lib/data/authorise";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { rp } from "@/lib/domain/money";
import { filterText } from "@/lib/validation/query";
import { PAYABLE_STAGES, payableStage, outstanding, isOverdue, type PayableStage } from "@/lib/domain/payment";
import { wibDay } from "@/lib/format";
import type { Clock } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InvoiceStatus } from "@/lib/generated/prisma/enums";
import { queryOne } from "@/lib/db/sql/decode";
import { int8, row, rupiah } from "@/lib/db/sql/columns";

export const PAYABLES_PAGE_SIZE = 20;

export const payableQuerySchema = z.object({
  q: filterText(100),
  stage: z.enum(PAYABLE_STAGES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type PayableQuery = z.infer<typeof payableQuerySchema>;

export interface PayableRow {
  orderId: string;
  orderNumber: string;
  eventName: string;
  deliveryAt: Date;
  counterpart: string;
  amount: number;
  owed: number;
  paidGross: number;
  paidNet: number;
  stage: PayableStage;
  bastAt: Date;
  paidOn: Date | null;
  invoiceNumber: string | null;
  invoiceId: string | null;
  returnReason: string | null;
  overdue: boolean;
}

export interface PayablePage {
  rows: PayableRow[];
  total: number;
  page: number;
  pages: number;
  totals: { owed: number; paidNet: number; awaitingInvoice: number; overdue: number };
}

/** The stage filter in the table's own terms (lib/domain/payment.ts payableStage, kept in step by a unit test). */
function stageWhere(stage: PayableStage | undefined): Prisma.PayableWhereInput {
  switch (stage) {
    case undefined:
      return {};
    case "PAID":
      return { paidOn: { not: null } };
    case "PARTIALLY_PAID":
      return { paidOn: null, paidGross: { gt: 0 } };
    case "AWAITING_PAYMENT":
      return { paidGross: 0, invoiceStatus: "ACCEPTED" };
    case "INVOICE_REVIEW":
      return { paidGross: 0, invoiceStatus: "SUBMITTED" };
    case "INVOICE_RETURNED":
      return { paidGross: 0, invoiceStatus: "RETURNED" };
    case "AWAITING_INVOICE":
      return { paidGross: 0, invoiceStatus: null };
  }
}

const listPayablesSumsRow = row({ owed: rupiah, paid: rupiah, awaiting: int8, overdue: int8 });

export async function listPayables(
  tx: Tx,
  opts: {
    clock: Clock;
    /** The vendor (its money) or the OPD's staff (its debts): each sees only its own. */
    actor: { role: Role | null; vendorId?: string | null; opdId?: string | null };
    query: PayableQuery;
    targetDays: number;
  },
): Promise<PayablePage> {
  const { clock, actor } = opts;
  const own: { vendorId: string } | { opdId: string } =
    actor.role === "VENDOR" ? { vendorId: requireOwnVendorId(actor) } : { opdId: requireOwnOpdId(actor) };
  const scope: Prisma.PayableWhereInput = "vendorId" in own ? { vendorId: own.vendorId } : { opdId: own.opdId };
  const q = opts.query.q;
  const where: Prisma.PayableWhereInput = {
    ...scope,
    ...stageWhere(opts.query.stage),
    ...(q
      ? {
          order: {
            OR: [{ number: { contains: q, mode: "insensitive" } }, { eventName: { contains: q, mode: "insensitive" } }],
          },
        }
      : {}),
  };
  const today = wibDay(clock.now());
  const overdueBefore = new Date(Date.parse(`${today}T00:00:00+07:00`) - opts.targetDays * 86_400_000);
  const page = opts.query.page ?? 1;
  const [rows, total, sums] = await Promise.all([
    tx.payable.findMany({
      where,
      orderBy: [{ paidOn: { sort: "desc", nulls: "first" } }, { bastAt: "asc" }],
      skip: (page - 1) * PAYABLES_PAGE_SIZE,
      take: PAYABLES_PAGE_SIZE,
      include: {
        order: {
          select: {
            number: true,
            eventName: true,
            deliveryAt: true,
            opd: { select: { name: true } },
            vendor: { select: { name: true } },
          },
        },
        invoices: {
          orderBy: { submittedAt: "desc" },
          take: 1,
          select: { id: true, number: true, returnReason: true, status: true },
        },
      },
    }),
    tx.payable.count({ where }),
    queryOne(
      tx,
      "listPayables.sums",
      listPayablesSumsRow,
      Prisma.sql`
      SELECT COALESCE(sum(amount - "paidGross"), 0)::bigint AS owed, COALESCE(sum("paidNet"), 0)::bigint AS paid,
             count(*) FILTER (WHERE "invoiceStatus" IS NULL OR "invoiceStatus" = 'RETURNED')::bigint AS awaiting,
             count(*) FILTER (WHERE "paidOn" IS NULL AND "bastAt" < ${overdueBefore})::bigint AS overdue
      FROM "Payable" WHERE ${
        "vendorId" in own ? Prisma.sql`"vendorId" = ${own.vendorId}::uuid` : Prisma.sql`"opdId" = ${own.opdId}::uuid`
      }`,
    ),
  ]);
  const s = sums!;
  return {
    rows: rows.map((r) => {
      const state = {
        amount: rp(r.amount),
        paidGross: rp(r.paidGross),
        invoiceStatus: r.invoiceStatus as InvoiceStatus | null,
      };
      const inv = r.invoices[0];
      return {
        orderId: r.orderId,
        orderNumber: r.order.number,
        eventName: r.order.eventName,
        deliveryAt: r.order.deliveryAt,
        counterpart: "vendorId" in own ? r.order.opd.name : (r.order.vendor?.name ?? "-"),
        amount: state.amount,
        owed: outstanding(state),
        paidGross: state.paidGross,
        paidNet: rp(r.paidNet),
        stage: payableStage(state),
        bastAt: r.bastAt,
        paidOn: r.paidOn,
        invoiceNumber: inv?.number ?? null,
        invoiceId: inv?.id ?? null,
        returnReason: inv?.status === "RETURNED" ? inv.returnReason : null,
        overdue: isOverdue(wibDay(r.bastAt), today, opts.targetDays, r.paidOn !== null),
      };
    }),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAYABLES_PAGE_SIZE)),
    totals: { owed: s.owed, paidNet: s.paid, awaitingInvoice: Number(s.awaiting), overdue: Number(s.overdue) },
  };
}
