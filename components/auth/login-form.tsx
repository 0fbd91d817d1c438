"use client";
import { Field, Input } from "@/components/ui/field";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { loginAction, type LoginState } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";

export function LoginForm() {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {});
  const errorId = "login-error";
  return (
    <form action={action} className="space-y-4" noValidate={false}>
      {state.error ? (
        <p id={errorId} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t(state.error)}
        </p>
      ) : null}
      <Field id="username" label={t("username")}>
        <Input
          id="username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={64}
          defaultValue={state.username}
          aria-describedby={state.error ? errorId : undefined}
        />
      </Field>
      <Field id="password" label={t("password")}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          aria-describedby={state.error ? errorId : undefined}
        />
      </Field>
      {state.mfa ? (
        <div className="space-y-1">
          <label htmlFor="code" className="block text-sm font-medium">
            {t("code")}
          </label>
          <Input
            id="code"
            name="code"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={20}
            autoFocus
            aria-describedby="code-help"
            className="tracking-widest"
          />
          <p id="code-help" className="text-xs text-slate-600">
            {t("codeHelp")}
          </p>
        </div>
      ) : null}
      <Button type="submit" className="h-11 w-full" disabled={pending} aria-busy={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
