import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { listVendors, vendorListQuerySchema } from "@/lib/data/admin/vendors/list-vendors";
import { Card, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Pager } from "@/components/ui/pager";
import { FilterActions, FilterInput, FilterSelect, queryHref } from "@/components/ui/filters";
import { ScrollableTable } from "@/components/ui/table";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminVendors"))("title") };
}

// A plain GET form: filters live in the URL.
export default async function VendorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageRole("ADMIN");
  const query = vendorListQuerySchema.parse(await searchParams);
  const list = await listVendors(db(), { clock: systemClock, actor: user, query });
  const t = await getTranslations();
  const href = (page: number) => queryHref("/admin/vendors", { ...query, page });
  const all = list.progress.live + list.progress.inProgress + list.progress.notStarted;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("adminVendors.title")}</h1>
        <Link href="/admin/vendors/import" className="ml-auto text-sm font-medium text-brand-700 underline">
          {t("adminVendors.import")}
        </Link>
        <Link
          href="/admin/vendors/new"
          className=" inline-flex h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t("adminVendors.new")}
        </Link>
      </div>
      <p className="text-sm text-slate-700" role="status">
        {t("adminVendors.progress", { live: list.progress.live, total: all, inProgress: list.progress.inProgress })}
      </p>
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <FilterInput
            name="q"
            label={t("orderList.search")}
            value={query.q}
            placeholder={t("adminVendors.searchPlaceholder")}
            className="sm:col-span-3 lg:col-span-2"
          />
          <FilterSelect
            name="status"
            label={t("adminVendors.status")}
            value={query.status}
            allLabel={t("adminVendors.all")}
            options={(["ACTIVE", "SUSPENDED", "REMOVED"] as const).map((s) => ({
              value: s,
              label: t(`status.vendor.${s}`),
            }))}
          />
          <FilterSelect
            name="ekatalog"
            label={t("adminVendors.ekatalog")}
            value={query.ekatalog}
            allLabel={t("adminVendors.all")}
            options={(["BELUM", "PROSES", "TAYANG"] as const).map((s) => ({
              value: s,
              label: t(`status.ekatalog.${s}`),
            }))}
          />
          <FilterSelect
            name="kelurahan"
            label={t("adminVendors.kelurahan")}
            value={query.kelurahan}
            allLabel={t("adminVendors.all")}
            options={list.kelurahan.map((k) => ({ value: k, label: k }))}
          />
          <FilterSelect
            name="category"
            label={t("orderForm.category")}
            value={query.category}
            allLabel={t("adminVendors.all")}
            options={MENU_CATEGORIES.map((c) => ({
              value: c,
              label: t(`status.category.${c}`),
            }))}
          />
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input
              type="checkbox"
              name="expiring"
              value="1"
              defaultChecked={query.expiring === "1"}
              className="size-4"
            />
            {t("adminVendors.expiringOnly")}
          </label>
          <FilterActions
            resetHref="/admin/vendors"
            count={t("adminVendors.count", { total: list.total })}
            className="sm:col-span-3 lg:col-span-4"
          />
        </form>
      </Card>
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState>{t("adminVendors.empty")}</EmptyState>
        ) : (
          <ScrollableTable label={t("adminVendors.title")} minWidth={760}>
            <thead className="border-b border-slate-200 text-left text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("adminVendors.code")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("adminVendors.name")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("adminVendors.kelurahan")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("orderForm.category")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("adminVendors.status")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("adminVendors.ekatalog")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("adminVendors.documents")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((v) => (
                <tr key={v.id}>
                  <td className="py-2 pr-3 font-mono text-xs">{v.code}</td>
                  <td className="py-2 pr-3">
                    <Link href={`/admin/vendors/${v.id}`} className="font-medium text-brand-700 underline">
                      {v.name}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {v.ownerName}
                      {v.hasLogin ? "" : ` · ${t("adminVendors.noLogin")}`}
                    </span>
                  </td>
                  <td className="py-2 pr-3">{v.kelurahan}</td>
                  <td className="py-2 pr-3 text-xs">{v.categories.map((c) => t(`status.category.${c}`)).join(", ")}</td>
                  <td className="py-2 pr-3">
                    <Badge tone={v.status === "ACTIVE" ? "success" : "danger"}>{t(`status.vendor.${v.status}`)}</Badge>
                  </td>
                  <td className="py-2 pr-3">
                    <Badge
                      tone={
                        v.ekatalogStatus === "TAYANG"
                          ? "success"
                          : v.ekatalogStatus === "PROSES"
                            ? "warning"
                            : "neutral"
                      }
                    >
                      {t(`status.ekatalog.${v.ekatalogStatus}`)}
                    </Badge>
                  </td>
                  <td className="py-2">
                    {v.expiringDocuments > 0 ? (
                      <Badge tone="warning">{t("adminVendors.expiringCount", { count: v.expiringDocuments })}</Badge>
                    ) : (
                      <span className="text-xs text-slate-500">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
        )}
        <Pager page={list.page} pages={list.pages} href={href} />
      </Card>
    </div>
  );
}
