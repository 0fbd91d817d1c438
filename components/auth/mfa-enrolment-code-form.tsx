"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { openMfaEnrolmentAction, type MfaState } from "@/lib/actions/mfa";
import { Button } from "@/components/ui/button";

/** The single-use enrolment code another admin issued: it opens the authenticator set-up. */
export function MfaEnrolmentCodeForm() {
  const t = useTranslations("mfa");
  const [state, action, pending] = useActionState<MfaState, FormData>(openMfaEnrolmentAction, {});
  return (
    <form action={action} className="space-y-2">
      {state.message ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          {state.message}
        </p>
      ) : null}
      <label htmlFor="enrolment-code" className="block text-sm font-medium">
        {t("enrolmentCodeLabel")}
      </label>
      <input
        id="enrolment-code"
        name="enrolmentCode"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={20}
        placeholder="xxxx-xxxx-xxxx"
        className="block h-11 w-56 rounded-md border border-slate-300 bg-white px-3 font-mono text-base"
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("checking") : t("openEnrolment")}
      </Button>
    </form>
  );
}
