import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { db } from "@/lib/db";
import { verifyDocument } from "@/lib/data/documents/verify-document";
import { formatDateTimeWIB, formatDateWIB, formatNumber, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  // A verification page is for whoever holds the printout: not for search engines.
  return { title: (await getTranslations("verify"))("title"), robots: { index: false, follow: false } };
}

/**
 * A letter's public verification page (issue 18), opened from the QR code on the printout: anyone holding the paper
 * compares its number, parties and amount with these, and its printed fingerprint with the hash here. No login.
 */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const v = await verifyDocument(db(), code);
  if (!v) notFound();
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-x-3 sm:grid-cols-[12rem_1fr]">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium break-words">{value}</dd>
    </div>
  );
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("verify.title")}</h1>
      <Card>
        <p className="mb-3 flex flex-wrap items-center gap-2" role="status">
          {v.intact === false ? (
            <Badge tone="danger">{t("verify.changed")}</Badge>
          ) : (
            <Badge tone="success">{t("verify.genuine")}</Badge>
          )}
          <span className="text-sm text-slate-700">{t(`verify.kind.${v.kind}`)}</span>
        </p>
        <dl className="space-y-2 text-sm">
          {row(t("verify.number"), <span className="font-mono">{v.number}</span>)}
          {row(t("verify.issuedAt"), formatDateTimeWIB(v.issuedAt, locale))}
          {v.content ? (
            <>
              {row(t("verify.order"), v.content.orderNumber)}
              {row(t("verify.opd"), v.content.opd)}
              {row(t("verify.vendor"), v.content.vendor)}
              {row(
                t("verify.what"),
                `${t(`status.category.${v.content.category}`)} · ${formatNumber(v.content.quantity, locale)} × ${formatRupiah(v.content.unitPrice, locale)}`,
              )}
              {row(t("verify.amount"), formatRupiah(v.content.amount, locale))}
              {row(t("verify.day"), formatDateWIB(new Date(v.content.day), locale))}
            </>
          ) : null}
          {row(t("verify.status"), t(`status.order.${v.orderStatus}`))}
          {row(t("verify.hash"), <span className="font-mono text-xs break-all">{v.contentHash}</span>)}
        </dl>
        <p className="mt-3 text-sm text-slate-700">{t("verify.howTo")}</p>
        {v.content === null ? <p className="mt-2 text-sm text-amber-800">{t("verify.noLonger")}</p> : null}
      </Card>
    </div>
  );
}
