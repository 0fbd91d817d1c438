"use client";
// The OPD's order form: the same zod schema as the server checks each field as soon as the form is
// submitted (instant messages in the page's language), the ceiling and the budget left are shown next to the fields,
// and one idempotency key per form means a double click or a resubmission makes one order.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { submitOrderAction, type OrderFormState } from "@/lib/actions/orders";
import { orderInputSchema } from "@/lib/validation/order";
import { issueMessage } from "@/lib/validation/parse";
import { useValidationText } from "@/components/i18n/use-validation-text";
import { formatRupiah, wibDateTime } from "@/lib/format";
import { parseIndonesianInteger } from "@/lib/domain/indonesian-input";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, Input, Select, Textarea } from "@/components/ui/field";
import type { OrderFormContext } from "@/lib/data/orders/get-order-form-context";

/** What the user typed ("20.000", "Rp 20.000", "50") as a number for the running total; 0 while it is none. */
function asNumber(typed: string): number {
  const n = parseIndonesianInteger(typed);
  return typeof n === "number" && Number.isFinite(n) ? n : 0;
}

/** The typed text the server gave back, as the form's initial values (numbers as typed, e.g. "1.000"). */
function typedBack(values: Record<string, string> | undefined) {
  if (!values) return {};
  return {
    eventName: values.eventName,
    place: values.place,
    contactName: values.contactName,
    method: values.method as OrderFormContext["initial"]["method"],
    notes: values.notes,
  };
}

