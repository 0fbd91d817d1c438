import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { Card } from "@/components/ui/card";
import { ImportForm } from "@/components/admin/import-form";
import { vendorImportAction } from "@/lib/actions/vendor-import";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminVendors"))("importTitle") };
}

export default async function VendorImportPage() {
  await requirePageRole("ADMIN");
  const t = await getTranslations("adminVendors");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("importTitle")}</h1>
      <p className="text-sm text-slate-700">{t("importIntro")}</p>
      <a href="/api/admin/vendors/template" download className="text-sm font-medium text-brand-700 underline">
        {t("importTemplate")}
      </a>
      <Card>
        <ClientMessages namespaces={["adminVendors"]}>
          <ImportForm action={vendorImportAction} namespace="adminVendors" />
        </ClientMessages>
      </Card>
      <Link href="/admin/vendors" className="text-sm font-medium text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
