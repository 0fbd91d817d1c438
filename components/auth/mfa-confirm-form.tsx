"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmMfaAction, type MfaState } from "@/lib/actions/mfa";
import { Button } from "@/components/ui/button";
import { FormAlert, Input } from "@/components/ui/field";

/** The code from the authenticator app; then the recovery codes, once. */
export function MfaConfirmForm({ homeHref }: { homeHref: string }) {
  const t = useTranslations("mfa");
  const [state, action, pending] = useActionState<MfaState, FormData>(confirmMfaAction, {});
  if (state.recoveryCodes) {
    return (
      <div className="space-y-3">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {state.message}
        </p>
        <h2 className="text-base font-semibold">{t("recoveryTitle")}</h2>
        <p className="text-sm text-slate-700">{t("recoveryHelp")}</p>
        <ol aria-label={t("recoveryTitle")} className="grid grid-cols-2 gap-2 font-mono text-sm">
          {state.recoveryCodes.map((c) => (
            <li key={c} className="rounded border border-slate-300 bg-slate-50 px-2 py-1">
              {c}
            </li>
          ))}
        </ol>
        <a href={homeHref} className="inline-block font-medium text-brand-700 underline">
          {t("continue")}
        </a>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-2">
      <FormAlert message={state.message} />
      <label htmlFor="mfa-code" className="block text-sm font-medium">
        {t("codeLabel")}
      </label>
      <Input
        id="mfa-code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        required
        maxLength={7}
        className="w-40 tracking-widest"
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("checking") : t("confirm")}
      </Button>
    </form>
  );
}
