import { Field, Input, Select } from "@/components/ui/field";
import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { listCeilings } from "@/lib/data/admin/opds/list-ceilings";
import { getSettings } from "@/lib/data/settings/get-settings";
import { saveCeilingAction, saveLetterheadAction, saveRulesAction } from "@/lib/actions/admin";
import { getLetterhead } from "@/lib/data/admin/letterhead";
import { fiscalYearOf, formatNumber, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { ActionForm } from "@/components/ui/action-form";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminRules"))("title") };
}

const NUMBERS = [
  ["responseWindowMinutes", 5, 10080],
  ["minLeadMinutes", 0, 10080],
  ["veryLateMinutes", 1, 1440],
  ["failureReportGraceMinutes", 0, 1440],
  ["sanctionWindowDays", 1, 1095],
  ["sp2AfterFailures", 2, 20],
  ["sp3AfterFailures", 3, 30],
  ["suspensionDays", 1, 365],
  ["paymentTargetDays", 1, 365],
] as const;
/** Shares entered as percentages: the form field and the setting it fills. */
const PERCENTS = [
  ["shortQuantityMinPercent", "shortQuantityMinRatio"],
  ["sp2MinFailurePercent", "sp2MinFailureShare"],
  ["sp3MinFailurePercent", "sp3MinFailureShare"],
] as const;

