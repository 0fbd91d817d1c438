"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { issueMfaCodeAction, type IssueCodeState } from "@/lib/actions/mfa";
import { Button } from "@/components/ui/button";

/** Issues an enrolment code for one account and shows it once. */
export function IssueMfaCodeForm({ userId }: { userId: string }) {
  const t = useTranslations("adminAccounts");
  const [state, action, pending] = useActionState<IssueCodeState, FormData>(issueMfaCodeAction, {});
  if (state.issued)
    return (
      <div role="status" className="space-y-1 text-sm">
        <p>{t("issued", { username: state.issued.username, at: state.issued.expiresAt })}</p>
        <code
          className="block w-fit rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-base"
          data-testid="enrolment-code"
        >
          {state.issued.code}
        </code>
      </div>
    );
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      {state.message ? (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("issuing") : t("issue")}
      </Button>
    </form>
  );
}
