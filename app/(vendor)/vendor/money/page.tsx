import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { FileText } from "lucide-react";
import { requirePageRole } from "@/lib/auth/guards";
import { requireOwnVendorId } from "@/lib/data/authorise";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getVendorBankAccount } from "@/lib/data/payments/get-vendor-bank-account";
import { listPayables, payableQuerySchema, type PayableRow } from "@/lib/data/payments/list-payables";
import { getSettings } from "@/lib/data/settings/get-settings";
import { submitInvoiceAction } from "@/lib/actions/payments";
import { PAYABLE_STAGES } from "@/lib/domain/payment";
import { formatDateWIB, formatNumber, formatRupiah, toLocaleTag, type Locale } from "@/lib/format";
import { Card, EmptyState, Stat } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Input } from "@/components/ui/field";
import { Pager } from "@/components/ui/pager";
import { FilterActions, FilterInput, FilterSelect, queryHref } from "@/components/ui/filters";
import { PayableStageBadge } from "@/components/payments/payable-stage-badge";
import { PAYMENT_FIELD_KEYS } from "@/components/payments/field-keys";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments"))("money.title") };
}

type Bank = Awaited<ReturnType<typeof getVendorBankAccount>>;

// The vendor's money, light for a phone on mobile data: no client JavaScript beyond the shared form, one list.
export default async function VendorMoneyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageRole("VENDOR");
  const vendorId = requireOwnVendorId(user);
  const raw = await searchParams;
  const query = payableQuerySchema.parse(raw);
  const settings = await getSettings(db());
  const [list, bank] = await Promise.all([
    listPayables(db(), { clock: systemClock, actor: user, query, targetDays: settings.paymentTargetDays }),
    getVendorBankAccount(db(), vendorId),
  ]);
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const m = (k: string, v?: Record<string, string | number>) => t(`payments.money.${k}`, v);
  const filtered = Boolean(query.q || query.stage);
  return (
    <div className="space-y-4">
      <Flash
        done={raw.done}
        error={raw.error}
        field={raw.field}
        why={raw.why}
        messages={{ invoiced: t("payments.done.invoiced") }}
        fieldLabels={Object.fromEntries(PAYMENT_FIELD_KEYS.map((k) => [k, t(`payments.fields.${k}`)]))}
      />
      <h1 className="text-xl font-bold">{m("title")}</h1>
      <p className="text-sm text-slate-700">{m("intro")}</p>
      {/* One column on a phone: sums in rupiah are wide. */}
      <div className="grid gap-3 sm:grid-cols-2">
        <Stat label={m("owed")} value={formatRupiah(list.totals.owed, locale)} />
        <Stat label={m("received")} value={formatRupiah(list.totals.paidNet, locale)} />
        <Stat label={m("toInvoice")} value={formatNumber(list.totals.awaitingInvoice, locale)} />
        <Stat
          label={m("overdue", { days: settings.paymentTargetDays })}
          value={formatNumber(list.totals.overdue, locale)}
        />
      </div>
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-3">
          <FilterInput name="q" label={m("search")} value={query.q} className="sm:col-span-2" />
          <FilterSelect
            name="stage"
            label={m("stageFilter")}
            value={query.stage}
            allLabel={t("orderList.allStatuses")}
            options={PAYABLE_STAGES.map((s) => ({ value: s, label: t(`payments.stage.${s}`) }))}
          />
          <FilterActions
            resetHref="/vendor/money"
            count={t("orderList.count", { total: list.total })}
            className="sm:col-span-3"
          />
        </form>
      </Card>
      {list.rows.length === 0 ? (
        <Card>
          <EmptyState>{filtered ? m("emptyFiltered") : m("empty")}</EmptyState>
        </Card>
      ) : (
        <ul className="space-y-3">
          {list.rows.map((r) => (
            <PayableItem
              key={r.orderId}
              r={r}
              bank={bank}
              locale={locale}
              t={t}
              targetDays={settings.paymentTargetDays}
            />
          ))}
        </ul>
      )}
      <Pager page={list.page} pages={list.pages} href={(page) => queryHref("/vendor/money", { ...query, page })} />
    </div>
  );
}