export default async function RulesPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; error?: string; field?: string; why?: string }>;
}) {
  const user = await requirePageRole("ADMIN");
  const [ceilings, rules, letterhead] = await Promise.all([
    listCeilings(db(), { actor: user }),
    getSettings(db()),
    getLetterhead(db()),
  ]);
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const r = (k: string) => t(`adminRules.${k}`);
  const sp = await searchParams;
  const year = fiscalYearOf(systemClock.now());
  return (
    <div className="space-y-4">
      <Flash
        done={sp.done}
        error={sp.error}
        field={sp.field}
        why={sp.why}
        messages={{ ceiling: r("doneSaved"), rules: r("doneSaved"), letterhead: r("doneLetterhead") }}
        fieldLabels={{
          maxPerPax: r("maxPerPax"),
          fiscalYear: r("year"),
          shortQuantityMinRatio: r("shortQuantityMinPercent"),
          sp2MinFailureShare: r("sp2MinFailurePercent"),
          sp3MinFailureShare: r("sp3MinFailurePercent"),
          quietHoursStart: r("quietHoursStart"),
          quietHoursEnd: r("quietHoursEnd"),
          meteraiThreshold: r("meteraiThreshold"),
          spNumberPattern: r("spNumberPattern"),
          bastNumberPattern: r("bastNumberPattern"),
          cityHeading: r("cityHeading"),
          logo: r("logo"),
          ...Object.fromEntries(NUMBERS.map(([k]) => [k, r(k)])),
        }}
      />
      <h1 className="text-2xl font-bold">{r("title")}</h1>
      <Card>
        <CardTitle>{r("ceilings")}</CardTitle>
        <p className="mb-2 text-sm text-slate-700">{r("ceilingsIntro")}</p>
        <ul className="mb-3 divide-y divide-slate-100 text-sm">
          {ceilings.map((c) => (
            <li key={c.id} className="flex flex-wrap gap-2 py-1">
              <strong>{c.fiscalYear}</strong> · {t(`status.category.${c.category}`)} ·{" "}
              <span className="tabular-nums">{formatRupiah(c.maxPerPax, locale)}</span>
              {c.basis ? <span className="text-slate-600">· {c.basis}</span> : null}
            </li>
          ))}
        </ul>
        <ActionForm action={saveCeilingAction} className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
          <Field id="c-year" label={r("year")}>
            <Input
              density="compact"
              id="c-year"
              name="fiscalYear"
              type="number"
              min={2020}
              max={2100}
              defaultValue={year}
              required
            />
          </Field>
          <Field id="c-category" label={t("orderForm.category")}>
            <Select density="compact" id="c-category" name="category">
              {MENU_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`status.category.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="c-max" label={r("maxPerPax")}>
            <Input density="compact" id="c-max" name="maxPerPax" type="number" min={1000} step={500} required />
          </Field>
          <Field id="c-basis" label={r("basis")}>
            <Input density="compact" id="c-basis" name="basis" placeholder="SSH Kota Mojokerto 2026" />
          </Field>
          <div className="flex items-end">
            <Button type="submit">{r("saveCeiling")}</Button>
          </div>
        </ActionForm>
      </Card>
      <Card>
        <CardTitle>{r("rules")}</CardTitle>
        <p className="mb-2 text-sm text-slate-700">{r("rulesIntro")}</p>
        <ActionForm action={saveRulesAction} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {NUMBERS.map(([k, min, max]) => (
            <div key={k}>
              <label htmlFor={`r-${k}`} className="block text-sm font-medium">
                {r(k)}
              </label>
              <Input
                density="compact"
                id={`r-${k}`}
                name={k}
                type="number"
                min={min}
                max={max}
                required
                defaultValue={rules[k]}
              />
            </div>
          ))}
          {PERCENTS.map(([name, key]) => (
            <div key={name}>
              <label htmlFor={`r-${name}`} className="block text-sm font-medium">
                {r(name)}
              </label>
              <Input
                density="compact"
                id={`r-${name}`}
                name={name}
                type="number"
                min={0}
                max={100}
                step={0.5}
                required
                defaultValue={Math.round(rules[key] * 1000) / 10}
              />
            </div>
          ))}
          {(["quietHoursStart", "quietHoursEnd"] as const).map((k) => (
            <div key={k}>
              <label htmlFor={`r-${k}`} className="block text-sm font-medium">
                {r(k)}
              </label>
              <Input density="compact" id={`r-${k}`} name={k} type="time" required defaultValue={rules[k]} />
            </div>
          ))}
          <p className="text-sm text-slate-700 sm:col-span-2">{r("quietHoursHint")}</p>
          <Field id="r-meteraiThreshold" label={r("meteraiThreshold")}>
            <Input
              density="compact"
              id="r-meteraiThreshold"
              name="meteraiThreshold"
              inputMode="numeric"
              required
              defaultValue={formatNumber(rules.meteraiThreshold, locale)}
            />
          </Field>
          <p className="text-sm text-slate-700 sm:col-span-2 lg:col-span-3">{r("paymentHint")}</p>
          {(["spNumberPattern", "bastNumberPattern"] as const).map((k) => (
            <div key={k} className="sm:col-span-2">
              <label htmlFor={`r-${k}`} className="block text-sm font-medium">
                {r(k)}
              </label>
              <Input
                density="compact"
                id={`r-${k}`}
                name={k}
                required
                maxLength={80}
                defaultValue={rules[k]}
                aria-describedby="r-number-hint"
                className="font-mono"
              />
            </div>
          ))}
          <p id="r-number-hint" className="text-sm text-slate-700 sm:col-span-2 lg:col-span-4">
            {/* The placeholders are passed as values: braces inside a message would be read as its own variables. */}
            {t("adminRules.numberHint", {
              seqToken: "{seq}",
              yearToken: "{year}",
              monthToken: "{month}",
              opdToken: "{opd}",
              example: "000.3/{seq}/417.{opd}/{year}",
            })}
          </p>
          <p className="text-sm text-slate-700 sm:col-span-2 lg:col-span-4">{r("ladderHint")}</p>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input
              type="checkbox"
              name="ePurchasingRequiresTayang"
              defaultChecked={rules.ePurchasingRequiresTayang}
              className="size-4"
            />
            {r("ePurchasingRequiresTayang")}
          </label>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="cityReserve" defaultChecked={rules.cityReserve} className="size-4" />
            {r("cityReserve")}
          </label>
          <div className="sm:col-span-2 lg:col-span-4">
            <Button type="submit">{r("saveRules")}</Button>
          </div>
        </ActionForm>
      </Card>
      <Card>
        <CardTitle>{r("letterhead")}</CardTitle>
        <p className="mb-3 text-sm text-slate-700">{r("letterheadHint")}</p>
        {/* How the kop looks on a letter: the logo left of the heading. */}
        <div className="mb-3 flex items-center gap-3 rounded-md border border-slate-200 p-3">
          {letterhead.logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- a small inline preview of the stored logo
            <img
              src={`data:${letterhead.logo.type};base64,${letterhead.logo.bytes.toString("base64")}`}
              alt={r("logoAlt")}
              className="size-14 object-contain"
            />
          ) : (
            <span className="flex size-14 items-center justify-center rounded bg-slate-100 text-center text-[10px] text-slate-700">
              {r("noLogo")}
            </span>
          )}
          <span className="min-w-0 break-words font-bold">{letterhead.cityHeading}</span>
        </div>
        <ActionForm action={saveLetterheadAction} className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="version" value={letterhead.version} />
          <Field id="lh-heading" label={r("cityHeading")}>
            <Input
              density="compact"
              id="lh-heading"
              name="cityHeading"
              required
              minLength={5}
              maxLength={80}
              defaultValue={letterhead.cityHeading}
            />
          </Field>
          <div>
            <label htmlFor="lh-logo" className="block text-sm font-medium">
              {r("logo")}
            </label>
            <input
              id="lh-logo"
              name="logo"
              type="file"
              accept="image/png,image/jpeg"
              aria-describedby="lh-logo-hint"
              className="mt-1 block w-full text-sm"
            />
            <p id="lh-logo-hint" className="mt-1 text-xs text-slate-600">
              {r("logoHint")}
            </p>
          </div>
          {letterhead.logo ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="removeLogo" className="size-4" />
              {r("removeLogo")}
            </label>
          ) : null}
          <div className="sm:col-span-2">
            <Button type="submit">{r("saveLetterhead")}</Button>
          </div>
        </ActionForm>
      </Card>
    </div>
  );
}
