import type { Metadata } from "next";
import { FileSpreadsheet } from "lucide-react";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { listOpdOrders, orderListQuerySchema } from "@/lib/data/orders/list-opd-orders";
import { droppedFilters } from "@/lib/validation/query";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { Pager } from "@/components/ui/pager";
import { FilterActions, FilterInput, FilterSelect, queryHref } from "@/components/ui/filters";
import { Card, EmptyState } from "@/components/ui/card";
import { OrdersTable } from "@/components/orders/orders-table";
import { ORDER_TRANSITIONS } from "@/lib/domain/order-state";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orderList"))("title") };
}

// A plain GET form: filters live in the URL (shareable, back button works), no client JavaScript.
export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageRole("OPD_STAFF");
  const raw = await searchParams;
  const query = orderListQuerySchema.parse(raw);
  const list = await listOpdOrders(db(), { actor: user, query });
  const t = await getTranslations();
  const pageHref = (page: number) => queryHref("/opd/orders", { ...query, page });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("orderList.title")}</h1>
        {/* The same filters as the list: the accountability file gets exactly what is shown. */}
        <a
          href={queryHref("/api/opd/orders/export", { ...query, page: undefined })}
          download
          className="ml-auto inline-flex h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-800 hover:bg-slate-50"
        >
          <FileSpreadsheet aria-hidden className="size-4" />
          {t("orderList.export")}
        </a>
      </div>
      <IgnoredFilters dropped={droppedFilters(raw, query, ["from", "to", "page"])} />
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
          <FilterInput
            name="q"
            label={t("orderList.search")}
            value={query.q}
            placeholder={t("orderList.searchPlaceholder")}
            className="sm:col-span-2"
          />
          <FilterSelect
            name="status"
            label={t("orderList.status")}
            value={query.status}
            allLabel={t("orderList.allStatuses")}
            options={(Object.keys(ORDER_TRANSITIONS) as OrderStatus[]).map((s) => ({
              value: s,
              label: t(`status.order.${s}`),
            }))}
          />
          <FilterInput name="from" type="date" label={t("orderList.from")} value={query.from} />
          <FilterInput name="to" type="date" label={t("orderList.to")} value={query.to} />
          <FilterSelect
            name="vendor"
            label={t("orderList.vendor")}
            value={query.vendor}
            allLabel={t("orderList.allVendors")}
            options={list.vendors.map((v) => ({ value: v.id, label: v.name }))}
          />
          <FilterActions
            resetHref="/opd/orders"
            count={t("orderList.count", { total: list.total })}
            className="lg:col-span-6"
          />
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
