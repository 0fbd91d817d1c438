import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { getCurrentUser } from "@/lib/auth/guards";
import { ROLE_HOME } from "@/lib/auth/roles";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("submit") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const { password } = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-8">
      <div className="mb-6 flex items-start justify-between gap-2">
        <div>
          <p className="text-sm text-slate-600">{t("app.city")}</p>
          <h1 className="text-2xl font-bold text-brand-800">{t("login.title")}</h1>
        </div>
        <LanguageSwitch />
      </div>
      {password === "changed" ? (
        <p role="status" className="mb-3 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t("password.changed")}
        </p>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <ClientMessages namespaces={["login"]}>
          <LoginForm />
        </ClientMessages>
      </div>
      <p className="mt-4 text-center text-sm text-slate-600">{t("login.help")}</p>
    </main>
  );
}
