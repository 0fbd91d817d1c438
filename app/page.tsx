import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { Building2, Scale, Smartphone } from "lucide-react";
import { getCurrentUser } from "@/lib/auth/guards";
import { ROLE_HOME } from "@/lib/auth/roles";
import { LanguageSwitch } from "@/components/layout/language-switch";

export default async function LandingPage() {
  const user = await getCurrentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const t = await getTranslations();
  const points = [
    { icon: Building2, text: t("landing.points.routing") },
    { icon: Smartphone, text: t("landing.points.vendors") },
    { icon: Scale, text: t("landing.points.transparency") },
  ];
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-3xl flex-col px-4 py-6">
      <div className="flex items-center justify-between">
        <p className="text-lg font-bold text-brand-800">{t("app.name")}</p>
        <LanguageSwitch />
      </div>
      <section className="my-auto py-10">
        <p className="text-sm font-medium text-slate-600">{t("app.city")}</p>
        <h1 className="mt-2 text-3xl font-bold leading-tight text-slate-900 sm:text-4xl">{t("landing.title")}</h1>
        <p className="mt-4 text-base text-slate-700">{t("landing.body")}</p>
        <ul className="mt-6 space-y-2">
          {points.map(({ icon: Icon, text }) => (
            <li key={text} className="flex items-center gap-2 text-slate-800">
              <Icon aria-hidden className="size-5 text-brand-700" />
              {text}
            </li>
          ))}
        </ul>
        <Link
          href="/login"
          className="mt-8 inline-flex h-11 items-center rounded-md bg-brand-700 px-6 font-semibold text-white hover:bg-brand-800"
        >
          {t("landing.login")}
        </Link>
        <Link
          href="/transparansi"
          className="ml-4 mt-8 inline-flex h-11 items-center font-medium text-brand-700 underline"
        >
          {t("landing.transparency")}
        </Link>
      </section>
    </main>
  );
}
