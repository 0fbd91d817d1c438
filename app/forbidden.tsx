import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
      <p className="text-5xl font-bold text-slate-300">403</p>
      <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        {t("back")}
      </Link>
    </main>
  );
}
