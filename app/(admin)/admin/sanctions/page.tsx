import { Input, Select, Textarea } from "@/components/ui/field";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getSanctionQueue } from "@/lib/data/admin/sanction-queue";
import { decideSanctionAction, reinstateVendorAction } from "@/lib/actions/admin";
import { formatDateTimeWIB, toLocaleTag } from "@/lib/format";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { ActionForm } from "@/components/ui/action-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminSanctions"))("title") };
}

export default async function SanctionsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; error?: string; field?: string; why?: string }>;
}) {
  const admin = await requirePageRole("ADMIN");
  const queue = await getSanctionQueue(db(), { clock: systemClock, actor: admin });
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
        messages={{
          confirmed: t("adminSanctions.doneConfirmed"),
          dismissed: t("adminSanctions.doneDismissed"),
          reinstated: t("adminSanctions.doneReinstated"),
        }}
        fieldLabels={{ reason: t("adminSanctions.reason") }}
      />
      <h1 className="text-2xl font-bold">{t("adminSanctions.title")}</h1>
      <p className="text-sm text-slate-700">{t("adminSanctions.intro")}</p>
      <Card>
        <CardTitle>{t("adminSanctions.proposals", { count: queue.proposals.length })}</CardTitle>
        {queue.proposals.length === 0 ? (
          <EmptyState>{t("adminSanctions.noProposals")}</EmptyState>
        ) : (
          <ul className="space-y-4">
            {queue.proposals.map((p) => (
              <li key={p.id} className="rounded-md border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone="warning">{t(`status.sanctionLevel.${p.level}`)}</Badge>
                  <span className="font-semibold">{p.vendor.name}</span>
                  <span className="text-sm text-slate-600">
                    {p.vendor.code} · {t(`status.vendor.${p.vendor.status}`)}
                  </span>
                  <span className="ml-auto text-sm text-slate-600">{formatDateTimeWIB(p.proposedAt, locale)}</span>
                </div>
                {p.order ? (
                  <p className="mt-1 text-sm">
                    {t("adminSanctions.order")}: <strong>{p.order.number}</strong> · {p.order.eventName} ·{" "}
                    {p.order.opdName} · {formatDateTimeWIB(p.order.deliveryAt, locale)}
                  </p>
                ) : null}
                {p.evidence ? (
                  <p className="mt-1 text-sm">
                    {t("adminSanctions.evidence")}:{" "}
                    <strong>{t(`orderDetail.failTypes.${p.evidence.type ?? "NOT_DELIVERED"}`)}</strong> —{" "}
                    {p.evidence.text}
                  </p>
                ) : (
                  <p className="mt-1 text-sm">{p.cause}</p>
                )}
                {p.clarification ? (
                  <p className="mt-1 rounded border border-sky-200 bg-sky-50 p-2 text-sm">
                    {t("adminSanctions.clarification", { at: formatDateTimeWIB(p.clarification.at, locale) })}:{" "}
                    {p.clarification.text}
                  </p>
                ) : (
                  <p className="mt-1 text-sm text-slate-600">{t("adminSanctions.noClarification")}</p>
                )}
                <p className="mt-1 text-sm text-slate-700">
                  {t("adminSanctions.history", { failures: p.history.failuresLastYear })}
                  {p.history.confirmed.length > 0
                    ? ` · ${t("adminSanctions.previous")}: ${p.history.confirmed.map((c) => t(`status.sanctionLevel.${c.level}`)).join(", ")}`
                    : ""}
                </p>
                <ActionForm action={decideSanctionAction} className="mt-3 grid gap-2 md:grid-cols-4">
                  <input type="hidden" name="sanctionId" value={p.id} />
                  <div>
                    <label htmlFor={`level-${p.id}`} className="block text-sm font-medium">
                      {t("adminSanctions.level")}
                    </label>
                    <Select density="compact" id={`level-${p.id}`} name="level" defaultValue={p.level}>
                      {(["SP1", "SP2", "SP3"] as const).map((l) => (
                        <option key={l} value={l}>
                          {t(`status.sanctionLevel.${l}`)}
                        </option>
                      ))}
                    </Select>
                  </div>
                  <div className="md:col-span-3">
                    <label htmlFor={`reason-${p.id}`} className="block text-sm font-medium">
                      {t("adminSanctions.reason")}
                    </label>
                    <Textarea
                      density="compact"
                      id={`reason-${p.id}`}
                      name="reason"
                      required
                      minLength={5}
                      maxLength={1000}
                      rows={2}
                    />
                  </div>
                  <div className="flex flex-wrap gap-2 md:col-span-4">
                    <Button type="submit" name="decision" value="CONFIRM" variant="danger">
                      {t("adminSanctions.confirm")}
                    </Button>
                    <Button type="submit" name="decision" value="DISMISS" variant="secondary">
                      {t("adminSanctions.dismiss")}
                    </Button>
                    <p className="text-xs text-slate-600">{t("adminSanctions.confirmHint")}</p>
                  </div>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle>{t("adminSanctions.suspended")}</CardTitle>
        {queue.suspended.length === 0 ? (
          <EmptyState>{t("adminSanctions.noSuspended")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {queue.suspended.map((v) => (
              <li key={v.vendorId} className="py-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone="danger">{t(`status.sanctionLevel.${v.level}`)}</Badge>
                  <strong>{v.name}</strong> <span className="text-slate-600">{v.code}</span>
                  {v.endsAt ? (
                    <span className="text-slate-600">
                      {t("vendorRecord.until", { date: formatDateTimeWIB(v.endsAt, locale) })}
                    </span>
                  ) : null}
                </p>
                <p className="text-slate-700">{v.cause}</p>
                {v.level === "SP2" ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer font-medium text-brand-700">
                      {t("adminSanctions.reinstate")}
                    </summary>
                    <ActionForm action={reinstateVendorAction} className="mt-2 flex flex-wrap items-end gap-2">
                      <input type="hidden" name="vendorId" value={v.vendorId} />
                      <div className="grow">
                        <label htmlFor={`reinstate-${v.vendorId}`} className="block text-sm font-medium">
                          {t("adminSanctions.reason")}
                        </label>
                        <Input
                          density="compact"
                          id={`reinstate-${v.vendorId}`}
                          name="reason"
                          required
                          minLength={5}
                          maxLength={1000}
                        />
                      </div>
                      <Button type="submit">{t("adminSanctions.reinstateConfirm")}</Button>
                    </ActionForm>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle>{t("adminSanctions.decided")}</CardTitle>
        {queue.decided.length === 0 ? (
          <EmptyState>{t("adminSanctions.noDecided")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {queue.decided.map((d) => (
              <li key={d.id} className="py-2">
                <strong>{d.vendorName}</strong> · {t(`status.sanctionLevel.${d.level}`)} ·{" "}
                {t(`vendorRecord.sanctionStatus.${d.status}`)}
                {d.decidedAt ? ` · ${formatDateTimeWIB(d.decidedAt, locale)}` : ""}
                {d.decisionReason ? <span className="text-slate-600"> · {d.decisionReason}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Link href="/admin/audit?entity=Sanction" className="text-sm font-medium text-brand-700 underline">
        {t("adminSanctions.auditLink")}
      </Link>
    </div>
  );
}
