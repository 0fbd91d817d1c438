// The vendor's documents (NIB, NPWP, PIRT, halal): number (NIB and NPWP from the identity form, typed once), dates,
// expiry warnings and the scan, each with its form. A server component of the admin's vendor page.
import { getTranslations } from "@/lib/i18n/server";
import type { VendorForAdmin } from "@/lib/data/admin/vendors/get-vendor-for-admin";
import { Card, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/action-form";
import { saveDocumentAction } from "@/lib/actions/admin";
import { DOCUMENT_TYPES, identityNumberField } from "@/lib/domain/vendor";
import { formatDateWIB, formatNumber, type Locale } from "@/lib/format";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export async function DocumentsCard({ v, locale }: { v: VendorForAdmin; locale: Locale }) {
  const t = await getTranslations();
  return (
    <Card>
      <CardTitle>{t("adminVendors.documents")}</CardTitle>
      <ul className="mb-3 divide-y divide-slate-100 text-sm">
        {DOCUMENT_TYPES.map((type) => {
          const d = v.documents.find((x) => x.type === type);
          return (
            <li key={type} className="py-2">
              <details>
                <summary className="cursor-pointer">
                  <strong>{t(`adminVendors.docTypes.${type}`)}</strong>:{" "}
                  {d ? (
                    <>
                      {d.number}
                      {d.expiresOn ? (
                        <>
                          {" "}
                          · {t("adminVendors.expires", { date: formatDateWIB(d.expiresOn, locale) })}{" "}
                          {d.expired ? (
                            <Badge tone="danger">{t("adminVendors.expired")}</Badge>
                          ) : d.expiring ? (
                            <Badge tone="warning">{t("adminVendors.expiringSoon")}</Badge>
                          ) : null}
                        </>
                      ) : null}
                    </>
                  ) : (
                    <span className="text-slate-500">{t("adminVendors.missing")}</span>
                  )}
                </summary>
                <ActionForm action={saveDocumentAction} className="mt-2 grid gap-2 sm:grid-cols-3">
                  <input type="hidden" name="vendorId" value={v.id} />
                  <input type="hidden" name="type" value={type} />
                  {identityNumberField(type) ? (
                    // NIB and NPWP: the number is the one in the identity form above, typed once.
                    <p className="text-xs text-slate-600 sm:col-span-3">
                      {v[identityNumberField(type)!]
                        ? t("adminVendors.identityNumberHint", { type, number: v[identityNumberField(type)!]! })
                        : t("adminVendors.identityNumberMissing", { type })}
                    </p>
                  ) : (
                    <div className="sm:col-span-3">
                      <label htmlFor={`doc-number-${type}`} className="block text-xs font-medium">
                        {t("adminVendors.fields.number")}
                      </label>
                      <Input
                        density="compact"
                        id={`doc-number-${type}`}
                        name="number"
                        required
                        minLength={3}
                        defaultValue={d?.number ?? ""}
                      />
                    </div>
                  )}
                  <div>
                    <label htmlFor={`doc-issued-${type}`} className="block text-xs font-medium">
                      {t("adminVendors.fields.issuedOn")}
                    </label>
                    <Input
                      density="compact"
                      id={`doc-issued-${type}`}
                      name="issuedOn"
                      type="date"
                      defaultValue={day(d?.issuedOn ?? null)}
                    />
                  </div>
                  <div>
                    <label htmlFor={`doc-expires-${type}`} className="block text-xs font-medium">
                      {t("adminVendors.fields.expiresOn")}
                    </label>
                    <Input
                      density="compact"
                      id={`doc-expires-${type}`}
                      name="expiresOn"
                      type="date"
                      defaultValue={day(d?.expiresOn ?? null)}
                    />
                  </div>
                  <div className="sm:col-span-3">
                    <label htmlFor={`doc-scan-${type}`} className="block text-xs font-medium">
                      {t("adminVendors.scan")}
                    </label>
                    <input
                      id={`doc-scan-${type}`}
                      name="scan"
                      type="file"
                      accept="application/pdf,image/jpeg,image/png"
                      aria-describedby={`doc-scan-hint-${type}`}
                      className="mt-1 block w-full text-sm"
                    />
                    <p id={`doc-scan-hint-${type}`} className="mt-1 text-xs text-slate-600">
                      {t("adminVendors.scanHint")}
                    </p>
                  </div>
                  <div className="flex items-end">
                    <Button type="submit" variant="secondary">
                      {t("adminVendors.saveDocument")}
                    </Button>
                  </div>
                </ActionForm>
              </details>
              {d?.scan ? (
                <span className="block text-xs">
                  <a href={`/api/vendor-documents/${d.id}/scan`} className="font-medium text-brand-700 underline">
                    {t("adminVendors.downloadScan", {
                      kind: t(
                        d.scan.contentType === "application/pdf"
                          ? "adminVendors.scanKindPdf"
                          : "adminVendors.scanKindImage",
                      ),
                      size: formatNumber(Math.ceil(d.scan.size / 1024), locale),
                    })}
                  </a>{" "}
                  · {t("adminVendors.scanUploaded", { date: formatDateWIB(d.scan.uploadedAt, locale) })}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
