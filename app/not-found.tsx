import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
      <p className="text-5xl font-bold text-slate-300">404</p>
      <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        {t("back")}
      </Link>
    </main>
  );
}
