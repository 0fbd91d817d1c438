// The vendor's menu as an admin sees it, a dish added for it, and the link to its audit trail. A server component of
// the admin's vendor page.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import type { VendorForAdmin } from "@/lib/data/admin/vendors/get-vendor-for-admin";
import { Card, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/action-form";
import { addVendorMenuItemAction } from "@/lib/actions/admin";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";
import { formatRupiah, type Locale } from "@/lib/format";

export async function MenuCard({ v, locale }: { v: VendorForAdmin; locale: Locale }) {
  const t = await getTranslations();
  return (
    <Card>
      <CardTitle>{t("adminVendors.menu")}</CardTitle>
      {v.menuItems.length === 0 ? (
        <p className="text-sm text-slate-600">{t("adminVendors.noMenu")}</p>
      ) : (
        <ul className="text-sm">
          {v.menuItems.map((m, i) => (
            <li key={i}>
              {t(`status.category.${m.category}`)} · {m.name} · {formatRupiah(Number(m.pricePerPax), locale)}
            </li>
          ))}
        </ul>
      )}
      <ActionForm
        action={addVendorMenuItemAction}
        className="mt-3 grid gap-2 border-t border-slate-200 pt-3 sm:grid-cols-2"
      >
        <p className="text-sm font-medium sm:col-span-2">{t("adminVendors.addMenu")}</p>
        <input type="hidden" name="vendorId" value={v.id} />
        <Field id="menu-category" label={t("adminVendors.menuCategory")}>
          <Select id="menu-category" name="category" required>
            {MENU_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`status.category.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="menu-price" label={t("adminVendors.menuPrice")}>
          <Input id="menu-price" name="pricePerPax" inputMode="numeric" required placeholder="25.000" />
        </Field>
        <Field id="menu-name" label={t("adminVendors.menuName")} className="sm:col-span-2">
          <Input id="menu-name" name="name" required minLength={3} maxLength={100} />
        </Field>
        <div className="sm:col-span-2">
          <Button type="submit" variant="secondary">
            {t("adminVendors.addMenuSubmit")}
          </Button>
        </div>
      </ActionForm>
      <Link
        href={`/admin/audit?entity=Vendor&entityId=${v.id}`}
        className="mt-3 inline-block text-sm text-brand-700 underline"
      >
        {t("adminVendors.audit")}
      </Link>
    </Card>
  );
}