export function OrderForm({
  context,
  idempotencyKey,
  minDate,
}: {
  context: OrderFormContext;
  idempotencyKey: string;
  minDate: string;
}) {
  const t = useTranslations("orderForm");
  const tc = useTranslations("status.category");
  const say = useValidationText();
  const [state, action, pending] = useActionState<OrderFormState, FormData>(submitOrderAction, {});
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  // After a refusal, what was typed (from the server's answer) — React resets a form after its action, to these.
  const init = { ...context.initial, ...typedBack(state.values) };
  const [category, setCategory] = useState(init.category ?? context.ceilings[0]?.category ?? "MAKAN");
  const [pax, setPax] = useState(init.pax ?? 0);
  const [price, setPrice] = useState(init.unitPrice ?? 0);
  const [account, setAccount] = useState(
    context.budgets.find((b) => b.accountCode === init.accountCode)?.accountCode ??
      context.budgets[0]?.accountCode ??
      "",
  );
  const [phone, setPhone] = useState(init.contactPhone);
  // Controlled, so a refusal keeps them, and the earliest routable time can be put in with one tap.
  const [deliveryDate, setDeliveryDate] = useState("");
  const [deliveryTime, setDeliveryTime] = useState(init.deliveryTime ?? "");
  const errors = { ...(state.fieldErrors ?? {}), ...clientErrors };
  const ceiling = context.ceilings.find((c) => c.category === category)?.maxPerPax;
  const left = context.budgets.find((b) => b.accountCode === account)?.left ?? 0;
  const total = pax * price;

  function validate(e: React.FormEvent<HTMLFormElement>) {
    const f = new FormData(e.currentTarget);
    let deliveryAt: Date | string = "invalid";
    try {
      deliveryAt = wibDateTime(String(f.get("deliveryDate")), String(f.get("deliveryTime")));
    } catch {
      // reported below as an invalid date
    }
    const parsed = orderInputSchema.safeParse({ ...Object.fromEntries(f), deliveryAt, notes: f.get("notes") || null });
    const next: Record<string, string[]> = {};
    if (!parsed.success)
      for (const i of parsed.error.issues) (next[String(i.path[0])] ??= []).push(say(issueMessage(i)));
    if (ceiling !== undefined && price > ceiling) (next.unitPrice ??= []).push(t("overCeiling"));
    if (total > left) (next.pax ??= []).push(t("overBudget"));
    setClientErrors(next);
    if (Object.keys(next).length > 0) e.preventDefault();
  }

  const describedBy = (id: string) =>
    [errors[id === "deliveryDate" || id === "deliveryTime" ? "deliveryAt" : id] ? `${id}-error` : "", `${id}-hint`]
      .filter(Boolean)
      .join(" ");
  return (
    <form action={action} onSubmit={validate} noValidate className="space-y-4">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormAlert message={state.message} />
      <Field id="eventName" label={t("eventName")} errors={errors.eventName}>
        <Input
          id="eventName"
          name="eventName"
          defaultValue={init.eventName}
          required
          maxLength={200}
          aria-describedby={describedBy("eventName")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="deliveryDate" label={t("deliveryDate")} errors={errors.deliveryAt}>
          <Input
            id="deliveryDate"
            name="deliveryDate"
            type="date"
            required
            min={minDate}
            value={deliveryDate}
            onChange={(e) => setDeliveryDate(e.target.value)}
            aria-describedby={describedBy("deliveryDate")}
          />
        </Field>
        <Field id="deliveryTime" label={t("deliveryTime")} hint="WIB">
          <Input
            id="deliveryTime"
            name="deliveryTime"
            type="time"
            required
            value={deliveryTime}
            onChange={(e) => setDeliveryTime(e.target.value)}
            aria-describedby={describedBy("deliveryTime")}
          />
        </Field>
      </div>
      {state.earliest && !(deliveryDate === state.earliest.date && deliveryTime === state.earliest.time) ? (
        <button
          type="button"
          onClick={() => {
            setDeliveryDate(state.earliest!.date);
            setDeliveryTime(state.earliest!.time);
          }}
          className="rounded-md border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-800"
        >
          {t("useEarliest", { date: state.earliest.date.split("-").reverse().join("/"), time: state.earliest.time })}
        </button>
      ) : null}
      <Field id="place" label={t("place")} errors={errors.place}>
        <Input
          id="place"
          name="place"
          required
          maxLength={300}
          defaultValue={init.place}
          list="known-places"
          aria-describedby={describedBy("place")}
        />
        <datalist id="known-places">
          {context.places.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="contactName" label={t("contactName")} errors={errors.contactName}>
          <Input
            id="contactName"
            name="contactName"
            required
            maxLength={100}
            defaultValue={init.contactName}
            list="known-contacts"
            onChange={(e) => {
              // A known contact brings its phone number along.
              const known = context.contacts.find((c) => c.name === e.target.value);
              if (known) setPhone(known.phone);
            }}
            aria-describedby={describedBy("contactName")}
          />
          <datalist id="known-contacts">
            {context.contacts.map((c) => (
              <option key={`${c.name}|${c.phone}`} value={c.name} />
            ))}
          </datalist>
        </Field>
        <Field id="contactPhone" label={t("contactPhone")} hint="0812 3456 7890" errors={errors.contactPhone}>
          <Input
            id="contactPhone"
            name="contactPhone"
            type="tel"
            inputMode="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            required
            aria-describedby={describedBy("contactPhone")}
          />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="category" label={t("category")} errors={errors.category}>
          <Select
            id="category"
            name="category"
            value={category}
            onChange={(e) => setCategory(e.target.value as typeof category)}
          >
            {context.ceilings.map((c) => (
              <option key={c.category} value={c.category}>
                {tc(c.category)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="pax" label={t("pax")} errors={errors.pax}>
          <Input
            id="pax"
            name="pax"
            defaultValue={state.values?.pax ?? init.pax ?? undefined}
            inputMode="numeric"
            autoComplete="off"
            required
            onChange={(e) => setPax(asNumber(e.target.value))}
            aria-describedby={describedBy("pax")}
          />
        </Field>
      </div>
      <Field
        id="unitPrice"
        label={t("unitPrice")}
        hint={ceiling !== undefined ? t("ceiling", { max: formatRupiah(ceiling) }) : t("noCeiling")}
        errors={errors.unitPrice}
      >
        <Input
          id="unitPrice"
          name="unitPrice"
          defaultValue={state.values?.unitPrice ?? init.unitPrice ?? undefined}
          inputMode="numeric"
          autoComplete="off"
          placeholder="20.000"
          required
          onChange={(e) => setPrice(asNumber(e.target.value))}
          aria-describedby={describedBy("unitPrice")}
        />
      </Field>
      <Field
        id="accountCode"
        label={t("accountCode")}
        hint={t("budgetLeft", { left: formatRupiah(left) })}
        errors={errors.accountCode}
      >
        <Select
          id="accountCode"
          name="accountCode"
          value={account}
          onChange={(e) => setAccount(e.target.value)}
          aria-describedby={describedBy("accountCode")}
        >
          {context.budgets.map((b) => (
            <option key={b.accountCode} value={b.accountCode}>
              {b.accountCode} — {b.accountName}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="method" label={t("method")} errors={errors.method}>
        <Select id="method" name="method" defaultValue={init.method}>
          <option value="PENGADAAN_LANGSUNG">{t("methods.PENGADAAN_LANGSUNG")}</option>
          <option value="E_PURCHASING">{t("methods.E_PURCHASING")}</option>
        </Select>
      </Field>
      <Field id="notes" label={t("notes")} errors={errors.notes}>
        <Textarea id="notes" name="notes" defaultValue={init.notes} rows={2} maxLength={1000} />
      </Field>
      <p className="rounded-md bg-slate-100 p-3 text-sm" aria-live="polite">
        {t("total")}: <strong className="tabular-nums">{formatRupiah(total)}</strong>
      </p>
      {state.fieldErrors?.confirmLarge ? (
        <div
          role="group"
          aria-labelledby="confirm-large-why"
          className="rounded-md border border-amber-300 bg-amber-50 p-3"
        >
          <p id="confirm-large-why" className="text-sm text-amber-900">
            {state.fieldErrors.confirmLarge[0]}
          </p>
          <label className="mt-2 flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="confirmLarge" required className="size-5" />
            {t("confirmLarge")}
          </label>
        </div>
      ) : null}
      <Button type="submit" className="h-11 w-full sm:w-auto" disabled={pending} aria-busy={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
