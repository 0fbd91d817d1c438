import { Field, Input, Select } from "@/components/ui/field";
import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getVendorProfile } from "@/lib/data/vendor/profile/get-vendor-profile";
import {
  addUnavailableDayAction,
  removeUnavailableDayAction,
  saveMenuItemAction,
  updateContactAction,
} from "@/lib/actions/vendor";
import { dayAsDate, formatDateWIB, formatRupiah, toLocaleTag, wibDay } from "@/lib/format";
import { Card, CardTitle, EmptyState } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { ActionForm } from "@/components/ui/action-form";
import type { MenuCategory } from "@/lib/generated/prisma/enums";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vendorProfile"))("title") };
}

const CATEGORIES: readonly MenuCategory[] = MENU_CATEGORIES;

// Plain forms only: a cheap phone on mobile data needs no JavaScript here.
export default async function VendorProfilePage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; error?: string; field?: string; why?: string }>;
}) {
  const user = await requirePageRole("VENDOR");
  const p = await getVendorProfile(db(), { clock: systemClock, actor: user });
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const { done, error, field, why } = await searchParams;
  const today = wibDay(systemClock.now());
  return (
    <div className="space-y-4">
      <Flash
        done={done}
        error={error}
        field={field}
        why={why}
        messages={{
          contact: t("vendorProfile.saved"),
          menu: t("vendorProfile.saved"),
          dayAdded: t("vendorProfile.saved"),
          dayRemoved: t("vendorProfile.saved"),
        }}
        fieldLabels={{
          whatsapp: t("vendorProfile.whatsapp"),
          dailyCapacityPax: t("vendorProfile.capacity"),
          name: t("vendorProfile.menuName"),
          pricePerPax: t("vendorProfile.price"),
          category: t("orderForm.category"),
          description: t("vendorProfile.description"),
          day: t("vendorProfile.day"),
          reason: t("vendorProfile.dayReason"),
        }}
      />
      <div>
        <h1 className="text-xl font-bold">{t("vendorProfile.title")}</h1>
        <p className="text-sm text-slate-600">
          {p.name} · {p.code} · {p.ownerName}
        </p>
      </div>
      <Card>
        <CardTitle>{t("vendorProfile.contact")}</CardTitle>
        <ActionForm action={updateContactAction} className="space-y-3">
          <input type="hidden" name="version" value={p.version} />
          <Field id="whatsapp" label={t("vendorProfile.whatsapp")}>
            <Input id="whatsapp" name="whatsapp" type="tel" inputMode="tel" required defaultValue={p.whatsapp} />
          </Field>
          <Field id="email" label={t("vendorProfile.email")}>
            <Input
              id="email"
              name="email"
              type="email"
              inputMode="email"
              autoComplete="email"
              maxLength={200}
              defaultValue={p.email ?? ""}
            />
          </Field>
          <div>
            <label htmlFor="dailyCapacityPax" className="block text-sm font-medium">
              {t("vendorProfile.capacity")}
            </label>
            <Input
              id="dailyCapacityPax"
              name="dailyCapacityPax"
              type="number"
              inputMode="numeric"
              min={1}
              max={5000}
              required
              defaultValue={p.dailyCapacityPax}
              aria-describedby="capacity-hint"
            />
            <p id="capacity-hint" className="mt-1 text-xs text-slate-600">
              {t("vendorProfile.capacityHint")}
            </p>
          </div>
          <Button type="submit" className="w-full sm:w-auto">
            {t("vendorProfile.save")}
          </Button>
        </ActionForm>
      </Card>
      <div id="menu" aria-hidden className="scroll-mt-4" />
      <Card>
        <CardTitle>{t("vendorProfile.menu")}</CardTitle>
        {p.menu.length === 0 ? <EmptyState>{t("vendorProfile.noMenu")}</EmptyState> : null}
        <ul className="space-y-2">
          {p.menu.map((m) => (
            <li key={m.id} className="rounded-md border border-slate-200 p-2">
              <details>
                <summary className="cursor-pointer text-sm">
                  <span className="font-medium">{m.name}</span> · {t(`status.category.${m.category}`)} ·{" "}
                  <span className="tabular-nums">{formatRupiah(m.pricePerPax, locale)}</span>
                  {m.active ? null : <span className="text-slate-500"> · {t("vendorProfile.inactive")}</span>}
                </summary>
                <MenuForm item={m} t={t} ceilings={p.ceilings} locale={locale} />
              </details>
            </li>
          ))}
        </ul>
        <details className="mt-3 rounded-md border border-dashed border-slate-300 p-2">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">
            {t("vendorProfile.addMenu")}
          </summary>
          <MenuForm t={t} ceilings={p.ceilings} locale={locale} />
        </details>
      </Card>
      <div id="days-off" aria-hidden className="scroll-mt-4" />
      <Card>
        <CardTitle>{t("vendorProfile.unavailable")}</CardTitle>
        <p className="mb-2 text-sm text-slate-600">{t("vendorProfile.unavailableHint")}</p>
        {p.unavailableDays.length === 0 ? (
          <EmptyState>{t("vendorProfile.noDays")}</EmptyState>
        ) : (
          <ul className="mb-3 divide-y divide-slate-100 text-sm">
            {p.unavailableDays.map((d) => (
              <li key={d.day} className="flex items-center gap-2 py-2">
                <span className="font-medium">{formatDateWIB(dayAsDate(d.day), locale)}</span>
                {d.reason ? <span className="text-slate-600">{d.reason}</span> : null}
                <ActionForm action={removeUnavailableDayAction} className="ml-auto">
                  <input type="hidden" name="day" value={d.day} />
                  <Button type="submit" variant="ghost" size="sm">
                    {t("vendorProfile.removeDay")}
                  </Button>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={addUnavailableDayAction} className="grid gap-2 sm:grid-cols-3">
          <div>
            <label htmlFor="day" className="block text-sm font-medium">
              {t("vendorProfile.day")}
            </label>
            <Input id="day" name="day" type="date" min={today} required />
          </div>
          <Field id="reason" label={t("vendorProfile.dayReason")} className="sm:col-span-2">
            <Input id="reason" name="reason" maxLength={200} />
          </Field>
          <Button type="submit" variant="secondary" className="sm:col-span-3 sm:w-auto">
            {t("vendorProfile.addDay")}
          </Button>
        </ActionForm>
      </Card>

      <Card>
        <CardTitle>{t("vendorProfile.documents")}</CardTitle>
        {p.documents.length === 0 ? (
          <EmptyState>{t("vendorProfile.noDocuments")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {p.documents.map((d) => (
              <li key={d.id} className="py-2">
                <strong>{t(`adminVendors.docTypes.${d.type}`)}</strong>: {d.number}
                {d.expiresOn ? ` · ${t("adminVendors.expires", { date: formatDateWIB(d.expiresOn, locale) })}` : ""}
                {d.hasScan ? (
                  <>
                    {" · "}
                    <a href={`/api/vendor-documents/${d.id}/scan`} className="font-medium text-brand-700 underline">
                      {t("vendorProfile.downloadScan")}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-xs text-slate-600">{t("vendorProfile.documentsHint")}</p>
      </Card>
    </div>
  );
}

function MenuForm({
  item,
  t,
  ceilings,
  locale,
}: {
  item?: {
    id: string;
    category: MenuCategory;
    name: string;
    description: string | null;
    pricePerPax: number;
    active: boolean;
  };
  t: Awaited<ReturnType<typeof getTranslations>>;
  ceilings: Partial<Record<MenuCategory, number>>;
  locale: "id" | "en";
}) {
  const key = item?.id ?? "new";
  return (
    <ActionForm action={saveMenuItemAction} className="mt-2 grid gap-2 sm:grid-cols-2">
      {item ? <input type="hidden" name="id" value={item.id} /> : null}
      <div>
        <label htmlFor={`name-${key}`} className="block text-sm font-medium">
          {t("vendorProfile.menuName")}
        </label>
        <Input id={`name-${key}`} name="name" required minLength={3} maxLength={100} defaultValue={item?.name} />
      </div>
      <div>
        <label htmlFor={`category-${key}`} className="block text-sm font-medium">
          {t("orderForm.category")}
        </label>
        <Select id={`category-${key}`} name="category" defaultValue={item?.category ?? "MAKAN"}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`status.category.${c}`)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor={`price-${key}`} className="block text-sm font-medium">
          {t("vendorProfile.price")}
        </label>
        <Input
          id={`price-${key}`}
          name="pricePerPax"
          type="number"
          inputMode="numeric"
          min={1000}
          max={1000000}
          step={500}
          required
          defaultValue={item?.pricePerPax}
          aria-describedby={`price-hint-${key}`}
        />
        <p id={`price-hint-${key}`} className="mt-1 text-xs text-slate-600">
          {CATEGORIES.filter((c) => ceilings[c] !== undefined)
            .map((c) => `${t(`status.category.${c}`)} ≤ ${formatRupiah(ceilings[c]!, locale)}`)
            .join(" · ")}
        </p>
      </div>
      <div>
        <label htmlFor={`description-${key}`} className="block text-sm font-medium">
          {t("vendorProfile.description")}
        </label>
        <Input id={`description-${key}`} name="description" maxLength={300} defaultValue={item?.description ?? ""} />
      </div>
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="active" defaultChecked={item?.active ?? true} className="size-5" />
        {t("vendorProfile.active")}
      </label>
      <Button type="submit" className="sm:col-span-2 sm:w-auto">
        {item ? t("vendorProfile.save") : t("vendorProfile.addMenu")}
      </Button>
    </ActionForm>
  );
}
