// What the OPD can do with the order now: confirm what arrived or report a failure (once a vendor accepted), cancel
// with a reason (while it may be cancelled). A server component of the OPD's order page; the forms are its clients.
import { getTranslations } from "@/lib/i18n/server";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/action-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ConfirmDeliveryForm } from "@/components/orders/confirm-delivery-form";
import { ReportFailureForm } from "@/components/orders/report-failure-form";
import { cancelOrderAction } from "@/lib/actions/orders";
import { CANCELLABLE_STATES } from "@/lib/domain/order-state";
import { failureReportOpensAt } from "@/lib/domain/sanctions";
import { formatDateTimeWIB, wibDay, wibTime, type Locale } from "@/lib/format";
import type { OrderDetail } from "@/lib/data/orders/get-order-detail";

export async function OrderActions({
  order,
  locale,
  failureReportGraceMinutes,
}: {
  order: OrderDetail;
  locale: Locale;
  failureReportGraceMinutes: number;
}) {
  const t = await getTranslations();
  return (
    <>
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
                  failureReportOpensAt("NOT_DELIVERED", order.deliveryAt, failureReportGraceMinutes)!,
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
    </>
  );
}
