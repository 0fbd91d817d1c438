// The vendor owner's login: shown when it exists (with its last sign-in), else the form that creates it. A server
// component of the admin's vendor page.
import { getTranslations } from "@/lib/i18n/server";
import type { VendorForAdmin } from "@/lib/data/admin/vendors/get-vendor-for-admin";
import { Card, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/action-form";
import { createVendorLoginAction } from "@/lib/actions/admin";
import { formatDateTimeWIB, type Locale } from "@/lib/format";

export async function LoginCard({ v, locale }: { v: VendorForAdmin; locale: Locale }) {
  const t = await getTranslations();
  return (
    <Card>
      <CardTitle>{t("adminVendors.login")}</CardTitle>
      {v.users.length > 0 ? (
        <ul className="text-sm">
          {v.users.map((u) => (
            <li key={u.id}>
              <span className="font-mono">{u.username}</span> ·{" "}
              {u.active ? t("adminVendors.loginActive") : t("adminVendors.loginInactive")}
              {u.lastLoginAt
                ? ` · ${t("adminVendors.lastLogin", { time: formatDateTimeWIB(u.lastLoginAt, locale) })}`
                : ""}
            </li>
          ))}
        </ul>
      ) : (
        <ActionForm action={createVendorLoginAction} className="grid gap-2 sm:grid-cols-2">
          <input type="hidden" name="vendorId" value={v.id} />
          <Field id="username" label={t("adminVendors.fields.username")}>
            <Input density="compact" id="username" name="username" required pattern="[a-zA-Z0-9][a-zA-Z0-9._-]{2,39}" />
          </Field>
          <Field id="password" label={t("adminVendors.fields.password")}>
            <Input
              density="compact"
              id="password"
              name="password"
              type="password"
              required
              minLength={10}
              autoComplete="new-password"
            />
          </Field>
          <p className="text-xs text-slate-600 sm:col-span-2">{t("adminVendors.loginHint")}</p>
          <div className="sm:col-span-2">
            <Button type="submit">{t("adminVendors.createLogin")}</Button>
          </div>
        </ActionForm>
      )}
    </Card>
  );
}
