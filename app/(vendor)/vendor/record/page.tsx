import { Textarea } from "@/components/ui/field";
import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getVendorRecord } from "@/lib/data/vendor/get-vendor-record";
import { formatDateTimeWIB, formatDateWIB, formatPercent, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { clarifySanctionAction } from "@/lib/actions/vendor";
import { ActionForm } from "@/components/ui/action-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vendorRecord"))("title") };
}

export default async function VendorRecordPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; error?: string; field?: string; why?: string }>;
}) {
  const user = await requirePageRole("VENDOR");
  const sp = await searchParams;
  const r = await getVendorRecord(db(), { clock: systemClock, actor: user });
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const diff = r.spread.value - r.spread.evenShare;
  const stat = "rounded-md border border-slate-200 p-3";
  return (
    <div className="space-y-4">
      <Flash
        done={sp.done}
        error={sp.error}
        field={sp.field}
        why={sp.why}
        messages={{ clarified: t("vendorRecord.clarified") }}
        fieldLabels={{ clarification: t("vendorRecord.clarify") }}
      />
      <h1 className="text-xl font-bold">{t("vendorRecord.title", { year: r.fiscalYear })}</h1>
      <div className="grid grid-cols-2 gap-3">
        <div className={stat}>
          <p className="text-xs text-slate-600">{t("vendorRecord.delivered")}</p>
          <p className="text-lg font-semibold tabular-nums">{formatRupiah(r.deliveredValue, locale)}</p>
          <p className="text-xs text-slate-600">{t("vendorRecord.orders", { count: r.deliveredOrders })}</p>
        </div>
        <div className={stat}>
          <p className="text-xs text-slate-600">{t("vendorRecord.accepted")}</p>
          <p className="text-lg font-semibold tabular-nums">{formatRupiah(r.acceptedValue, locale)}</p>
          <p className="text-xs text-slate-600">{t("vendorRecord.orders", { count: r.acceptedOrders })}</p>
        </div>
        <div className={stat}>
          <p className="text-xs text-slate-600">{t("vendorRecord.onTime")}</p>
          <p className="text-lg font-semibold tabular-nums">
            {r.onTimeRate === null ? "—" : formatPercent(r.onTimeRate, locale, 0)}
          </p>
          <p className="text-xs text-slate-600">{t("vendorRecord.settled", { count: r.settled })}</p>
        </div>
        <div className={stat}>
          <p className="text-xs text-slate-600">{t("vendorRecord.rank")}</p>
          <p className="text-lg font-semibold tabular-nums">
            {r.spread.rank} / {r.spread.of}
          </p>
          <p className="text-xs text-slate-600">{t("vendorRecord.rankHint")}</p>
        </div>
      </div>
      <Card>
        <CardTitle>{t("vendorRecord.spread")}</CardTitle>
        <p className="text-sm">{t("vendorRecord.evenShare", { share: formatRupiah(r.spread.evenShare, locale) })}</p>
        <p className="mt-1 text-sm font-medium">
          {diff === 0
            ? t("vendorRecord.atShare")
            : diff < 0
              ? t("vendorRecord.belowShare", { amount: formatRupiah(-diff, locale) })
              : t("vendorRecord.aboveShare", { amount: formatRupiah(diff, locale) })}
        </p>
        <p className="mt-2 text-xs text-slate-600">{t("vendorRecord.spreadHint")}</p>
      </Card>
      <Card>
        <CardTitle>{t("vendorRecord.sanctions")}</CardTitle>
        {r.sanctions.length === 0 ? (
          <EmptyState>{t("vendorRecord.noSanctions")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {r.sanctions.map((s, i) => (
              <li key={i} className="py-2">
                <p className="flex flex-wrap items-center gap-2">
                  <strong>{t(`status.sanctionLevel.${s.level}`)}</strong>
                  <Badge tone={s.status === "CONFIRMED" ? "danger" : s.status === "PROPOSED" ? "warning" : "neutral"}>
                    {t(`vendorRecord.sanctionStatus.${s.status}`)}
                  </Badge>
                  <span className="text-slate-600">{formatDateWIB(s.proposedAt, locale)}</span>
                </p>
                <p>{s.cause}</p>
                {s.decisionReason ? (
                  <p className="text-slate-600">
                    {t("vendorRecord.decisionReason")}: {s.decisionReason}
                  </p>
                ) : null}
                {s.endsAt ? (
                  <p className="text-slate-600">
                    {t("vendorRecord.until", { date: formatDateTimeWIB(s.endsAt, locale) })}
                  </p>
                ) : null}
                {s.vendorClarification ? (
                  <p className="mt-1 text-slate-700">
                    {t("vendorRecord.yourClarification")}: {s.vendorClarification}
                  </p>
                ) : null}
                {s.status === "PROPOSED" ? (
                  <ActionForm action={clarifySanctionAction} className="mt-2 space-y-1">
                    <input type="hidden" name="sanctionId" value={s.id} />
                    <label htmlFor={`clarification-${s.id}`} className="block font-medium">
                      {t("vendorRecord.clarify")}
                    </label>
                    <Textarea
                      id={`clarification-${s.id}`}
                      name="clarification"
                      required
                      minLength={10}
                      maxLength={2000}
                      rows={3}
                      defaultValue={s.vendorClarification ?? ""}
                    />
                    <p className="text-xs text-slate-600">{t("vendorRecord.clarifyHint")}</p>
                    <Button type="submit">{t("vendorRecord.clarifySubmit")}</Button>
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle>{t("vendorRecord.failures")}</CardTitle>
        {r.failures.length === 0 ? (
          <EmptyState>{t("vendorRecord.noFailures")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {r.failures.map((f, i) => (
              <li key={i} className="py-2">
                <p>
                  <strong>{f.eventName}</strong> · {f.orderNumber}
                </p>
                <p className="text-slate-700">
                  {t(`orderDetail.failTypes.${f.type ?? "NOT_DELIVERED"}`)} · {formatDateTimeWIB(f.at, locale)}
                </p>
                {f.evidence ? <p className="text-slate-600">{f.evidence}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
