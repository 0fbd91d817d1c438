import { getTranslations } from "@/lib/i18n/server";
import { VENDOR_FORM_FIELDS } from "@/lib/validation/admin-vendor";

/** Field names the vendor forms post, with their labels: for naming the field at fault after a refused save. */
export async function vendorFieldLabels(): Promise<Record<string, string>> {
  const t = await getTranslations("adminVendors.fields");
  const keys = [
    ...VENDOR_FORM_FIELDS,
    "kbliCode",
    "ekatalogUrl",
    "number",
    "issuedOn",
    "expiresOn",
    "username",
    "password",
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, t(k)]));
}
