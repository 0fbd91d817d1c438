import type { Metadata } from "next";
import Link from "next/link";
import { FileSpreadsheet } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requireOpd, requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { listOpdOrders, orderListQuerySchema } from "@/lib/data/orders/list-opd-orders";
import { Pager } from "@/components/ui/pager";
import { Card, EmptyState } from "@/components/ui/card";
import { OrdersTable } from "@/components/orders/orders-table";
import { ORDER_TRANSITIONS } from "@/lib/domain/order-state";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orderList"))("title") };
}

const field = "block h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

// A plain GET form: filters live in the URL (shareable, back button works), no client JavaScript.
export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageRole("OPD_STAFF");
  const raw = await searchParams;
  const query = orderListQuerySchema.parse(raw);
  const list = await listOpdOrders(db(), requireOpd(user), query);
  const t = await getTranslations();
  const queryString = (extra: Record<string, string | undefined>) =>
    new URLSearchParams(
      Object.entries({ ...query, page: undefined, ...extra }).filter(
        (e): e is [string, string] => e[1] !== undefined && e[1] !== "",
      ),
    ).toString();
  const pageHref = (page: number) => `/opd/orders?${queryString({ page: String(page) })}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("orderList.title")}</h1>
        {/* The same filters as the list: the accountability file gets exactly what is shown. */}
        <a
          href={`/api/opd/orders/export?${queryString({})}`}
          download
          className="ml-auto inline-flex h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-800 hover:bg-slate-50"
        >
          <FileSpreadsheet aria-hidden className="size-4" />
          {t("orderList.export")}
        </a>
      </div>
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
          <div className="sm:col-span-2">
            <label htmlFor="q" className="block text-sm font-medium">
              {t("orderList.search")}
            </label>
            <input
              id="q"
              name="q"
              defaultValue={query.q}
              placeholder={t("orderList.searchPlaceholder")}
              className={field}
            />
          </div>
          <div>
            <label htmlFor="status" className="block text-sm font-medium">
              {t("orderList.status")}
            </label>
            <select id="status" name="status" defaultValue={query.status ?? ""} className={field}>
              <option value="">{t("orderList.allStatuses")}</option>
              {(Object.keys(ORDER_TRANSITIONS) as OrderStatus[]).map((s) => (
                <option key={s} value={s}>
                  {t(`status.order.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="from" className="block text-sm font-medium">
              {t("orderList.from")}
            </label>
            <input id="from" name="from" type="date" defaultValue={query.from} className={field} />
          </div>
          <div>
            <label htmlFor="to" className="block text-sm font-medium">
              {t("orderList.to")}
            </label>
            <input id="to" name="to" type="date" defaultValue={query.to} className={field} />
          </div>
          <div>
            <label htmlFor="vendor" className="block text-sm font-medium">
              {t("orderList.vendor")}
            </label>
            <select id="vendor" name="vendor" defaultValue={query.vendor ?? ""} className={field}>
              <option value="">{t("orderList.allVendors")}</option>
              {list.vendors.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-end gap-2 lg:col-span-6">
            <button
              type="submit"
              className="h-10 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
            >
              {t("orderList.apply")}
            </button>
            <Link href="/opd/orders" className="text-sm font-medium text-brand-700 underline">
              {t("orderList.reset")}
            </Link>
            <span className="ml-auto text-sm text-slate-600" role="status">
              {t("orderList.count", { total: list.total })}
            </span>
          </div>
        </form>
      </Card>
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState>{t("orderList.empty")}</EmptyState>
        ) : (
          <OrdersTable rows={list.rows} label={t("orderList.title")} />
        )}
        <Pager page={list.page} pages={list.pages} href={pageHref} />
      </Card>
    </div>
  );
}
