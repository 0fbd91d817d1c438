import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireOpd, requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getOpdHome } from "@/lib/data/home/get-opd-home";
import { formatDateTimeWIB, formatNumber, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { ScrollableTable } from "@/components/ui/table";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";

export default async function OpdHomePage() {
  const user = await requirePageRole("OPD_STAFF");
  const home = await getOpdHome(db(), systemClock, requireOpd(user));
  const t = await getTranslations("opdHome");
  const tf = await getTranslations("orderForm");
  const tl = await getTranslations("orderList");
  const locale = toLocaleTag(await getLocale());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title", { opd: home.opd.name })}</h1>
          <p className="text-sm text-slate-600">{t("openOrders", { count: home.openOrders })}</p>
        </div>
        <Link
          href="/opd/orders/new"
          className="inline-flex h-11 items-center rounded-md bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800"
        >
          {tf("newOrder")}
        </Link>
      </div>
      <Card>
        <CardTitle>{t("budgets", { year: home.fiscalYear })}</CardTitle>
        {home.budgets.length === 0 ? (
          <EmptyState>{t("noBudget")}</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {home.budgets.map((b) => {
              const used = b.pagu > 0 ? Math.min(1, b.committed / b.pagu) : 0;
              return (
                <li key={b.accountCode} className="rounded-md border border-slate-200 p-3">
                  <p className="text-sm font-medium">{b.accountName}</p>
                  <p className="font-mono text-xs text-slate-600">{b.accountCode}</p>
                  <p className="mt-2 text-xl font-semibold tabular-nums">
                    {formatRupiah(b.left, locale)}{" "}
                    <span className="text-sm font-normal text-slate-600">{t("left")}</span>
                  </p>
                  <div className="mt-2 h-2 rounded bg-slate-100" role="presentation">
                    <div className="h-2 rounded bg-brand-600" style={{ width: `${Math.round(used * 100)}%` }} />
                  </div>
                  <p className="mt-1 text-xs text-slate-600">
                    {t("committed")}: {formatRupiah(b.committed, locale)} · {t("pagu")}: {formatRupiah(b.pagu, locale)}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card>
        <div className="mb-3 flex items-center justify-between gap-2">
          <CardTitle className="mb-0">{t("recent")}</CardTitle>
          <Link href="/opd/orders" className="text-sm font-medium text-brand-700 underline">
            {tl("all")}
          </Link>
        </div>
        {home.recentOrders.length === 0 ? (
          <EmptyState>{t("noOrders")}</EmptyState>
        ) : (
          <ScrollableTable label={t("recent")}>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("number")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("event")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("delivery")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  {t("pax")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  {t("total")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("vendor")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {home.recentOrders.map((o) => (
                <tr key={o.id} className="border-b border-slate-100 last:border-0">
                  <td className="py-2 pr-3 font-mono text-xs">{o.number}</td>
                  <td className="py-2 pr-3">{o.eventName}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatDateTimeWIB(o.deliveryAt, locale)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatNumber(o.pax, locale)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums whitespace-nowrap">
                    {formatRupiah(o.total, locale)}
                  </td>
                  <td className="py-2 pr-3">{o.vendorName ?? "—"}</td>
                  <td className="py-2">
                    <OrderStatusBadge status={o.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
        )}
      </Card>
    </div>
  );
}
