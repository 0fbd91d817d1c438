// A decree's files — its attachment as PDF, its matrix as a workbook — and, on a draft, the matrix imported back from
// Excel. A server component of the admin's decree page.
import { getTranslations } from "@/lib/i18n/server";
import type { DecreeGrid } from "@/lib/data/decree/get-decree-grid";
import { Card, CardTitle } from "@/components/ui/card";
import { ClientMessages } from "@/components/i18n/client-messages";
import { DecreeImportForm } from "@/components/admin/decree-import-form";

export async function DecreeFilesCard({ g }: { g: DecreeGrid }) {
  const t = await getTranslations();
  const draft = g.status === "DRAFT";
  return (
    <Card>
      <CardTitle>{t("adminDecrees.files")}</CardTitle>
      <div className="flex flex-wrap gap-3">
        <a href={`/api/admin/decrees/${g.id}/pdf`} download className="text-sm font-medium text-brand-700 underline">
          {t("adminDecrees.downloadPdf")}
        </a>
        <a href={`/api/admin/decrees/${g.id}/xlsx`} download className="text-sm font-medium text-brand-700 underline">
          {t("adminDecrees.downloadXlsx")}
        </a>
      </div>
      {draft ? (
        <div className="mt-3 border-t border-slate-100 pt-3">
          <p className="mb-2 text-sm text-slate-700">{t("adminDecrees.importHint")}</p>
          <ClientMessages namespaces={["adminDecrees"]}>
            <DecreeImportForm decreeId={g.id} version={g.version} />
          </ClientMessages>
        </div>
      ) : null}
    </Card>
  );
}
