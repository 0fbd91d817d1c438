import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getOpdHome } from "@/lib/data/home/get-opd-home";
import { formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { OrdersTable } from "@/components/orders/orders-table";

export default async function OpdHomePage() {
  const user = await requirePageRole("OPD_STAFF");
  const home = await getOpdHome(db(), { clock: systemClock, actor: user });
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
          <OrdersTable rows={home.recentOrders} label={t("recent")} />
        )}
      </Card>
    </div>
  );
}
