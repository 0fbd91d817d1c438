import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { createVendorAction } from "@/lib/actions/admin";
import { Card } from "@/components/ui/card";
import { Flash } from "@/components/ui/flash";
import { VendorForm } from "@/components/admin/vendor-form";
import { vendorFieldLabels } from "@/components/admin/vendor-field-labels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminVendors"))("new") };
}

export default async function NewVendorPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; field?: string; why?: string }>;
}) {
  await requirePageRole("ADMIN");
  const t = await getTranslations();
  const { error, field, why } = await searchParams;
  return (
    <div className="space-y-4">
      <Flash error={error} field={field} why={why} messages={{}} fieldLabels={await vendorFieldLabels()} />
      <h1 className="text-2xl font-bold">{t("adminVendors.new")}</h1>
      <Card>
        <VendorForm action={createVendorAction} />
      </Card>
      <Link href="/admin/vendors" className="text-sm font-medium text-brand-700 underline">
        {t("adminVendors.back")}
      </Link>
    </div>
  );
}
