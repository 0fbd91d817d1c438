// The money side of one delivered order on the OPD's order page (issue 20): what the BAST says and what was paid, the
// vendor's invoices with their kuitansi, the check of the invoice, the treasurer's payment form, and each payment
// with its reversal. Plain forms (ActionForm): they work without JavaScript and keep what was typed on a refusal.
import { getTranslations } from "@/lib/i18n/server";
import type { OrderPayment } from "@/lib/data/payments/get-order-payment";
import { reviewInvoiceAction, recordPaymentAction, reversePaymentAction } from "@/lib/actions/payments";
import { PAYMENT_METHODS } from "@/lib/domain/payment";
import { formatDateTimeWIB, formatDateWIB, formatNumber, formatRupiah, wibDay, type Locale } from "@/lib/format";
import { Card, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/action-form";
import { PayableStageBadge } from "@/components/payments/payable-stage-badge";
import { FileText } from "lucide-react";

export async function OrderPaymentCard({
  payment: p,
  locale,
  meteraiThreshold,
  today,
}: {
  payment: OrderPayment;
  locale: Locale;
  meteraiThreshold: number;
  /** Today in WIB ("YYYY-MM-DD"): the payment date's default and upper bound. */
  today: string;
}) {
  const t = await getTranslations("payments");
  const rp = (n: number) => formatRupiah(n, locale);
  return (
    <Card>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <CardTitle className="mb-0">{t("title")}</CardTitle>
        <PayableStageBadge stage={p.stage} />
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline text-slate-600">{t("bastAmount")}: </dt>
          <dd className="inline font-medium tabular-nums">
            {rp(p.amount)} · {t("bastOn", { date: formatDateTimeWIB(p.bastAt, locale) })}
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t("owed")}: </dt>
          <dd className="inline font-medium tabular-nums">{rp(p.owed)}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t("paidGross")}: </dt>
          <dd className="inline tabular-nums">{rp(p.paidGross)}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{t("paidNet")}: </dt>
          <dd className="inline tabular-nums">
            {rp(p.paidNet)} ({t("taxWithheld").toLowerCase()} {rp(p.taxWithheld)})
          </dd>
        </div>
      </dl>
      {/* A sentence, not a term and its description: outside the list (axe: a <dl> holds only dt/dd groups). */}
      {p.paidOn ? (
        <p className="mt-1 text-sm font-medium text-green-800">
          {t("paidOn", { date: formatDateWIB(p.paidOn, locale) })}
        </p>
      ) : null}

      <h3 className="mt-4 text-sm font-semibold">{t("invoices")}</h3>
      {p.invoices.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noInvoice")}</p>
      ) : (
        <ul className="mt-1 space-y-2 text-sm">
          {p.invoices.map((i) => (
            <li key={i.id} className="rounded-md border border-slate-200 p-2">
              <p>
                <span className="font-medium">
                  {t("invoiceLine", {
                    number: i.number,
                    amount: rp(i.amount),
                    date: formatDateTimeWIB(i.submittedAt, locale),
                  })}
                </span>{" "}
                · {t(`invoiceStatus.${i.status}`)}
              </p>
              <p className="text-slate-700">
                {t("bankLine", { bank: i.bankName, number: i.bankAccountNumber, name: i.bankAccountName })}
              </p>
              {i.meteraiRequired ? (
                <p className="text-amber-800">{t("meterai", { threshold: rp(meteraiThreshold) })}</p>
              ) : null}
              {i.returnReason ? (
                <p className="text-red-800">{t("returnedBecause", { reason: i.returnReason })}</p>
              ) : null}
              <a
                href={`/api/invoices/${i.id}/kuitansi`}
                download
                className="mt-1 inline-flex items-center gap-1 font-medium text-brand-700 underline"
              >
                <FileText aria-hidden className="size-4" />
                {t("kuitansiPdf")}
              </a>
            </li>
          ))}
        </ul>
      )}

      {p.may.review ? (
        <div className="mt-3 grid gap-3 md:grid-cols-2">
          <ActionForm action={reviewInvoiceAction}>
            <input type="hidden" name="orderId" value={p.orderId} />
            <input type="hidden" name="decision" value="ACCEPT" />
            <Button type="submit">{t("accept")}</Button>
          </ActionForm>
          <details className="rounded-md border border-red-200 p-2">
            <summary className="cursor-pointer text-sm font-semibold text-red-800">{t("returnInvoice")}</summary>
            <ActionForm action={reviewInvoiceAction} className="mt-2 space-y-2">
              <input type="hidden" name="orderId" value={p.orderId} />
              <input type="hidden" name="decision" value="RETURN" />
              <Field id="inv-reason" label={t("returnReason")} hint={t("returnHint")}>
                <Textarea
                  id="inv-reason"
                  name="reason"
                  required
                  minLength={10}
                  maxLength={500}
                  rows={2}
                  aria-describedby="inv-reason-hint"
                />
              </Field>
              <Button type="submit" variant="danger">
                {t("returnInvoice")}
              </Button>
            </ActionForm>
          </details>
        </div>
      ) : null}

      <h3 className="mt-4 text-sm font-semibold">{t("payments")}</h3>
      {p.payments.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noPayments")}</p>
      ) : (
        <ul className="mt-1 space-y-2 text-sm">
          {p.payments.map((x) => (
            <li
              key={x.id}
              className={`rounded-md border p-2 ${x.reversesId ? "border-red-200 bg-red-50" : "border-slate-200"}`}
            >
              <p className={x.reversed ? "line-through decoration-slate-400" : ""}>
                {x.reversesId ? <strong>{t("reversal")}: </strong> : null}
                {t("paymentLine", {
                  date: formatDateWIB(x.paidOn, locale),
                  method: t(`method.${x.method}`),
                  gross: rp(x.gross),
                  tax: rp(x.taxWithheld),
                  net: rp(x.net),
                })}
                {x.reversed ? ` (${t("reversedMark")})` : null}
              </p>
              {x.reference ? (
                <p className="text-slate-700">
                  {t("reference")}: {x.reference}
                </p>
              ) : null}
              {x.note ? <p className="text-slate-700">{x.note}</p> : null}
              {p.may.reverse && !x.reversesId && !x.reversed ? (
                <details className="mt-1">
                  <summary className="cursor-pointer text-sm font-medium text-red-800">{t("reverse")}</summary>
                  <ActionForm action={reversePaymentAction} className="mt-2 space-y-2">
                    <input type="hidden" name="orderId" value={p.orderId} />
                    <input type="hidden" name="paymentId" value={x.id} />
                    <Field id={`rev-${x.id}`} label={t("reverseReason")} hint={t("reverseHint")}>
                      <Textarea
                        id={`rev-${x.id}`}
                        name="reason"
                        required
                        minLength={10}
                        maxLength={500}
                        rows={2}
                        aria-describedby={`rev-${x.id}-hint`}
                      />
                    </Field>
                    <Button type="submit" variant="danger">
                      {t("reverseConfirm")}
                    </Button>
                  </ActionForm>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {p.may.pay ? (
        <details className="mt-3 rounded-md border border-green-300 p-3" open>
          <summary className="cursor-pointer font-semibold text-green-800">{t("record")}</summary>
          <p className="mt-1 text-sm text-slate-700">{t("recordIntro", { basis: t(`taxBasis.${p.taxBasis}`) })}</p>
          <ActionForm action={recordPaymentAction} className="mt-2 grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="orderId" value={p.orderId} />
            {/* One key per form shown: sending it twice records one payment. */}
            <input type="hidden" name="idempotencyKey" value={crypto.randomUUID()} />
            <Field id="pay-method" label={t("methodLabel")}>
              <Select id="pay-method" name="method" required defaultValue="LS">
                {PAYMENT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`method.${m}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="pay-day" label={t("paidOnLabel")}>
              <Input
                id="pay-day"
                name="paidOn"
                type="date"
                required
                min={wibDay(p.bastAt)}
                max={today}
                defaultValue={today}
              />
            </Field>
            <Field id="pay-ref" label={t("reference")} hint={t("referenceHint")}>
              <Input id="pay-ref" name="reference" maxLength={80} aria-describedby="pay-ref-hint" />
            </Field>
            <Field id="pay-gross" label={t("grossLabel")}>
              <Input
                id="pay-gross"
                name="gross"
                inputMode="numeric"
                required
                defaultValue={formatNumber(p.owed, "id")}
              />
            </Field>
            <Field id="pay-tax" label={t("taxLabel")}>
              <Input
                id="pay-tax"
                name="taxWithheld"
                inputMode="numeric"
                required
                defaultValue={formatNumber(p.suggestedTax, "id")}
              />
            </Field>
            <Field id="pay-note" label={t("noteLabel")}>
              <Input id="pay-note" name="note" maxLength={500} />
            </Field>
            <div className="sm:col-span-2">
              <Button type="submit">{t("save")}</Button>
            </div>
          </ActionForm>
        </details>
      ) : p.stage === "AWAITING_PAYMENT" || p.stage === "PARTIALLY_PAID" ? (
        !p.may.treasurer ? (
          <p className="mt-3 text-sm text-slate-700">{t("notTreasurer")}</p>
        ) : null
      ) : null}
    </Card>
  );
}
