import { getLocale, getTranslations } from "next-intl/server";
import { Clock3, MapPin, Users } from "lucide-react";
import { requirePageRole, requireVendor } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getVendorHome } from "@/lib/data/home/get-vendor-home";
import { formatDateTimeWIB, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

// Mobile-first: one column at 360 px, no client JavaScript on this page.
export default async function VendorHomePage() {
  const user = await requirePageRole("VENDOR");
  const home = await getVendorHome(db(), systemClock, requireVendor(user));
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">{t("vendorHome.title", { name: home.vendor.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("vendorHome.status")}:{" "}
          <Badge tone={home.vendor.status === "ACTIVE" ? "success" : "danger"}>
            {t(`status.vendor.${home.vendor.status}`)}
          </Badge>
        </p>
      </div>
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
                <p className="mt-1 text-lg font-semibold tabular-nums">{formatRupiah(o.value, locale)}</p>
                <p className="text-sm font-medium text-amber-900">
                  {t("vendorHome.deadline", { time: formatDateTimeWIB(o.expiresAt, locale) })}
                </p>
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
