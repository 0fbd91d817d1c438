"use client";
// The OPD reports that the vendor failed: the kind of failure and what happened. When the server refuses (too early
// for anything but the vendor's own cancellation, too short an account), what was typed stays and the field says why.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { reportFailureAction, type FailureFormState } from "@/lib/actions/orders";
import { FAILURE_TYPES } from "@/lib/domain/sanctions";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, Select, Textarea } from "@/components/ui/field";

export function ReportFailureForm({ orderId, opensAt }: { orderId: string; opensAt: string }) {
  const t = useTranslations("orderDetail");
  const [state, action, pending] = useActionState<FailureFormState, FormData>(reportFailureAction, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <FormAlert message={state.message} />
      <p className="text-xs text-slate-600">{t("failOpensAt", { at: opensAt })}</p>
      <Field id="failType" label={t("failType")} errors={e.type}>
        <Select id="failType" name="type" required defaultValue={v.type ?? "NOT_DELIVERED"}>
          {FAILURE_TYPES.map((f) => (
            <option key={f} value={f}>
              {t(`failTypes.${f}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="evidence" label={t("evidence")} errors={e.evidence}>
        <Textarea
          id="evidence"
          name="evidence"
          required
          minLength={10}
          maxLength={2000}
          rows={3}
          defaultValue={v.evidence ?? ""}
        />
      </Field>
      <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
        {t("failSubmit")}
      </Button>
    </form>
  );
}
