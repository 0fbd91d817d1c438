// The admin's page of one vendor: its identity form, then the e-Katalog checklist, documents, login and menu — each a
// server component under components/admin/vendor/.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getVendorForAdmin } from "@/lib/data/admin/vendors/get-vendor-for-admin";
import { updateVendorAction } from "@/lib/actions/admin";
import { toLocaleTag } from "@/lib/format";
import { Card, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Flash } from "@/components/ui/flash";
import { VendorForm } from "@/components/admin/vendor-form";
import { vendorFieldLabels } from "@/components/admin/vendor-field-labels";
import { EkatalogCard } from "@/components/admin/vendor/ekatalog-card";
import { DocumentsCard } from "@/components/admin/vendor/documents-card";
import { LoginCard } from "@/components/admin/vendor/login-card";
import { MenuCard } from "@/components/admin/vendor/menu-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminVendors"))("title") };
}

export default async function VendorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; error?: string; field?: string; why?: string }>;
}) {
  const user = await requirePageRole("ADMIN");
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const v = await getVendorForAdmin(db(), { clock: systemClock, actor: user, vendorId: id });
  if (!v) notFound();
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const { done, error, field, why } = await searchParams;
  return (
    <div className="space-y-4">
      <Flash
        done={done}
        error={error}
        field={field}
        why={why}
        messages={{
          created: t("adminVendors.doneCreated"),
          saved: t("adminVendors.doneSaved"),
          ekatalog: t("adminVendors.doneSaved"),
          document: t("adminVendors.doneSaved"),
          login: t("adminVendors.doneLogin"),
          menu: t("adminVendors.doneMenu"),
        }}
        fieldLabels={await vendorFieldLabels()}
      />
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold">{v.name}</h1>
        <span className="font-mono text-sm text-slate-600">{v.code}</span>
        <Badge tone={v.status === "ACTIVE" ? "success" : "danger"}>{t(`status.vendor.${v.status}`)}</Badge>
        <Badge tone={v.ekatalogStatus === "TAYANG" ? "success" : v.ekatalogStatus === "PROSES" ? "warning" : "neutral"}>
          e-Katalog: {t(`status.ekatalog.${v.ekatalogStatus}`)}
        </Badge>
      </div>
      <Card>
        <CardTitle>{t("adminVendors.identity")}</CardTitle>
        <VendorForm
          action={updateVendorAction}

          values={{
            id: v.id,
            version: v.version,
            code: v.code,
            name: v.name,
            ownerName: v.ownerName,
            nib: v.nib,
            npwp: v.npwp,
            address: v.address,
            kelurahan: v.kelurahan,
            kecamatan: v.kecamatan,
            whatsapp: v.whatsapp,
            email: v.email,
            dailyCapacityPax: v.dailyCapacityPax,
            hasPp55: v.hasPp55,
          }}
        />
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <EkatalogCard v={v} />
        <DocumentsCard v={v} locale={locale} />
        <LoginCard v={v} locale={locale} />
        <MenuCard v={v} locale={locale} />
      </div>
      <Link href="/admin/vendors" className="text-sm font-medium text-brand-700 underline">
        {t("adminVendors.back")}
      </Link>
    </div>
  );
}
