import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOpd, requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { listOpdOrders, orderListQuerySchema } from "@/lib/data/orders/list-opd-orders";
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
  const pageHref = (page: number) => {
    const p = new URLSearchParams(
      Object.entries({ ...query, page: String(page) }).filter(([, v]) => v !== undefined && v !== "") as [
        string,
        string,
      ][],
    );
    return `/opd/orders?${p.toString()}`;
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("orderList.title")}</h1>
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
        {list.pages > 1 ? (
          <nav
            aria-label={t("orderList.pageOf", { page: list.page, pages: list.pages })}
            className="mt-4 flex items-center justify-between text-sm"
          >
            {list.page > 1 ? (
              <Link href={pageHref(list.page - 1)} className="font-medium text-brand-700 underline">
                {t("orderList.prev")}
              </Link>
            ) : (
              <span />
            )}
            <span>{t("orderList.pageOf", { page: list.page, pages: list.pages })}</span>
            {list.page < list.pages ? (
              <Link href={pageHref(list.page + 1)} className="font-medium text-brand-700 underline">
                {t("orderList.next")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
