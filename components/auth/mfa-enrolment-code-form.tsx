"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { openMfaEnrolmentAction, type MfaState } from "@/lib/actions/mfa";
import { Button } from "@/components/ui/button";
import { FormAlert, Input } from "@/components/ui/field";

/** The single-use enrolment code another admin issued: it opens the authenticator set-up. */
export function MfaEnrolmentCodeForm() {
  const t = useTranslations("mfa");
  const [state, action, pending] = useActionState<MfaState, FormData>(openMfaEnrolmentAction, {});
  return (
    <form action={action} className="space-y-2">
      <FormAlert message={state.message} />
      <label htmlFor="enrolment-code" className="block text-sm font-medium">
        {t("enrolmentCodeLabel")}
      </label>
      <Input
        id="enrolment-code"
        name="enrolmentCode"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={20}
        placeholder="xxxx-xxxx-xxxx"
        className="w-56 font-mono"
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("checking") : t("openEnrolment")}
      </Button>
    </form>
  );
}
