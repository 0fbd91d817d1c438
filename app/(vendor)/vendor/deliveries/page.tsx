import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Clock3, MapPin, Phone, Users } from "lucide-react";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { listVendorDeliveries, type DeliveryItem } from "@/lib/data/vendor/list-vendor-deliveries";
import { markHandedOverAction, markOnTheWayAction } from "@/lib/actions/vendor";
import { formatDateTimeWIB, formatRupiah, toLocaleTag, type Locale } from "@/lib/format";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { ActionForm } from "@/components/ui/action-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vendorDeliveries"))("title") };
}

// Mobile-first, no client JavaScript: each mark is one plain form post.
export default async function VendorDeliveriesPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const user = await requirePageRole("VENDOR");
  const list = await listVendorDeliveries(db(), { clock: systemClock, actor: user });
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const { done, error } = await searchParams;
  return (
    <div className="space-y-4">
      <Flash
        done={done}
        error={error}
        messages={{ onTheWay: t("vendorDeliveries.doneOnTheWay"), handedOver: t("vendorDeliveries.doneHandedOver") }}
      />
      <h1 className="text-xl font-bold">{t("vendorDeliveries.title")}</h1>
      <Card>
        <CardTitle>{t("vendorDeliveries.today")}</CardTitle>
        {list.today.length === 0 ? (
          <EmptyState>{t("vendorDeliveries.noneToday")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {list.today.map((d) => (
              <Delivery key={d.offerId} d={d} locale={locale} t={t} actions />
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle>{t("vendorDeliveries.upcoming")}</CardTitle>
        {list.upcoming.length === 0 ? (
          <EmptyState>{t("vendorDeliveries.noneUpcoming")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {list.upcoming.map((d) => (
              <Delivery key={d.offerId} d={d} locale={locale} t={t} actions={false} />
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle>{t("vendorDeliveries.recent")}</CardTitle>
        {list.recent.length === 0 ? (
          <EmptyState>{t("vendorDeliveries.noneRecent")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {list.recent.map((r) => (
              <li key={r.orderNumber + r.outcome} className="flex flex-wrap items-center gap-2 py-2">
                <span className="font-medium">{r.eventName}</span>
                <span className="text-slate-600">{formatDateTimeWIB(r.deliveryAt, locale)}</span>
                <Badge tone={r.outcome === "DELIVERED" ? "success" : "danger"}>
                  {r.outcome === "DELIVERED"
                    ? t("vendorDeliveries.delivered", { late: r.lateMinutes ?? 0 })
                    : t("vendorDeliveries.failed")}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function Delivery({
  d,
  locale,
  t,
  actions,
}: {
  d: DeliveryItem;
  locale: Locale;
  t: Awaited<ReturnType<typeof getTranslations>>;
  actions: boolean;
}) {
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <p className="font-semibold">{d.eventName}</p>
      <p className="text-sm text-slate-700">
        {d.opdName} · {d.orderNumber}
      </p>
      <p className="mt-1 flex items-center gap-1 text-sm">
        <Users aria-hidden className="size-4" />
        {t("vendorHome.portions", { count: d.pax })} · {t(`status.category.${d.category}`)} ·{" "}
        {formatRupiah(d.total, locale)}
      </p>
      <p className="flex items-center gap-1 text-sm">
        <Clock3 aria-hidden className="size-4" />
        {formatDateTimeWIB(d.deliveryAt, locale)}
      </p>
      <p className="flex items-center gap-1 text-sm">
        <MapPin aria-hidden className="size-4" />
        {d.place}
      </p>
      <p className="flex items-center gap-1 text-sm">
        <Phone aria-hidden className="size-4" />
        {d.contactName} ·{" "}
        <a href={`tel:${d.contactPhone.replace(/[^\d+]/g, "")}`} className="text-brand-700 underline">
          {d.contactPhone}
        </a>
      </p>
      {d.notes ? <p className="mt-1 text-sm text-slate-600">{d.notes}</p> : null}
      <p className="mt-2 text-sm">
        {d.handedOverAt ? (
          <Badge tone="success">
            {t("vendorDeliveries.handedOverAt", { time: formatDateTimeWIB(d.handedOverAt, locale) })}
          </Badge>
        ) : d.onTheWayAt ? (
          <Badge tone="info">
            {t("vendorDeliveries.onTheWayAt", { time: formatDateTimeWIB(d.onTheWayAt, locale) })}
          </Badge>
        ) : null}
      </p>
      {actions && !d.handedOverAt ? (
        <div className="mt-2 grid gap-2">
          {!d.onTheWayAt ? (
            <ActionForm action={markOnTheWayAction}>
              <input type="hidden" name="offerId" value={d.offerId} />
              <Button type="submit" variant="secondary" className="w-full">
                {t("vendorDeliveries.markOnTheWay")}
              </Button>
            </ActionForm>
          ) : null}
          <ActionForm action={markHandedOverAction}>
            <input type="hidden" name="offerId" value={d.offerId} />
            <Button type="submit" className="w-full">
              {t("vendorDeliveries.markHandedOver")}
            </Button>
          </ActionForm>
        </div>
      ) : null}
      {/* Documents the vendor needs at the door and for payment. */}
      <a
        href={`/api/orders/${d.orderId}/documents/surat-pesanan`}
        className="mt-2 inline-block text-sm font-medium text-brand-700 underline"
      >
        {t("orderDetail.docSuratPesanan")}
      </a>
    </li>
  );
}
