import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { LanguageSwitch } from "@/components/layout/language-switch";

/** The public frame: no login, the app's name, the language switch and a way in for staff. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("app.skip")}
      </a>
      <header className="border-b border-brand-800 bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 sm:px-6">
          <Link href="/" className="text-lg font-bold tracking-tight">
            {t("app.name")}
          </Link>
          <span className="hidden text-sm text-brand-100 sm:inline">{t("app.city")}</span>
          <div className="ml-auto flex items-center gap-3">
            <LanguageSwitch />
            <Link href="/login" className="text-sm font-medium underline">
              {t("landing.login")}
            </Link>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-3 py-5 sm:px-6">
        {children}
      </main>
    </>
  );
}