async function PayableItem({
  r,
  bank,
  locale,
  t,
  targetDays,
}: {
  r: PayableRow;
  bank: Bank;
  locale: Locale;
  t: Awaited<ReturnType<typeof getTranslations>>;
  targetDays: number;
}) {
  const canInvoice = (r.stage === "AWAITING_INVOICE" || r.stage === "INVOICE_RETURNED") && r.owed > 0;
  const id = r.orderId.slice(0, 8);
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-2">
        <p className="font-semibold">{r.eventName}</p>
        <PayableStageBadge stage={r.stage} />
      </div>
      <p className="text-sm text-slate-700">
        {r.counterpart} · {r.orderNumber}
      </p>
      <p className="text-sm">
        {t("payments.bastAmount")}: <strong>{formatRupiah(r.amount, locale)}</strong> ·{" "}
        {t("payments.bastOn", { date: formatDateWIB(r.bastAt, locale) })}
      </p>
      {r.paidOn ? (
        <p className="text-sm font-medium text-green-800">
          {t("payments.money.paidLine", {
            amount: formatRupiah(r.paidNet, locale),
            date: formatDateWIB(r.paidOn, locale),
          })}
        </p>
      ) : r.paidGross > 0 ? (
        <p className="text-sm">
          {t("payments.owed")}: {formatRupiah(r.owed, locale)}
        </p>
      ) : null}
      {r.overdue ? <p className="text-sm text-amber-800">{t("payments.money.overdue", { days: targetDays })}</p> : null}
      {r.returnReason ? (
        <p className="text-sm text-red-800">{t("payments.returnedBecause", { reason: r.returnReason })}</p>
      ) : null}
      {r.invoiceId ? (
        <a
          href={`/api/invoices/${r.invoiceId}/kuitansi`}
          download
          className="mt-1 inline-flex items-center gap-1 text-sm font-medium text-brand-700 underline"
        >
          <FileText aria-hidden className="size-4" />
          {t("payments.kuitansiPdf")} {r.invoiceNumber}
        </a>
      ) : null}
      {canInvoice ? (
        <details className="mt-2 rounded-md border border-brand-200 p-2" open={r.stage === "INVOICE_RETURNED"}>
          <summary className="cursor-pointer font-semibold text-brand-800">
            {r.stage === "INVOICE_RETURNED" ? t("payments.money.resendInvoice") : t("payments.money.sendInvoice")}
          </summary>
          <ActionForm action={submitInvoiceAction} className="mt-2 grid gap-2">
            <input type="hidden" name="orderId" value={r.orderId} />
            <Field id={`amount-${id}`} label={t("payments.fields.amount")} hint={t("payments.money.amountHint")}>
              <Input
                id={`amount-${id}`}
                name="amount"
                inputMode="numeric"
                required
                readOnly
                defaultValue={formatNumber(r.owed, "id")}
                aria-describedby={`amount-${id}-hint`}
              />
            </Field>
            <Field id={`bank-${id}`} label={t("payments.fields.bankName")} hint={t("payments.money.bankHint")}>
              <Input
                id={`bank-${id}`}
                name="bankName"
                required
                maxLength={60}
                defaultValue={bank.bankName ?? ""}
                placeholder="Bank Jatim"
                aria-describedby={`bank-${id}-hint`}
              />
            </Field>
            <Field id={`acct-${id}`} label={t("payments.fields.bankAccountNumber")}>
              <Input
                id={`acct-${id}`}
                name="bankAccountNumber"
                inputMode="numeric"
                required
                maxLength={30}
                defaultValue={bank.bankAccountNumber ?? ""}
              />
            </Field>
            <Field id={`holder-${id}`} label={t("payments.fields.bankAccountName")}>
              <Input
                id={`holder-${id}`}
                name="bankAccountName"
                required
                maxLength={100}
                defaultValue={bank.bankAccountName ?? ""}
              />
            </Field>
            <Field id={`note-${id}`} label={t("payments.noteLabel")}>
              <Input id={`note-${id}`} name="note" maxLength={500} />
            </Field>
            <Button type="submit" className="w-full">
              {t("payments.money.send")}
            </Button>
          </ActionForm>
        </details>
      ) : null}
    </li>
  );
}
