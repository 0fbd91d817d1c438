import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { listPriorYears } from "@/lib/data/admin/prior-purchases/list-prior-years";
import { priorPurchasesImportAction } from "@/lib/actions/prior-purchases";
import { formatDateTimeWIB, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { ScrollableTable } from "@/components/ui/table";
import { ImportForm } from "@/components/admin/import-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("priorPurchases"))("title") };
}

/** The purchases of a year before the decree, imported so the dashboard can compare before and after. */
export default async function BeforeAfterPage() {
  const admin = await requirePageRole("ADMIN");
  const t = await getTranslations("priorPurchases");
  const locale = toLocaleTag(await getLocale());
  const years = await listPriorYears(db(), { actor: admin });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <a href="/api/admin/prior-purchases/template" download className="text-sm font-medium text-brand-700 underline">
        {t("importTemplate")}
      </a>
      <Card>
        <ClientMessages namespaces={["priorPurchases"]}>
          <ImportForm action={priorPurchasesImportAction} namespace="priorPurchases" />
        </ClientMessages>
      </Card>
      <Card>
        <CardTitle>{t("years")}</CardTitle>
        {years.length === 0 ? (
          <EmptyState>{t("noYears")}</EmptyState>
        ) : (
          <ScrollableTable label={t("years")} minWidth={480}>
            <thead className="border-b border-slate-200 text-left text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("year")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("rows")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("suppliers")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("total")}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t("importedAt")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {years.map((y) => (
                <tr key={y.fiscalYear}>
                  <td className="py-1 pr-3 tabular-nums">{y.fiscalYear}</td>
                  <td className="py-1 pr-3 tabular-nums">{y.rows}</td>
                  <td className="py-1 pr-3 tabular-nums">{y.suppliers}</td>
                  <td className="py-1 pr-3 tabular-nums">{formatRupiah(y.total, locale)}</td>
                  <td className="py-1">{formatDateTimeWIB(y.importedAt)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
        )}
      </Card>
    </div>
  );
}
