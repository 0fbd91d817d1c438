"use client";
// The OPD confirms what arrived: when, how many portions, a rating, an optional photo and — when well before the
// scheduled time — why. When the server refuses it, everything typed stays, each field at fault says why on its own
// line, and a chosen photo is asked for again by its name (a browser cannot keep a file across a submission).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmDeliveryAction, type DeliveryFormState } from "@/lib/actions/orders";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, Input, Select } from "@/components/ui/field";

export function ConfirmDeliveryForm({
  orderId,
  pax,
  day,
  time,
}: {
  orderId: string;
  pax: number;
  day: string;
  time: string;
}) {
  const t = useTranslations("orderDetail");
  const [state, action, pending] = useActionState<DeliveryFormState, FormData>(confirmDeliveryAction, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-3 grid gap-2 sm:grid-cols-2">
      <input type="hidden" name="orderId" value={orderId} />
      <FormAlert message={state.message} className="sm:col-span-2" />
      <Field id="deliveredDate" label={t("deliveredDate")} errors={e.deliveredAt}>
        <Input id="deliveredDate" name="deliveredDate" type="date" required defaultValue={v.deliveredDate ?? day} />
      </Field>
      <Field id="deliveredTime" label={t("deliveredTime")}>
        <Input id="deliveredTime" name="deliveredTime" type="time" required defaultValue={v.deliveredTime ?? time} />
      </Field>
      <Field id="quantityReceived" label={t("quantityReceived")} errors={e.quantityReceived}>
        <Input
          id="quantityReceived"
          name="quantityReceived"
          type="number"
          min={0}
          max={pax}
          required
          defaultValue={v.quantityReceived ?? pax}
        />
      </Field>
      <Field id="rating" label={t("rating")} errors={e.rating}>
        <Select id="rating" name="rating" defaultValue={v.rating ?? "5"}>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="photo"
        label={t("photo")}
        hint={state.photoName ? t("photoAgain", { name: state.photoName }) : t("photoHint")}
        errors={e.photo}
        className="sm:col-span-2"
      >
        <input
          id="photo"
          name="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          aria-describedby="photo-hint"
          className="block w-full text-sm"
        />
      </Field>
      <Field
        id="earlyReason"
        label={t("earlyReason")}
        hint={t("earlyReasonHint")}
        errors={e.earlyReason}
        className="sm:col-span-2"
      >
        <Input
          id="earlyReason"
          name="earlyReason"
          maxLength={500}
          defaultValue={v.earlyReason ?? ""}
          aria-describedby="earlyReason-hint"
        />
      </Field>
      <p className="text-xs text-slate-600 sm:col-span-2">{t("confirmHint")}</p>
      <Button type="submit" className="sm:col-span-2" disabled={pending} aria-busy={pending}>
        {t("confirmSubmit")}
      </Button>
    </form>
  );
}
