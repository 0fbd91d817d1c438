import { Input } from "@/components/ui/field";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getOfferByLink } from "@/lib/data/offers/get-offer-by-link";
import { acceptOfferByLinkAction, declineOfferByLinkAction } from "@/lib/actions/offer-link";
import { QUICK_DECLINE_REASONS } from "@/lib/domain/offer-link";
import { formatDateTimeWIB, formatNumber, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { Countdown } from "@/components/live/countdown";
import { timeLeftText } from "@/components/live/time-left";
import { ActionForm } from "@/components/ui/action-form";

// The page an offer's message opens on the vendor's phone (push, WhatsApp): the offer and its answer, one tap each,
// without signing in — the signed link is good for this offer only, until its deadline. Light: plain forms.
export const metadata: Metadata = { title: "Tawaran pesanan", robots: { index: false, follow: false } };

export default async function OfferLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const { token } = await params;
  const { done, error } = await searchParams;
  const offer = await getOfferByLink(db(), { clock: systemClock, token: decodeURIComponent(token) });
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const k = (key: string, values?: Record<string, string | number>) => t(`offerLink.${key}`, values);
  if (!offer) {
    return (
      <div className="mx-auto max-w-md space-y-3">
        <h1 className="text-xl font-bold">{k("invalidTitle")}</h1>
        <p className="text-sm text-slate-700">{k("invalid")}</p>
        <Link href="/login" className="font-medium text-brand-700 underline">
          {k("login")}
        </Link>
      </div>
    );
  }
  const o = offer.order;
  const now = systemClock.now().getTime();
  const timeLeft = (ms: number) => timeLeftText(t, ms, locale);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <Flash
        done={done}
        error={error}
        messages={{ accepted: t("vendorHome.doneAccepted"), declined: t("vendorHome.doneDeclined") }}
      />
      <div>
        <h1 className="text-xl font-bold">{k("title", { number: o.number })}</h1>
        <p className="text-sm text-slate-600">{k("for", { vendor: offer.vendorName })}</p>
      </div>
      <Card>
        <p className="font-semibold">{o.eventName}</p>
        <p className="text-sm text-slate-700">{o.opdName}</p>
        <dl className="mt-2 space-y-1 text-sm">
          <div>
            <dt className="inline text-slate-600">{k("when")}: </dt>
            <dd className="inline font-medium">{formatDateTimeWIB(o.deliveryAt, locale)}</dd>
          </div>
          <div>
            <dt className="inline text-slate-600">{k("where")}: </dt>
            <dd className="inline">{o.place}</dd>
          </div>
          <div>
            <dt className="inline text-slate-600">{k("what")}: </dt>
            <dd className="inline">
              {formatNumber(o.pax, locale)} {k("portions")} · {t(`status.category.${o.category}`)}
            </dd>
          </div>
        </dl>
        {o.notes ? <p className="mt-2 text-sm text-slate-600">{o.notes}</p> : null}
        <p className="mt-2 text-lg font-semibold tabular-nums">{formatRupiah(Number(o.total), locale)}</p>
      </Card>
      {offer.open ? (
        <>
          <p className="text-sm font-medium text-amber-900">
            {t("vendorHome.deadline", { time: formatDateTimeWIB(offer.expiresAt, locale) })} ·{" "}
            <Countdown
              deadline={offer.expiresAt.toISOString()}
              initial={timeLeft(offer.expiresAt.getTime() - now)}
              locale={locale}
              expired={t("vendorHome.expired")}
            />
          </p>
          <Card>
            <p className="mb-2 text-sm text-slate-700">{t("vendorHome.acceptHint")}</p>
            <ActionForm action={acceptOfferByLinkAction}>
              <input type="hidden" name="token" value={token} />
              <Button type="submit" className="h-12 w-full text-base">
                {k("accept")}
              </Button>
            </ActionForm>
          </Card>
          <Card>
            <CardTitle>{k("declineTitle")}</CardTitle>
            <ActionForm action={declineOfferByLinkAction} className="space-y-2">
              <input type="hidden" name="token" value={token} />
              <fieldset className="space-y-1 text-sm">
                <legend className="sr-only">{k("declineTitle")}</legend>
                {Object.entries(QUICK_DECLINE_REASONS).map(([key, text]) => (
                  <label key={key} className="flex items-center gap-2">
                    <input type="radio" name="quick" value={key} className="size-4" />
                    {text}
                  </label>
                ))}
                <label className="flex items-center gap-2">
                  <input type="radio" name="quick" value="" defaultChecked className="size-4" />
                  {k("other")}
                </label>
              </fieldset>
              <label htmlFor="reason" className="block text-sm font-medium">
                {t("vendorHome.declineReason")}
              </label>
              <Input id="reason" name="reason" maxLength={500} placeholder={k("otherHint")} />
              <Button type="submit" variant="danger" className="w-full">
                {t("vendorHome.declineConfirm")}
              </Button>
            </ActionForm>
          </Card>
        </>
      ) : (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm">
          {offer.status === "PENDING" ? k("expired") : k(`status.${offer.status}`)}
        </p>
      )}
      <p className="text-xs text-slate-600">{k("privacy")}</p>
    </div>
  );
}
