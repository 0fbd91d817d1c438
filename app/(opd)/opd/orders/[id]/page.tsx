import { Textarea } from "@/components/ui/field";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { requireOpd, requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { getOrderDetail } from "@/lib/data/orders/get-order-detail";
import { formatDateTimeWIB, formatNumber, formatRupiah, toLocaleTag, wibDay, wibTime } from "@/lib/format";
import { Card, CardTitle } from "@/components/ui/card";
import { ScrollableTable } from "@/components/ui/table";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { Button } from "@/components/ui/button";
import { cancelOrderAction } from "@/lib/actions/orders";
import { ReportFailureForm } from "@/components/orders/report-failure-form";
import { CANCELLABLE_STATES } from "@/lib/domain/order-state";
import { Flash } from "@/components/ui/flash";
import { getOrderPayment } from "@/lib/data/payments/get-order-payment";
import { OrderPaymentCard } from "@/components/payments/order-payment-card";
import { PAYMENT_FIELD_KEYS } from "@/components/payments/field-keys";
import { systemClock } from "@/lib/clock";
import { ConfirmDeliveryForm } from "@/components/orders/confirm-delivery-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getSettings } from "@/lib/data/settings/get-settings";
import { failureReportOpensAt } from "@/lib/domain/sanctions";

import { offerNudgeMessage, waLink } from "@/lib/domain/whatsapp";
import { escalationReasonOf } from "@/lib/domain/routing";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { FileText, MessageCircle } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";

export const metadata: Metadata = { title: "Pesanan" };

/** The reserve ranks every other UMKM of the city: the first few say enough on a phone. */
const SHOWN_CANDIDATES = 5;

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; error?: string; field?: string; why?: string }>;
}) {
  const user = await requirePageRole("OPD_STAFF");
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const [order, settings, payment] = await Promise.all([
    getOrderDetail(db(), requireOpd(user), id),
    getSettings(db()),
    getOrderPayment(db(), user, id),
  ]);
  if (!order) notFound();
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const { done, error, field, why } = await searchParams;
  const live = order.offers.find((o) => o.status === "PENDING" || o.status === "ACCEPTED");
  const decision = order.decisions.at(-1);
  // While a vendor is being asked, the page follows the answer (and any re-route) on its own.
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
  const documents = [
    ...(order.status === "ACCEPTED" || order.status === "DELIVERED"
      ? [{ kind: "surat-pesanan", label: t("orderDetail.docSuratPesanan") }]
      : []),
    ...(order.status === "DELIVERED" ? [{ kind: "bast", label: t("orderDetail.docBast") }] : []),
  ];
  return (
    <div className="space-y-4">
      {waiting ? <AutoRefresh seconds={10} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("orderDetail.title", { number: order.number })}</h1>
        <OrderStatusBadge status={order.status} />
        {/* A similar order again: the form opens filled with everything but the date. */}
        <Link
          href={`/opd/orders/new?from=${order.id}`}
          className="ml-auto inline-flex h-10 items-center rounded-md border border-slate-300 px-3 text-sm font-semibold hover:bg-slate-50"
        >
          {t("orderDetail.repeat")}
        </Link>
      </div>
      {done === "cancelled" || done === "delivered" || done === "failed" ? (
        <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t(`orderDetail.${done}`)}
        </p>
      ) : null}
      <Flash
        done={done}
        error={error}
        field={field}
        why={why}
        messages={{
          invoiceAccepted: t("payments.done.invoiceAccepted"),
          invoiceReturned: t("payments.done.invoiceReturned"),
          paid: t("payments.done.paid"),
          reversed: t("payments.done.reversed"),
        }}
        fieldLabels={PAYMENT_FIELD_KEYS.reduce<Record<string, string>>(
          (a, k) => ({ ...a, [k]: t(`payments.fields.${k}`) }),
          {},
        )}
      />
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
      {decision ? (
        <Card>
          <CardTitle>{t("orderDetail.why")}</CardTitle>
          <p className="mb-3 text-sm text-slate-700">
            {decision.scope === "RESERVE" ? t("orderDetail.whyReserve") : t("orderDetail.whyIntro")}
          </p>
          <p className="mb-2 text-sm font-medium">{t("orderDetail.round", { round: decision.round })}</p>
          {decision.candidates.length > 0 ? (
            <ScrollableTable label={t("orderDetail.why")} minWidth={260}>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    {t("orderDetail.rank")}
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    {t("orderDetail.vendor")}
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    {t("orderDetail.weighted")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {decision.candidates.slice(0, SHOWN_CANDIDATES).map((c) => (
                  <tr key={c.vendorId} className={c.rank === 1 ? "bg-green-50 font-medium" : ""}>
                    <td className="py-1 pr-3">{c.rank}</td>
                    <td className="py-1 pr-3">{c.name}</td>
                    <td className="py-1 text-right tabular-nums">
                      {formatRupiah(Math.round(c.weightedTotal), locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollableTable>
          ) : null}
          {decision.candidates.length > SHOWN_CANDIDATES ? (
            <p className="mt-1 text-sm text-slate-600">
              {t("orderDetail.moreCandidates", { count: decision.candidates.length - SHOWN_CANDIDATES })}
            </p>
          ) : null}
          {decision.exclusions.length > 0 ? (
            <>
              <p className="mt-3 text-sm font-medium">
                {decision.scope === "RESERVE" ? t("orderDetail.poolExhausted") : t("orderDetail.excluded")}
              </p>
              <ul className="list-inside list-disc text-sm text-slate-700">
                {decision.exclusions.map((x) => (
                  <li key={x.vendorId}>
                    {x.name}: {t(`orderDetail.reasons.${x.reason}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {decision.reserveExcluded.length > 0 ? (
            <p className="mt-3 text-sm text-slate-700">
              {t("orderDetail.reserveExcluded", {
                count: decision.reserveExcluded.reduce((a, x) => a + x.count, 0),
                reasons: decision.reserveExcluded
                  .map((x) => `${t(`orderDetail.reasons.${x.reason}`)} (${x.count})`)
                  .join(" · "),
              })}
            </p>
          ) : null}
        </Card>
      ) : null}
      {documents.length > 0 ? (
        <Card>
          <CardTitle>{t("orderDetail.documents")}</CardTitle>
          <ul className="flex flex-wrap gap-3">
            {documents.map((d) => (
              <li key={d.kind}>
                <a
                  href={`/api/orders/${order.id}/documents/${d.kind}`}
                  download
                  className="inline-flex h-10 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-semibold hover:bg-slate-50"
                >
                  <FileText aria-hidden className="size-4" />
                  {d.label}
                </a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {payment ? (
        <OrderPaymentCard
          payment={payment}
          locale={locale}
          meteraiThreshold={settings.meteraiThreshold}
          today={wibDay(systemClock.now())}
        />
      ) : null}
      <Card>
        <CardTitle>{t("orderDetail.timeline")}</CardTitle>
        <ol className="space-y-2 text-sm">
          <li>
            <span className="font-medium">{t("orderDetail.placed")}</span> ·{" "}
            {formatDateTimeWIB(order.createdAt, locale)}
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
      {order.status === "ACCEPTED" ? (
        <div className="grid gap-3 md:grid-cols-2">
          <details className="rounded-md border border-green-300 bg-white p-3">
            <summary className="cursor-pointer font-semibold text-green-800">{t("orderDetail.confirm")}</summary>
            <ClientMessages namespaces={["orderDetail"]}>
              <ConfirmDeliveryForm
                orderId={order.id}
                pax={order.pax}
                day={wibDay(order.deliveryAt)}
                time={wibTime(order.deliveryAt)}
              />
            </ClientMessages>
          </details>
          <details className="rounded-md border border-red-200 bg-white p-3">
            <summary className="cursor-pointer font-semibold text-red-800">{t("orderDetail.fail")}</summary>
            <ClientMessages namespaces={["orderDetail"]}>
              <ReportFailureForm
                orderId={order.id}
                opensAt={formatDateTimeWIB(
                  failureReportOpensAt("NOT_DELIVERED", order.deliveryAt, settings.failureReportGraceMinutes)!,
                  locale,
                )}
              />
            </ClientMessages>
          </details>
        </div>
      ) : null}
      {CANCELLABLE_STATES.includes(order.status) ? (
        <details className="rounded-md border border-red-200 bg-white p-3">
          <summary className="cursor-pointer font-semibold text-red-800">{t("orderDetail.cancel")}</summary>
          <ActionForm action={cancelOrderAction} className="mt-3 space-y-2">
            <input type="hidden" name="orderId" value={order.id} />
            <label htmlFor="cancel-reason" className="block text-sm font-medium">
              {t("orderDetail.cancelReason")}
            </label>
            <Textarea
              id="cancel-reason"
              name="reason"
              required
              minLength={5}
              maxLength={500}
              rows={2}
              aria-describedby="cancel-hint"
            />
            <p id="cancel-hint" className="text-xs text-slate-600">
              {t("orderDetail.cancelHint")}
            </p>
            <Button type="submit" variant="danger">
              {t("orderDetail.cancelConfirm")}
            </Button>
          </ActionForm>
        </details>
      ) : null}
      <Link href="/opd/orders" className="mr-4 inline-block font-medium text-brand-700 underline">
        {t("orderList.all")}
      </Link>
      <Link href="/opd" className="inline-block font-medium text-brand-700 underline">
        {t("orderDetail.back")}
      </Link>
    </div>
  );
}
