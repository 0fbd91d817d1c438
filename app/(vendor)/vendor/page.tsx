import { Textarea } from "@/components/ui/field";
import { firstSteps, firstStepsPending, type FirstStep } from "@/lib/domain/first-steps";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Clock3, MapPin, Phone, Users } from "lucide-react";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getVendorHome } from "@/lib/data/home/get-vendor-home";
import { formatDateTimeWIB, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { acceptOfferAction, declineOfferAction } from "@/lib/actions/offers";
import { Flash } from "@/components/ui/flash";
import { Countdown } from "@/components/live/countdown";
import { timeLeftText } from "@/components/live/time-left";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { PushOptIn } from "@/components/push/push-opt-in";
import { vapidKeys } from "@/lib/notifications/push";
import { ActionForm } from "@/components/ui/action-form";

// Mobile-first: one column at 360 px. Answers are plain form posts (ActionForm sends them without a page load when
// JavaScript runs, and keeps a typed decline reason if the server refuses); the other client code is the deadline
// countdown and the periodic refresh, all optional (the page reads and answers right without JavaScript).
/** Where each first step is done. */
const FIRST_STEP_LINKS: Record<FirstStep, string> = {
  password: "/account/password",
  menu: "/vendor/profile#menu",
  whatsapp: "/vendor/profile",
  email: "/vendor/profile",
  daysOff: "/vendor/profile#days-off",
};

export default async function VendorHomePage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const user = await requirePageRole("VENDOR");
  const home = await getVendorHome(db(), { clock: systemClock, actor: user });
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const { done, error } = await searchParams;
  const now = systemClock.now().getTime();
  const push = vapidKeys();
  const timeLeft = (ms: number) => timeLeftText(t, ms, locale);
  return (
    <div className="space-y-4">
      {/* New offers arrive without a reload (every 30 s while the page is open). */}
      <AutoRefresh seconds={30} />
      <Flash
        done={done}
        error={error}
        messages={{ accepted: t("vendorHome.doneAccepted"), declined: t("vendorHome.doneDeclined") }}
      />
      <div>
        <h1 className="text-xl font-bold">{t("vendorHome.title", { name: home.vendor.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("vendorHome.status")}:{" "}
          <Badge tone={home.vendor.status === "ACTIVE" ? "success" : "danger"}>
            {t(`status.vendor.${home.vendor.status}`)}
          </Badge>
        </p>
      </div>
      {firstStepsPending(home.firstSteps) ? (
        <Card>
          <CardTitle>{t("firstSteps.title")}</CardTitle>
          <p className="mb-2 text-sm text-slate-700">{t("firstSteps.intro")}</p>
          <ol className="space-y-1 text-sm">
            {firstSteps(home.firstSteps).map((s) => (
              <li key={s.step} className="flex items-start gap-2">
                <span aria-hidden className={s.done ? "text-green-700" : "text-slate-400"}>
                  {s.done ? "✓" : "○"}
                </span>
                <span>
                  {s.done ? (
                    <span className="text-slate-600 line-through">{t(`firstSteps.${s.step}`)}</span>
                  ) : (
                    <a href={FIRST_STEP_LINKS[s.step]} className="font-medium text-brand-700 underline">
                      {t(`firstSteps.${s.step}`)}
                    </a>
                  )}
                  {s.optional ? <span className="text-slate-600"> ({t("firstSteps.optional")})</span> : null}
                  <span className="sr-only">{s.done ? t("firstSteps.done") : t("firstSteps.todo")}</span>
                </span>
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
      {home.activeSanction ? (
        <p role="status" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("vendorHome.sanction", { level: t(`status.sanctionLevel.${home.activeSanction.level}`) })}
          {home.activeSanction.endsAt
            ? ` — ${t("vendorHome.sanctionUntil", { date: formatDateTimeWIB(home.activeSanction.endsAt, locale) })}`
            : null}
          <br />
          {home.activeSanction.cause}
        </p>
      ) : null}
      {push ? (
        <Card>
          <CardTitle>{t("push.title")}</CardTitle>
          <PushOptIn
            publicKey={push.publicKey}
            labels={{
              intro: t("push.intro"),
              enable: t("push.enable"),
              disable: t("push.disable"),
              on: t("push.on"),
              denied: t("push.denied"),
              unsupported: t("push.unsupported"),
              error: t("push.error"),
            }}
          />
        </Card>
      ) : null}
      <Card>
        <CardTitle>{t("vendorHome.offers")}</CardTitle>
        {home.pendingOffers.length === 0 ? (
          <EmptyState>{t("vendorHome.noOffers")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {home.pendingOffers.map((o) => (
              <li key={o.offerId} className="rounded-md border border-amber-300 bg-amber-50 p-3">
                <p className="font-semibold">{o.eventName}</p>
                <p className="text-sm text-slate-700">{o.opdName}</p>
                <p className="mt-1 flex items-center gap-1 text-sm">
                  <Users aria-hidden className="size-4" />
                  {t("vendorHome.portions", { count: o.pax })} · {t(`status.category.${o.category}`)}
                </p>
                <p className="flex items-center gap-1 text-sm">
                  <Clock3 aria-hidden className="size-4" />
                  {formatDateTimeWIB(o.deliveryAt, locale)}
                </p>
                <p className="flex items-center gap-1 text-sm">
                  <MapPin aria-hidden className="size-4" />
                  {o.place}
                </p>
                <p className="flex items-center gap-1 text-sm">
                  <Phone aria-hidden className="size-4" />
                  {o.contactName} ·{" "}
                  <a href={`tel:${o.contactPhone.replace(/[^\d+]/g, "")}`} className="text-brand-700 underline">
                    {o.contactPhone}
                  </a>
                </p>
                {o.notes ? <p className="text-sm text-slate-600">{o.notes}</p> : null}
                <p className="mt-1 text-lg font-semibold tabular-nums">{formatRupiah(o.value, locale)}</p>
                <p className="text-sm font-medium text-amber-900">
                  {t("vendorHome.deadline", { time: formatDateTimeWIB(o.expiresAt, locale) })}
                  <br />
                  {t("vendorHome.timeLeftLabel")}{" "}
                  <Countdown
                    deadline={o.expiresAt.toISOString()}
                    initial={timeLeft(o.expiresAt.getTime() - now)}
                    locale={locale}
                    expired={t("vendorHome.expired")}
                  />
                </p>
                {/* Each answer is one tap plus a confirmation, as plain forms inside <details>: no JavaScript needed. */}
                <div className="mt-3 grid grid-cols-2 gap-2">
                  <details className="group col-span-2 rounded-md border border-green-300 bg-white p-2 open:col-span-2">
                    <summary className="cursor-pointer list-none text-center font-semibold text-green-800">
                      {t("vendorHome.accept")}
                    </summary>
                    <ActionForm action={acceptOfferAction} className="mt-2 space-y-2">
                      <input type="hidden" name="offerId" value={o.offerId} />
                      <p className="text-xs text-slate-700">{t("vendorHome.acceptHint")}</p>
                      <Button type="submit" className="w-full">
                        {t("vendorHome.acceptConfirm")}
                      </Button>
                    </ActionForm>
                  </details>
                  <details className="col-span-2 rounded-md border border-slate-300 bg-white p-2">
                    <summary className="cursor-pointer list-none text-center font-semibold text-slate-800">
                      {t("vendorHome.decline")}
                    </summary>
                    <ActionForm action={declineOfferAction} className="mt-2 space-y-2">
                      <input type="hidden" name="offerId" value={o.offerId} />
                      <label htmlFor={`reason-${o.offerId}`} className="block text-sm font-medium">
                        {t("vendorHome.declineReason")}
                      </label>
                      <Textarea
                        id={`reason-${o.offerId}`}
                        name="reason"
                        required
                        minLength={3}
                        maxLength={500}
                        rows={2}
                        aria-describedby={`reason-hint-${o.offerId}`}
                      />
                      <p id={`reason-hint-${o.offerId}`} className="text-xs text-slate-600">
                        {t("vendorHome.declineReasonHint")}
                      </p>
                      <Button type="submit" variant="danger" className="w-full">
                        {t("vendorHome.declineConfirm")}
                      </Button>
                    </ActionForm>
                  </details>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle>{t("vendorHome.upcoming")}</CardTitle>
        {home.upcoming.length === 0 ? (
          <EmptyState>{t("vendorHome.noUpcoming")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {home.upcoming.map((o) => (
              <li key={o.orderNumber} className="py-2">
                <p className="font-medium">{o.eventName}</p>
                <p className="text-sm text-slate-700">
                  {o.opdName} · {t("vendorHome.portions", { count: o.pax })}
                </p>
                <p className="text-sm">
                  {formatDateTimeWIB(o.deliveryAt, locale)} · {o.place}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle>{t("vendorHome.yearValue")}</CardTitle>
        <p className="text-2xl font-semibold tabular-nums">{formatRupiah(home.yearValue, locale)}</p>
        <p className="text-sm text-slate-600">{t("vendorHome.yearOrders", { count: home.yearOrders })}</p>
      </Card>
    </div>
  );
}
