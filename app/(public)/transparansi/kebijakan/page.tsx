import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { env } from "@/lib/env";
import { TEST_OCDS_PREFIX } from "@/lib/domain/ocds-prefix";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publicPolicy");
  return { title: t("title"), description: t("intro") };
}

/**
 * The publication policy (issue 22; the OCDS packages' `publicationPolicy` points here): what is published, what is
 * withheld and why, how often, in which formats, the ocid prefix, the licence and whom to ask. No login.
 */
export default async function PublicationPolicyPage() {
  const t = await getTranslations("publicPolicy");
  const { OCDS_PREFIX, OPEN_DATA_CONTACT, DASHBOARD_CACHE_SECONDS } = env();
  const sections: { title: string; body: React.ReactNode }[] = [
    { title: t("publishedTitle"), body: t("published") },
    { title: t("withheldTitle"), body: t("withheld") },
    { title: t("frequencyTitle"), body: t("frequency", { seconds: DASHBOARD_CACHE_SECONDS }) },
    { title: t("formatsTitle"), body: t("formats") },
    {
      title: t("ocidTitle"),
      body: (
        <>
          {t("ocid", { prefix: OCDS_PREFIX })}
          {OCDS_PREFIX === TEST_OCDS_PREFIX ? <> {t("ocidTest")}</> : null}
        </>
      ),
    },
    {
      title: t("licenseTitle"),
      body: (
        <>
          {t("license")}{" "}
          <a href="https://creativecommons.org/licenses/by/4.0/" className="text-brand-700 underline">
            creativecommons.org/licenses/by/4.0
          </a>
        </>
      ),
    },
    {
      title: t("contactTitle"),
      body: t.rich("contact", {
        address: OPEN_DATA_CONTACT,
        email: (chunks) => (
          <a href={`mailto:${OPEN_DATA_CONTACT}`} className="text-brand-700 underline">
            {chunks}
          </a>
        ),
      }),
    },
  ];
  return (
    <div className="max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      </div>
      {sections.map((s) => (
        <Card key={s.title}>
          <h2 className="mb-1 text-base font-semibold">{s.title}</h2>
          <p className="text-sm leading-relaxed text-slate-800">{s.body}</p>
        </Card>
      ))}
      <Link href="/transparansi" className="inline-block font-medium text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
