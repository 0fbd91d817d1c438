"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction, type PasswordState } from "@/lib/actions/password";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, Input } from "@/components/ui/field";

/** The current password, the new one twice; on success the user signs in again with it. */
export function ChangePasswordForm() {
  const t = useTranslations("password");
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3">
      <FormAlert message={state.message} />
      <Field id="current" label={t("current")} errors={e.current}>
        <Input id="current" name="current" type="password" autoComplete="current-password" required />
      </Field>
      <Field id="next" label={t("next")} hint={t("nextHint")} errors={e.next}>
        <Input
          id="next"
          name="next"
          type="password"
          autoComplete="new-password"
          minLength={10}
          maxLength={200}
          required
          aria-describedby="next-hint"
        />
      </Field>
      <Field id="confirm" label={t("confirm")} errors={e.confirm}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
