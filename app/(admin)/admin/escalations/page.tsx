import { Input, Select } from "@/components/ui/field";
import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getEscalationQueue } from "@/lib/data/admin/escalations";
import { assignEscalatedAction } from "@/lib/actions/admin";
import { formatDateTimeWIB, formatDuration, formatNumber, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { EXCLUSION_REASONS, type ExclusionReason } from "@/lib/domain/routing";
import { ActionForm } from "@/components/ui/action-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminEscalations"))("title") };
}

export default async function EscalationsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; error?: string; field?: string; why?: string }>;
}) {
  const admin = await requirePageRole("ADMIN");
  const queue = await getEscalationQueue(db(), { clock: systemClock, actor: admin });
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const { done, error, field: badField, why } = await searchParams;
  return (
    <div className="space-y-4">
      <Flash
        done={done}
        error={error}
        field={badField}
        why={why}
        messages={{ assigned: t("adminEscalations.doneAssigned") }}
        fieldLabels={{ reason: t("adminEscalations.reason"), vendorId: t("adminEscalations.vendor") }}
      />
      <h1 className="text-2xl font-bold">{t("adminEscalations.title")}</h1>
      <p className="text-sm text-slate-700">{t("adminEscalations.intro")}</p>
      {queue.length === 0 ? (
        <Card>
          <EmptyState>{t("adminEscalations.empty")}</EmptyState>
        </Card>
      ) : null}
      {queue.map((o) => {
        const counts = new Map<ExclusionReason, number>();
        for (const x of o.excluded) counts.set(x.reason, (counts.get(x.reason) ?? 0) + 1);
        return (
          <Card key={o.id}>
            <div className="flex flex-wrap items-center gap-2">
              <CardTitle>
                {o.number} · {o.eventName}
              </CardTitle>
              <Badge tone={o.minutesLeft < 24 * 60 ? "danger" : "warning"}>
                {o.minutesLeft <= 0
                  ? t("adminEscalations.past")
                  : // "10 hari 12 jam", never "252 jam": the one duration rule (lib/format.ts formatDuration).
                    t("adminEscalations.left", { duration: formatDuration(o.minutesLeft * 60_000, locale) })}
              </Badge>
            </div>
            <p className="text-sm text-slate-700">
              {o.opdName} · {formatDateTimeWIB(o.deliveryAt, locale)} · {o.place} · {formatNumber(o.pax, locale)}{" "}
              {t("adminEscalations.pax")} · {t(`status.category.${o.category}`)} · {formatRupiah(o.total, locale)}
            </p>
            {o.escalatedAt ? (
              <p className="text-xs text-slate-600">
                {t("adminEscalations.since", { time: formatDateTimeWIB(o.escalatedAt, locale) })}
              </p>
            ) : null}
            {o.candidates.length === 0 ? (
              <p className="mt-3 rounded-md bg-red-50 p-2 text-sm text-red-900">{t("adminEscalations.nobody")}</p>
            ) : (
              <ActionForm action={assignEscalatedAction} className="mt-3 grid gap-2 md:grid-cols-3">
                <input type="hidden" name="orderId" value={o.id} />
                <div>
                  <label htmlFor={`vendor-${o.id}`} className="block text-sm font-medium">
                    {t("adminEscalations.vendor")}
                  </label>
                  <Select density="compact" id={`vendor-${o.id}`} name="vendorId" required>
                    {o.candidates.map((c) => (
                      <option key={c.vendorId} value={c.vendorId}>
                        {c.rank}. {c.name} ({formatRupiah(c.awardedValue + c.pendingValue, locale)})
                      </option>
                    ))}
                  </Select>
                </div>
                <div className="md:col-span-2">
                  <label htmlFor={`reason-${o.id}`} className="block text-sm font-medium">
                    {t("adminEscalations.reason")}
                  </label>
                  <Input density="compact" id={`reason-${o.id}`} name="reason" required minLength={5} maxLength={500} />
                </div>
                <div className="md:col-span-3">
                  <Button type="submit">{t("adminEscalations.assign")}</Button>
                  <p className="mt-1 text-xs text-slate-600">{t("adminEscalations.assignHint")}</p>
                </div>
              </ActionForm>
            )}
            {counts.size > 0 ? (
              <p className="mt-2 text-xs text-slate-600">
                {t("adminEscalations.excludedSummary")}:{" "}
                {EXCLUSION_REASONS.filter((r) => counts.has(r))
                  .map((r) => `${t(`orderDetail.reasons.${r}`)} (${counts.get(r)})`)
                  .join(" · ")}
              </p>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}
