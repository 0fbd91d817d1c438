// Publishing a draft decree, behind a second confirmation: from its first day it is the one routing follows. A server
// component of the admin's decree page (shown for drafts only).
import { getTranslations } from "@/lib/i18n/server";
import type { DecreeGrid } from "@/lib/data/decree/get-decree-grid";
import { Card, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { publishDecreeAction } from "@/lib/actions/admin";
import { formatDateWIB, type Locale } from "@/lib/format";

export async function PublishCard({ g, locale }: { g: DecreeGrid; locale: Locale }) {
  if (g.status !== "DRAFT") return null;
  const t = await getTranslations();
  return (
    <Card>
      <CardTitle>{t("adminDecrees.publish")}</CardTitle>
      <details>
        <summary className="cursor-pointer font-semibold text-brand-700">{t("adminDecrees.publishOpen")}</summary>
        <ActionForm action={publishDecreeAction} className="mt-2 space-y-2">
          <input type="hidden" name="decreeId" value={g.id} />
          <input type="hidden" name="version" value={g.version} />
          <p className="text-sm text-slate-700">
            {t("adminDecrees.publishHint", { date: formatDateWIB(g.effectiveFrom, locale) })}
          </p>
          <Button type="submit" variant="danger">
            {t("adminDecrees.publishConfirm")}
          </Button>
        </ActionForm>
      </details>
    </Card>
  );
}
