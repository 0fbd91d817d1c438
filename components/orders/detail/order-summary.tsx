// The order's state in words — who is being asked or has accepted, the quiet-hours note, the WhatsApp nudge, the
// vendor's own marks — and what was ordered. A server component of the OPD's order page.
import { MessageCircle } from "lucide-react";
import { getTranslations } from "@/lib/i18n/server";
import { Card } from "@/components/ui/card";
import { formatDateTimeWIB, formatNumber, formatRupiah, type Locale } from "@/lib/format";
import { offerNudgeMessage, waLink } from "@/lib/domain/whatsapp";
import { escalationReasonOf } from "@/lib/domain/routing";
import type { OrderDetail } from "@/lib/data/orders/get-order-detail";

export async function OrderSummary({ order, locale }: { order: OrderDetail; locale: Locale }) {
  const t = await getTranslations();
  const live = order.offers.find((o) => o.status === "PENDING" || o.status === "ACCEPTED");
  const decision = order.decisions.at(-1);
  const waiting = order.status === "SUBMITTED" || order.status === "OFFERED";
  const nudge =
    live?.status === "PENDING"
      ? waLink(
          live.vendorWhatsapp,
          offerNudgeMessage({
            vendorName: live.vendorName,
            orderNumber: order.number,
            pax: order.pax,
            eventName: order.eventName,
            deliveryAt: order.deliveryAt,
            expiresAt: live.expiresAt,
          }),
        )
      : null;
  return (
    <Card>
      <p role="status" className="font-medium">
        {live?.status === "PENDING"
          ? t("orderDetail.offeredTo", { vendor: live.vendorName, time: formatDateTimeWIB(live.expiresAt, locale) })
          : order.status === "ACCEPTED" && live
            ? t("orderDetail.acceptedBy", { vendor: live.vendorName })
            : order.status === "ESCALATED"
              ? t("orderDetail.escalated", {
                  why: t(`orderDetail.escalatedBecause.${escalationReasonOf(decision?.outcome)}`),
                })
              : t(`status.order.${order.status}`)}
      </p>
      {live?.status === "PENDING" && live.sendAt ? (
        <p className="text-sm text-slate-700">
          {t("orderDetail.quietHours", { time: formatDateTimeWIB(live.sendAt, locale) })}
        </p>
      ) : null}
      {nudge ? (
        <a
          href={nudge}
          target="_blank"
          rel="noopener noreferrer"
          className="mt-2 inline-flex items-center gap-2 text-sm font-medium text-green-800 underline"
        >
          <MessageCircle aria-hidden className="size-4" />
          {t("orderDetail.waNudge")}
        </a>
      ) : null}
      {waiting ? <p className="mt-1 text-xs text-slate-500">{t("orderDetail.liveHint")}</p> : null}
      {order.status === "ACCEPTED" && live?.handedOverAt ? (
        <p className="mt-1 text-sm font-medium text-green-800">
          {t("orderDetail.handedOver", { time: formatDateTimeWIB(live.handedOverAt, locale) })}
        </p>
      ) : order.status === "ACCEPTED" && live?.onTheWayAt ? (
        <p className="mt-1 text-sm font-medium text-sky-800">
          {t("orderDetail.onTheWay", { time: formatDateTimeWIB(live.onTheWayAt, locale) })}
        </p>
      ) : null}
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline text-slate-600">{t("orderForm.eventName")}: </dt>
          <dd className="inline">{order.eventName}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t("opdHome.delivery")}: </dt>
          <dd className="inline">{formatDateTimeWIB(order.deliveryAt, locale)}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t("orderForm.place")}: </dt>
          <dd className="inline">{order.place}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t("orderForm.pax")}: </dt>
          <dd className="inline">
            {formatNumber(order.pax, locale)} × {formatRupiah(order.unitPrice, locale)} ={" "}
            <strong>{formatRupiah(order.total, locale)}</strong>
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t("orderForm.accountCode")}: </dt>
          <dd className="inline font-mono">{order.accountCode}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t("orderForm.method")}: </dt>
          <dd className="inline">{t(`orderForm.methods.${order.method}`)}</dd>
        </div>
      </dl>
    </Card>
  );
}
