import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { listPayables, payableQuerySchema } from "@/lib/data/payments/list-payables";
import { getSettings } from "@/lib/data/settings/get-settings";
import { PAYABLE_STAGES } from "@/lib/domain/payment";
import { formatDateWIB, formatNumber, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle, EmptyState, Stat } from "@/components/ui/card";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ImportForm } from "@/components/admin/import-form";
import { paymentsImportAction } from "@/lib/actions/payments";
import { isTreasurer } from "@/lib/data/payments/payable-access";
import { Badge } from "@/components/ui/badge";
import { ScrollableTable } from "@/components/ui/table";
import { Pager } from "@/components/ui/pager";
import { FilterActions, FilterInput, FilterSelect, queryHref } from "@/components/ui/filters";
import { PayableStageBadge } from "@/components/payments/payable-stage-badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments"))("opdList.title") };
}

// What the OPD owes its UMKM, for its staff (invoices to check) and its treasurer (payments to record): filters in the
// URL, oldest unpaid BAST first.
export default async function OpdPaymentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageRole("OPD_STAFF");
  const query = payableQuerySchema.parse(await searchParams);
  const settings = await getSettings(db());
  const [list, treasurer] = await Promise.all([
    listPayables(db(), {
      clock: systemClock,
      actor: user,
      query,
      targetDays: settings.paymentTargetDays,
    }),
    isTreasurer(db(), user.id),
  ]);
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const o = (k: string, v?: Record<string, string | number>) => t(`payments.opdList.${k}`, v);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{o("title")}</h1>
      <p className="text-sm text-slate-700">{o("intro", { days: settings.paymentTargetDays })}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Stat label={o("owedTotal")} value={formatRupiah(list.totals.owed, locale)} />
        <Stat label={o("paidTotal")} value={formatRupiah(list.totals.paidNet, locale)} />
        <Stat label={o("overdueCount")} value={formatNumber(list.totals.overdue, locale)} />
      </div>
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-3">
          <FilterInput name="q" label={t("payments.money.search")} value={query.q} className="sm:col-span-2" />
          <FilterSelect
            name="stage"
            label={t("payments.money.stageFilter")}
            value={query.stage}
            allLabel={t("orderList.allStatuses")}
            options={PAYABLE_STAGES.map((s) => ({ value: s, label: t(`payments.stage.${s}`) }))}
          />
          <FilterActions
            resetHref="/opd/payments"
            count={t("orderList.count", { total: list.total })}
            className="sm:col-span-3"
          />
        </form>
      </Card>
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState>{query.q || query.stage ? t("payments.money.emptyFiltered") : o("empty")}</EmptyState>
        ) : (
          <ScrollableTable label={o("title")} minWidth={640}>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {o("order")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {o("vendor")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {o("bastCol")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  {o("amountCol")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  {o("owedCol")}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {o("stageCol")}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.orderId} className="border-b border-slate-100">
                  <td className="py-1 pr-3">
                    <Link href={`/opd/orders/${r.orderId}`} className="font-medium text-brand-700 underline">
                      {r.orderNumber}
                    </Link>
                    <div className="text-xs text-slate-600">{r.eventName}</div>
                  </td>
                  <td className="py-1 pr-3">{r.counterpart}</td>
                  <td className="py-1 pr-3 whitespace-nowrap">{formatDateWIB(r.bastAt, locale)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatRupiah(r.amount, locale)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatRupiah(r.owed, locale)}</td>
                  <td className="py-1">
                    <span className="flex flex-wrap gap-1">
                      <PayableStageBadge stage={r.stage} />
                      {r.overdue ? <Badge tone="danger">{o("overdueBadge")}</Badge> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
        )}
        <Pager page={list.page} pages={list.pages} href={(page) => queryHref("/opd/payments", { ...query, page })} />
      </Card>
      {treasurer ? (
        <Card>
          <CardTitle>{t("paymentImport.title")}</CardTitle>
          <p className="mb-2 text-sm text-slate-700">{t("paymentImport.intro")}</p>
          <a
            href="/api/opd/payments/template"
            download
            className="mb-3 inline-block text-sm font-medium text-brand-700 underline"
          >
            {t("paymentImport.template")}
          </a>
          <ClientMessages namespaces={["paymentImport"]}>
            <ImportForm action={paymentsImportAction} namespace="paymentImport" />
          </ClientMessages>
        </Card>
      ) : null}
    </div>
  );
}
