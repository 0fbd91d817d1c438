// The OPD's order page: its state and what was ordered, why this vendor, its letters, the payment, what happened,
// and what the OPD can do now — each a server component under components/orders/detail/.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { getOrderDetail } from "@/lib/data/orders/get-order-detail";
import { toLocaleTag, wibDay } from "@/lib/format";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { Flash } from "@/components/ui/flash";
import { getOrderPayment } from "@/lib/data/payments/get-order-payment";
import { OrderPaymentCard } from "@/components/payments/order-payment-card";
import { PAYMENT_FIELD_KEYS } from "@/components/payments/field-keys";
import { systemClock } from "@/lib/clock";
import { getSettings } from "@/lib/data/settings/get-settings";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { OrderSummary } from "@/components/orders/detail/order-summary";
import { RoutingExplanation } from "@/components/orders/detail/routing-explanation";
import { OrderLetters } from "@/components/orders/detail/order-letters";
import { OrderTimeline } from "@/components/orders/detail/order-timeline";
import { OrderActions } from "@/components/orders/detail/order-actions";

export const metadata: Metadata = { title: "Pesanan" };

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
    getOrderDetail(db(), { actor: user, orderId: id }),
    getSettings(db()),
    getOrderPayment(db(), { actor: user, orderId: id }),
  ]);
  if (!order) notFound();
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const { done, error, field, why } = await searchParams;
  const decision = order.decisions.at(-1);
  // While a vendor is being asked, the page follows the answer (and any re-route) on its own.
  const waiting = order.status === "SUBMITTED" || order.status === "OFFERED";
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
      <OrderSummary order={order} locale={locale} />
      {decision ? <RoutingExplanation decision={decision} locale={locale} /> : null}
      <OrderLetters orderId={order.id} status={order.status} />
      {payment ? (
        <OrderPaymentCard
          payment={payment}
          locale={locale}
          meteraiThreshold={settings.meteraiThreshold}
          today={wibDay(systemClock.now())}
        />
      ) : null}
      <OrderTimeline order={order} locale={locale} />
      <OrderActions order={order} locale={locale} failureReportGraceMinutes={settings.failureReportGraceMinutes} />
      <Link href="/opd/orders" className="mr-4 inline-block font-medium text-brand-700 underline">
        {t("orderList.all")}
      </Link>
      <Link href="/opd" className="inline-block font-medium text-brand-700 underline">
        {t("orderDetail.back")}
      </Link>
    </div>
  );
}
