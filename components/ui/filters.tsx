// The pieces of a list page's filter form (a plain GET form: the filters live in the URL).
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

export const filterField = "block h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

/** A labelled text or date input. */
export function FilterInput({
  name,
  label,
  value,
  type = "text",
  placeholder,
  className,
}: {
  name: string;
  label: string;
  value: string | undefined;
  type?: "text" | "date";
  placeholder?: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input id={name} name={name} type={type} defaultValue={value} placeholder={placeholder} className={filterField} />
    </div>
  );
}

/** A labelled select whose first option means "no filter". */
export function FilterSelect({
  name,
  label,
  value,
  allLabel,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  allLabel: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className={filterField}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Apply, reset (back to the bare page) and the count of what matched. */
export async function FilterActions({
  resetHref,
  count,
  className,
}: {
  resetHref: string;
  count: string;
  className?: string;
}) {
  const t = await getTranslations("orderList");
  return (
    <div className={`flex items-end gap-3 ${className ?? ""}`}>
      <button
        type="submit"
        className="h-10 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
      >
        {t("apply")}
      </button>
      <Link href={resetHref} className="text-sm font-medium text-brand-700 underline">
        {t("reset")}
      </Link>
      <span className="ml-auto text-sm text-slate-600" role="status">
        {count}
      </span>
    </div>
  );
}

/** `base?query` with the given parameters (empty ones dropped): for page links that keep the filters. */
export function queryHref(base: string, query: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return p ? `${base}?${p}` : base;
}
