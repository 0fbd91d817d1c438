// The vendor's e-Katalog onboarding checklist (the ticks drive its status: lib/domain/vendor.ts ekatalogStatusOf).
// A server component of the admin's vendor page.
import { getTranslations } from "@/lib/i18n/server";
import type { VendorForAdmin } from "@/lib/data/admin/vendors/get-vendor-for-admin";
import { Card, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/action-form";
import { updateEkatalogAction } from "@/lib/actions/admin";
import { EKATALOG_CHECKS } from "@/lib/domain/vendor";

export async function EkatalogCard({ v }: { v: VendorForAdmin }) {
  const t = await getTranslations();
  return (
    <Card>
      <CardTitle>{t("adminVendors.checklist")}</CardTitle>
      <p className="mb-2 text-sm text-slate-700">{t("adminVendors.checklistHint")}</p>
      <ActionForm action={updateEkatalogAction} className="space-y-2">
        <input type="hidden" name="vendorId" value={v.id} />
        <input type="hidden" name="version" value={v.version} />
        {EKATALOG_CHECKS.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={k} defaultChecked={v[k]} className="size-4" />
            {t(`adminVendors.fields.${k}`)}
          </label>
        ))}
        <Field id="kbliCode" label={t("adminVendors.fields.kbliCode")}>
          <Input density="compact" id="kbliCode" name="kbliCode" pattern="\d{5}" defaultValue={v.kbliCode ?? ""} />
        </Field>
        <Field id="ekatalogUrl" label={t("adminVendors.fields.ekatalogUrl")}>
          <Input density="compact" id="ekatalogUrl" name="ekatalogUrl" type="url" defaultValue={v.ekatalogUrl ?? ""} />
        </Field>
        <Button type="submit">{t("adminVendors.saveChecklist")}</Button>
      </ActionForm>
    </Card>
  );
}
