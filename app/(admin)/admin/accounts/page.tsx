import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { listMfaAccounts } from "@/lib/data/user/mfa/list-mfa-accounts";
import { formatDateTimeWIB, toLocaleTag } from "@/lib/format";
import { Card, EmptyState } from "@/components/ui/card";
import { ClientMessages } from "@/components/i18n/client-messages";
import { IssueMfaCodeForm } from "@/components/admin/issue-mfa-code-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAccounts"))("title") };
}

/** Admin and mayor accounts with their second factor; an admin issues enrolment codes for the others here. */
export default async function AccountsPage() {
  const me = await requirePageRole("ADMIN");
  const accounts = await listMfaAccounts(db(), { clock: systemClock, actor: me });
  const t = await getTranslations("adminAccounts");
  const locale = toLocaleTag(await getLocale());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <Card>
        {accounts.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {accounts.map((a) => (
              <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">
                    {a.name} <span className="text-sm text-slate-600">({a.username})</span>
                  </p>
                  <p className="text-sm text-slate-700">
                    {t(a.role)} ·{" "}
                    {!a.active
                      ? t("inactive")
                      : a.enabledAt
                        ? t("active", { at: formatDateTimeWIB(a.enabledAt, locale) })
                        : a.codeExpiresAt
                          ? t("codeOpen", { at: formatDateTimeWIB(a.codeExpiresAt, locale) })
                          : t("pending")}
                  </p>
                </div>
                {a.active && !a.enabledAt && a.id !== me.id ? (
                  <ClientMessages namespaces={["adminAccounts"]}>
                    <IssueMfaCodeForm userId={a.id} />
                  </ClientMessages>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
