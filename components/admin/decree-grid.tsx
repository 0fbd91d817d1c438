"use client";
import { Input } from "@/components/ui/field";
// The decree's OPD × UMKM allocation grid (issue 18: 624 checkboxes under "01…24" with names only on hover): names
// in the headers — UMKM names written upwards, OPD code and name — both sticky while scrolling; a search over OPDs
// and one over UMKM; filters for the pools with fewer than two UMKM and the UMKM no OPD has; and, per OPD or per
// UMKM, "only this row/column". Filters only hide rows and columns: every checkbox still belongs to the form, so
// saving sends the whole grid, hidden cells included. Counts follow the ticks as they change.
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

export interface GridOpd {
  id: string;
  code: string;
  name: string;
}
export interface GridVendor {
  id: string;
  code: string;
  name: string;
}

const matches = (q: string, ...texts: string[]) => {
  const needle = q.trim().toLowerCase();
  return needle === "" || texts.some((t) => t.toLowerCase().includes(needle));
};

export function DecreeGrid({
  opds,
  vendors,
  cells,
  editable,
}: {
  opds: GridOpd[];
  vendors: GridVendor[];
  /** The allocated cells, as "opdId:vendorId". */
  cells: string[];
  editable: boolean;
}) {
  const t = useTranslations("adminDecrees.gridTools");
  const [ticked, setTicked] = useState(() => new Set(cells));
  const [opdQuery, setOpdQuery] = useState("");
  const [vendorQuery, setVendorQuery] = useState("");
  const [onlyThin, setOnlyThin] = useState(false);
  const [onlyIdle, setOnlyIdle] = useState(false);
  const [focusOpd, setFocusOpd] = useState<string | null>(null);
  const [focusVendor, setFocusVendor] = useState<string | null>(null);

  const { rowCount, colCount } = useMemo(() => {
    const rowCount = new Map<string, number>();
    const colCount = new Map<string, number>();
    for (const key of ticked) {
      const [o, v] = key.split(":") as [string, string];
      rowCount.set(o, (rowCount.get(o) ?? 0) + 1);
      colCount.set(v, (colCount.get(v) ?? 0) + 1);
    }
    return { rowCount, colCount };
  }, [ticked]);

  const shownOpds = new Set(
    opds
      .filter(
        (o) =>
          (focusOpd === null || o.id === focusOpd) &&
          matches(opdQuery, o.code, o.name) &&
          (!onlyThin || (rowCount.get(o.id) ?? 0) < 2),
      )
      .map((o) => o.id),
  );
  const shownVendors = new Set(
    vendors
      .filter(
        (v) =>
          (focusVendor === null || v.id === focusVendor) &&
          matches(vendorQuery, v.code, v.name) &&
          (!onlyIdle || (colCount.get(v.id) ?? 0) === 0),
      )
      .map((v) => v.id),
  );
  const toggle = (key: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const filtered = shownOpds.size < opds.length || shownVendors.size < vendors.length;

  return (
    <div className="space-y-2">
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        <SearchBox
          label={t("searchOpd")}
          placeholder={t("searchOpdPlaceholder")}
          value={opdQuery}
          onChange={setOpdQuery}
        />
        <SearchBox
          label={t("searchVendor")}
          placeholder={t("searchVendorPlaceholder")}
          value={vendorQuery}
          onChange={setVendorQuery}
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={onlyThin}
            onChange={(e) => setOnlyThin(e.target.checked)}
            className="size-4"
          />
          {t("onlyThin")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={onlyIdle}
            onChange={(e) => setOnlyIdle(e.target.checked)}
            className="size-4"
          />
          {t("onlyIdle")}
        </label>
      </div>
      <p className="text-xs text-slate-600" aria-live="polite">
        {t("shown", {
          opds: shownOpds.size,
          allOpds: opds.length,
          vendors: shownVendors.size,
          allVendors: vendors.length,
        })}
        {filtered ? (
          <>
            {" "}
            <button
              type="button"
              className="font-medium text-brand-700 underline"
              onClick={() => {
                setOpdQuery("");
                setVendorQuery("");
                setOnlyThin(false);
                setOnlyIdle(false);
                setFocusOpd(null);
                setFocusVendor(null);
              }}
            >
              {t("showAll")}
            </button>
          </>
        ) : null}
      </p>
      <div
        className="max-h-[70vh] overflow-auto rounded-md border border-slate-200"
        tabIndex={0}
        role="region"
        aria-label={t("region")}
      >
        <table className="border-separate border-spacing-0 text-xs">
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 top-0 z-20 min-w-40 border-b border-r border-slate-200 bg-slate-50 p-1 text-left align-bottom"
              >
                {t("opdColumn")}
              </th>
              {vendors.map((v) => (
                <th
                  key={v.id}
                  scope="col"
                  hidden={!shownVendors.has(v.id)}
                  className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 p-1 align-bottom font-medium"
                >
                  {/* The name written upwards, so 24 UMKM fit side by side and each is read, not guessed. */}
                  <button
                    type="button"
                    onClick={() => setFocusVendor(focusVendor === v.id ? null : v.id)}
                    aria-pressed={focusVendor === v.id}
                    title={t(focusVendor === v.id ? "showAllColumns" : "onlyColumn", { name: v.name })}
                    className="mx-auto block max-h-40 text-left [writing-mode:vertical-rl] rotate-180 hover:text-brand-700"
                  >
                    {v.name}
                  </button>
                  <span className="mt-1 block text-center font-mono text-[10px] text-slate-500">
                    {v.code.replace(/^UMKM-/, "")}
                  </span>
                  <span className="block text-center text-[10px] tabular-nums text-slate-600">
                    {colCount.get(v.id) ?? 0}
                  </span>
                </th>
              ))}
              <th scope="col" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 p-1 align-bottom">
                {t("perOpd")}
              </th>
            </tr>
          </thead>
          <tbody>
            {opds.map((o) => {
              const thin = (rowCount.get(o.id) ?? 0) < 2;
              return (
                <tr
                  key={o.id}
                  hidden={!shownOpds.has(o.id)}
                  className={thin ? "bg-amber-50" : "odd:bg-white even:bg-slate-50"}
                >
                  <th
                    scope="row"
                    className="sticky left-0 z-[5] border-r border-slate-200 bg-inherit p-1 text-left font-medium"
                  >
                    <button
                      type="button"
                      onClick={() => setFocusOpd(focusOpd === o.id ? null : o.id)}
                      aria-pressed={focusOpd === o.id}
                      title={t(focusOpd === o.id ? "showAllRows" : "onlyRow", { name: o.name })}
                      className="text-left hover:text-brand-700"
                    >
                      <span className="font-mono">{o.code}</span>{" "}
                      <span className="font-normal text-slate-700">{o.name}</span>
                    </button>
                  </th>
                  {vendors.map((v) => {
                    const key = `${o.id}:${v.id}`;
                    return (
                      <td key={v.id} hidden={!shownVendors.has(v.id)} className="p-1 text-center">
                        <input
                          type="checkbox"
                          name="cell"
                          value={key}
                          checked={ticked.has(key)}
                          onChange={(e) => toggle(key, e.target.checked)}
                          disabled={!editable}
                          aria-label={t("cell", { opd: `${o.code} ${o.name}`, vendor: v.name })}
                          className={cn("size-4", editable ? "cursor-pointer" : "")}
                        />
                      </td>
                    );
                  })}
                  <td className={cn("p-1 text-center tabular-nums", thin ? "font-semibold text-amber-900" : "")}>
                    {rowCount.get(o.id) ?? 0}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function SearchBox(props: { label: string; placeholder: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="block text-xs font-medium">
      {props.label}
      <Input
        density="compact"
        type="search"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        className="mt-1 font-normal"
      />
    </label>
  );
}
