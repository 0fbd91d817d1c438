// What happened to the order, in order: placed, each offer and its answer, each delivery or failure (with its photo).
// A server component of the OPD's order page.
import { getTranslations } from "@/lib/i18n/server";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDateTimeWIB, type Locale } from "@/lib/format";
import type { OrderDetail } from "@/lib/data/orders/get-order-detail";

export async function OrderTimeline({ order, locale }: { order: OrderDetail; locale: Locale }) {
  const t = await getTranslations();
  return (
    <Card>
      <CardTitle>{t("orderDetail.timeline")}</CardTitle>
      <ol className="space-y-2 text-sm">
        <li>
          <span className="font-medium">{t("orderDetail.placed")}</span> · {formatDateTimeWIB(order.createdAt, locale)}
        </li>
        {order.offers.map((o) => (
          <li key={o.round}>
            <span className="font-medium">{o.vendorName}</span> — {t(`orderDetail.offerStatus.${o.status}`)} ·{" "}
            {formatDateTimeWIB(o.respondedAt ?? o.offeredAt, locale)}
            {o.reason ? <span className="text-slate-600"> · {o.reason}</span> : null}
          </li>
        ))}
        {order.fulfilments.map((f, i) => (
          <li key={i}>
            <span className="font-medium">{f.vendorName}</span> —{" "}
            {f.outcome === "DELIVERED"
              ? t("orderDetail.deliveredEntry", {
                  qty: f.quantityReceived ?? order.pax,
                  late: f.lateMinutes ?? 0,
                })
              : t("orderDetail.failedEntry", {
                  type: t(`orderDetail.failTypes.${f.failureType ?? "NOT_DELIVERED"}`),
                })}{" "}
            · {formatDateTimeWIB(f.at, locale)}
            {f.evidence ? <span className="text-slate-600"> · {f.evidence}</span> : null}
            {f.hasPhoto ? (
              <>
                {" "}
                ·{" "}
                <a href={`/api/orders/${order.id}/photo`} target="_blank" className="text-brand-700 underline">
                  {t("orderDetail.viewPhoto")}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
