import { Input, Select } from "@/components/ui/field";
import { getTranslations } from "@/lib/i18n/server";
import { Button } from "@/components/ui/button";
import { findKelurahan, KECAMATAN, KELURAHAN } from "@/lib/domain/wilayah";
import { ActionForm } from "@/components/ui/action-form";

export interface VendorFormValues {
  id?: string;
  version?: number;
  code: string;
  name: string;
  ownerName: string;
  nib: string | null;
  npwp: string | null;
  address: string;
  kelurahan: string;
  kecamatan: string;
  whatsapp: string;
  email: string | null;
  dailyCapacityPax: number;
  hasPp55: boolean;
}

/** Identity and contact of a UMKM, for creating or editing (a plain form; the browser checks the patterns first). */
export async function VendorForm({
  action,
  values,
}: {
  action: (formData: FormData) => Promise<void>;
  values?: VendorFormValues;
}) {
  const t = await getTranslations("adminVendors");
  const text = (
    name: keyof VendorFormValues,
    opts: { required?: boolean; pattern?: string; type?: string; hint?: string; minLength?: number } = {},
  ) => (
    <div>
      <label htmlFor={`v-${name}`} className="block text-sm font-medium">
        {t(`fields.${name}`)}
      </label>
      <Input
        density="compact"
        id={`v-${name}`}
        name={name}
        type={opts.type ?? "text"}
        required={opts.required ?? false}
        pattern={opts.pattern}
        minLength={opts.minLength}
        defaultValue={values ? String(values[name] ?? "") : ""}
        aria-describedby={opts.hint ? `v-${name}-hint` : undefined}
      />
      {opts.hint ? (
        <p id={`v-${name}-hint`} className="mt-1 text-xs text-slate-600">
          {opts.hint}
        </p>
      ) : null}
    </div>
  );
  return (
    <ActionForm action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {values?.id ? <input type="hidden" name="vendorId" value={values.id} /> : null}
      {values?.version ? <input type="hidden" name="version" value={values.version} /> : null}
      {text("code", { required: true, pattern: "[A-Za-z0-9][A-Za-z0-9-]{1,19}", hint: t("hints.code") })}
      {text("name", { required: true, minLength: 3 })}
      {text("ownerName", { required: true, minLength: 3 })}
      {text("nib", { pattern: "\\d{13}", hint: t("hints.nib") })}
      {text("npwp", { hint: t("hints.npwp") })}
      {text("whatsapp", { required: true, type: "tel", hint: t("hints.whatsapp") })}
      <div className="sm:col-span-2 lg:col-span-3">{text("address", { required: true, minLength: 5 })}</div>
      {/* The city's 18 kelurahan grouped by kecamatan; the kecamatan follows from the choice. */}
      <div>
        <label htmlFor="v-kelurahan" className="block text-sm font-medium">
          {t("fields.kelurahan")}
        </label>
        <Select
          density="compact"
          id="v-kelurahan"
          name="kelurahan"
          required
          defaultValue={values ? (findKelurahan(values.kelurahan)?.kelurahan ?? "") : ""}
          aria-describedby="v-kelurahan-hint"
        >
          <option value="" disabled>
            {t("chooseKelurahan")}
          </option>
          {KECAMATAN.map((kec) => (
            <optgroup key={kec} label={`Kecamatan ${kec}`}>
              {KELURAHAN.filter((k) => k.kecamatan === kec).map((k) => (
                <option key={k.kelurahan} value={k.kelurahan}>
                  {k.kelurahan}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
        <p id="v-kelurahan-hint" className="mt-1 text-xs text-slate-600">
          {t("hints.kelurahan")}
        </p>
      </div>
      {text("email", { type: "email" })}
      <div>
        <label htmlFor="v-dailyCapacityPax" className="block text-sm font-medium">
          {t("fields.dailyCapacityPax")}
        </label>
        <Input
          density="compact"
          id="v-dailyCapacityPax"
          name="dailyCapacityPax"
          type="number"
          min={1}
          max={5000}
          required
          defaultValue={values?.dailyCapacityPax ?? 100}
        />
      </div>
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="hasPp55" defaultChecked={values?.hasPp55 ?? false} className="size-4" />
        {t("fields.hasPp55")}
      </label>
      <div className="sm:col-span-2 lg:col-span-3">
        <Button type="submit">{values?.id ? t("save") : t("create")}</Button>
      </div>
    </ActionForm>
  );
}
