import { Input } from "@/components/ui/field";
import { getTranslations } from "@/lib/i18n/server";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";

export interface DecreeHeaderValues {
  id: string;
  version: number;
  number: string;
  title: string;
  signedOn: string;
  effectiveFrom: string;
  effectiveTo: string;
  notes: string;
}

/** An SK's number, title and dates: for a new draft (with the option to start from the decree in force) or an edit. */
export async function DecreeHeaderForm({
  action,
  values,
}: {
  action: (formData: FormData) => Promise<void>;
  values?: DecreeHeaderValues;
}) {
  const t = await getTranslations("adminDecrees");
  const f = (name: keyof DecreeHeaderValues, type = "text", required = false) => (
    <div>
      <label htmlFor={`d-${name}`} className="block text-sm font-medium">
        {t(`fields.${name}`)}
      </label>
      <Input
        density="compact"
        id={`d-${name}`}
        name={name}
        type={type}
        required={required}
        defaultValue={values ? String(values[name]) : ""}
      />
    </div>
  );
  return (
    <ActionForm action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {values ? <input type="hidden" name="decreeId" value={values.id} /> : null}
      {values ? <input type="hidden" name="version" value={values.version} /> : null}
      {f("number", "text", true)}
      <div className="sm:col-span-2 lg:col-span-3">{f("title", "text", true)}</div>
      {f("signedOn", "date")}
      {f("effectiveFrom", "date", true)}
      {f("effectiveTo", "date")}
      <div className="sm:col-span-2 lg:col-span-4">{f("notes")}</div>
      {values ? null : (
        <label className="flex items-center gap-2 text-sm sm:col-span-2 lg:col-span-4">
          <input type="checkbox" name="copy" defaultChecked className="size-4" />
          {t("copyFromInForce")}
        </label>
      )}
      <div className="sm:col-span-2 lg:col-span-4">
        <Button type="submit">{values ? t("saveHeader") : t("createDraft")}</Button>
      </div>
    </ActionForm>
  );
}
