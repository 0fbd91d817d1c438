// Pool health (issue 15): the OPDs whose pool under the decree in force has fewer than two UMKM able to take an
// order of a kind, why each of the others cannot, and the prepared decree amendment (or the button to prepare it).
// A server component: the admin home and the decree-in-force page both show it.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import type { PoolHealth } from "@/lib/data/admin/pool-health/get-pool-health";
import { proposePoolAmendmentAction } from "@/lib/actions/admin";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";

/** At most this many thin pools are listed; the rest are counted. */
const SHOWN = 12;

export async function PoolHealthCard({ health }: { health: PoolHealth }) {
  const t = await getTranslations();
  const need = (n: string) => (n === "E_PURCHASING" ? t("poolHealth.ePurchasing") : t(`status.category.${n}`));
  const { thin, amendment, draft } = health;
  return (
    <Card>
      <CardTitle>{t("poolHealth.title")}</CardTitle>
      {!health.decree ? (
        <EmptyState>{t("adminHome.noDecree")}</EmptyState>
      ) : thin.length === 0 ? (
        <EmptyState>{t("poolHealth.allHealthy", { decree: health.decree.number })}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700">
            {t("poolHealth.intro", { count: thin.length, decree: health.decree.number })}
          </p>
          <ul className="divide-y divide-slate-100 text-sm">
            {thin.slice(0, SHOWN).map((x) => (
              <li key={`${x.opdId}:${x.need}`} className="py-2">
                <p className="font-medium">
                  {x.opdCode} · {need(x.need)}:{" "}
                  <span className={x.eligible === 0 ? "text-red-800" : "text-amber-800"}>
                    {t("poolHealth.eligible", { count: x.eligible })}
                  </span>
                </p>
                {x.missing.length > 0 ? (
                  <p className="text-slate-700">
                    {x.missing
                      .map((m, i) => `${x.missingNames[i]}: ${t(`orderDetail.reasons.${m.reason}`)}`)
                      .join(" · ")}
                  </p>
                ) : (
                  <p className="text-slate-700">{t("poolHealth.noPool")}</p>
                )}
              </li>
            ))}
          </ul>
          {thin.length > SHOWN ? (
            <p className="mt-1 text-sm text-slate-600">{t("poolHealth.more", { count: thin.length - SHOWN })}</p>
          ) : null}
          <div className="mt-3 space-y-2 rounded-md bg-slate-50 p-3 text-sm">
            {amendment.additions.length > 0 ? (
              <p>{t("poolHealth.proposal", { count: amendment.additions.length })}</p>
            ) : (
              <p>{t("poolHealth.nobodyToAdd")}</p>
            )}
            {amendment.unfilled.length > 0 ? (
              <p className="text-amber-900">{t("poolHealth.unfilled", { count: amendment.unfilled.length })}</p>
            ) : null}
            {draft ? (
              <p>
                <Link href={`/admin/decrees/${draft.id}`} className="font-semibold text-brand-700 underline">
                  {t("poolHealth.openDraft", { number: draft.number })}
                </Link>
              </p>
            ) : null}
            {amendment.additions.length > 0 ? (
              <ActionForm action={proposePoolAmendmentAction}>
                <Button type="submit" variant={draft ? "secondary" : "primary"}>
                  {draft ? t("poolHealth.refresh") : t("poolHealth.prepare")}
                </Button>
              </ActionForm>
            ) : null}
          </div>
        </>
      )}
      {health.gaps.length > 0 ? (
        <div className="mt-3 border-t border-slate-200 pt-3">
          <h3 className="text-sm font-semibold">{t("poolHealth.gapsTitle", { count: health.gaps.length })}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {health.gaps.map((g) => (
              <li key={g.vendorId}>
                <Link href={`/admin/vendors/${g.vendorId}`} className="font-medium text-brand-700 underline">
                  {g.name}
                </Link>{" "}
                <span className={g.gap === "NOT_TAYANG" ? "text-amber-800" : "text-red-800"}>
                  — {t(`poolHealth.gap.${g.gap}`)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
