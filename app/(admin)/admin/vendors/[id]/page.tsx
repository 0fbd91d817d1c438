import { identityNumberField } from "@/lib/domain/vendor";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getVendorForAdmin } from "@/lib/data/admin/vendors";
import {
  addVendorMenuItemAction,
  createVendorLoginAction,
  saveDocumentAction,
  updateEkatalogAction,
  updateVendorAction,
} from "@/lib/actions/admin";
import { formatDateTimeWIB, formatDateWIB, formatNumber, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { Field, Input, Select } from "@/components/ui/field";
import { VendorForm } from "@/components/admin/vendor-form";
import { vendorFieldLabels } from "@/components/admin/vendor-field-labels";
import { ActionForm } from "@/components/ui/action-form";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminVendors"))("title") };
}

const DOC_TYPES = ["NIB", "NPWP", "PIRT", "HALAL"] as const;
const CHECKLIST = ["ekHasNib", "ekHasNpwp", "ekHasPirt", "ekHasHalal", "ekInaprocAccount", "ekProductLive"] as const;

export default async function VendorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; error?: string; field?: string; why?: string }>;
}) {
  await requirePageRole("ADMIN");
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const v = await getVendorForAdmin(db(), systemClock, id);
  if (!v) notFound();
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const { done, error, field, why } = await searchParams;
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  return (
    <div className="space-y-4">
      <Flash
        done={done}
        error={error}
        field={field}
        why={why}
        messages={{
          created: t("adminVendors.doneCreated"),
          saved: t("adminVendors.doneSaved"),
          ekatalog: t("adminVendors.doneSaved"),
          document: t("adminVendors.doneSaved"),
          login: t("adminVendors.doneLogin"),
          menu: t("adminVendors.doneMenu"),
        }}
        fieldLabels={await vendorFieldLabels()}
      />
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold">{v.name}</h1>
        <span className="font-mono text-sm text-slate-600">{v.code}</span>
        <Badge tone={v.status === "ACTIVE" ? "success" : "danger"}>{t(`status.vendor.${v.status}`)}</Badge>
        <Badge tone={v.ekatalogStatus === "TAYANG" ? "success" : v.ekatalogStatus === "PROSES" ? "warning" : "neutral"}>
          e-Katalog: {t(`status.ekatalog.${v.ekatalogStatus}`)}
        </Badge>
      </div>
      <Card>
        <CardTitle>{t("adminVendors.identity")}</CardTitle>
        <VendorForm
          action={updateVendorAction}

          values={{
            id: v.id,
            version: v.version,
            code: v.code,
            name: v.name,
            ownerName: v.ownerName,
            nib: v.nib,
            npwp: v.npwp,
            address: v.address,
            kelurahan: v.kelurahan,
            kecamatan: v.kecamatan,
            whatsapp: v.whatsapp,
            email: v.email,
            dailyCapacityPax: v.dailyCapacityPax,
            hasPp55: v.hasPp55,
          }}
        />
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>{t("adminVendors.checklist")}</CardTitle>
          <p className="mb-2 text-sm text-slate-700">{t("adminVendors.checklistHint")}</p>
          <ActionForm action={updateEkatalogAction} className="space-y-2">
            <input type="hidden" name="vendorId" value={v.id} />
            <input type="hidden" name="version" value={v.version} />
            {CHECKLIST.map((k) => (
              <label key={k} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={k} defaultChecked={v[k]} className="size-4" />
                {t(`adminVendors.fields.${k}`)}
              </label>
            ))}
            <Field id="kbliCode" label={t("adminVendors.fields.kbliCode")}>
              <Input density="compact" id="kbliCode" name="kbliCode" pattern="\d{5}" defaultValue={v.kbliCode ?? ""} />
            </Field>
            <Field id="ekatalogUrl" label={t("adminVendors.fields.ekatalogUrl")}>
              <Input
                density="compact"
                id="ekatalogUrl"
                name="ekatalogUrl"
                type="url"
                defaultValue={v.ekatalogUrl ?? ""}
              />
            </Field>
            <Button type="submit">{t("adminVendors.saveChecklist")}</Button>
          </ActionForm>
        </Card>
        <Card>
          <CardTitle>{t("adminVendors.documents")}</CardTitle>
          <ul className="mb-3 divide-y divide-slate-100 text-sm">
            {DOC_TYPES.map((type) => {
              const d = v.documents.find((x) => x.type === type);
              return (
                <li key={type} className="py-2">
                  <details>
                    <summary className="cursor-pointer">
                      <strong>{t(`adminVendors.docTypes.${type}`)}</strong>:{" "}
                      {d ? (
                        <>
                          {d.number}
                          {d.expiresOn ? (
                            <>
                              {" "}
                              · {t("adminVendors.expires", { date: formatDateWIB(d.expiresOn, locale) })}{" "}
                              {d.expired ? (
                                <Badge tone="danger">{t("adminVendors.expired")}</Badge>
                              ) : d.expiring ? (
                                <Badge tone="warning">{t("adminVendors.expiringSoon")}</Badge>
                              ) : null}
                            </>
                          ) : null}
                        </>
                      ) : (
                        <span className="text-slate-500">{t("adminVendors.missing")}</span>
                      )}
                    </summary>
                    <ActionForm action={saveDocumentAction} className="mt-2 grid gap-2 sm:grid-cols-3">
                      <input type="hidden" name="vendorId" value={v.id} />
                      <input type="hidden" name="type" value={type} />
                      {identityNumberField(type) ? (
                        // NIB and NPWP: the number is the one in the identity form above, typed once.
                        <p className="text-xs text-slate-600 sm:col-span-3">
                          {v[identityNumberField(type)!]
                            ? t("adminVendors.identityNumberHint", { type, number: v[identityNumberField(type)!]! })
                            : t("adminVendors.identityNumberMissing", { type })}
                        </p>
                      ) : (
                        <div className="sm:col-span-3">
                          <label htmlFor={`doc-number-${type}`} className="block text-xs font-medium">
                            {t("adminVendors.fields.number")}
                          </label>
                          <Input
                            density="compact"
                            id={`doc-number-${type}`}
                            name="number"
                            required
                            minLength={3}
                            defaultValue={d?.number ?? ""}
                          />
                        </div>
                      )}
                      <div>
                        <label htmlFor={`doc-issued-${type}`} className="block text-xs font-medium">
                          {t("adminVendors.fields.issuedOn")}
                        </label>
                        <Input
                          density="compact"
                          id={`doc-issued-${type}`}
                          name="issuedOn"
                          type="date"
                          defaultValue={day(d?.issuedOn ?? null)}
                        />
                      </div>
                      <div>
                        <label htmlFor={`doc-expires-${type}`} className="block text-xs font-medium">
                          {t("adminVendors.fields.expiresOn")}
                        </label>
                        <Input
                          density="compact"
                          id={`doc-expires-${type}`}
                          name="expiresOn"
                          type="date"
                          defaultValue={day(d?.expiresOn ?? null)}
                        />
                      </div>
                      <div className="sm:col-span-3">
                        <label htmlFor={`doc-scan-${type}`} className="block text-xs font-medium">
                          {t("adminVendors.scan")}
                        </label>
                        <input
                          id={`doc-scan-${type}`}
                          name="scan"
                          type="file"
                          accept="application/pdf,image/jpeg,image/png"
                          aria-describedby={`doc-scan-hint-${type}`}
                          className="mt-1 block w-full text-sm"
                        />
                        <p id={`doc-scan-hint-${type}`} className="mt-1 text-xs text-slate-600">
                          {t("adminVendors.scanHint")}
                        </p>
                      </div>
                      <div className="flex items-end">
                        <Button type="submit" variant="secondary">
                          {t("adminVendors.saveDocument")}
                        </Button>
                      </div>
                    </ActionForm>
                  </details>
                  {d?.scan ? (
                    <span className="block text-xs">
                      <a href={`/api/vendor-documents/${d.id}/scan`} className="font-medium text-brand-700 underline">
                        {t("adminVendors.downloadScan", {
                          kind: t(
                            d.scan.contentType === "application/pdf"
                              ? "adminVendors.scanKindPdf"
                              : "adminVendors.scanKindImage",
                          ),
                          size: formatNumber(Math.ceil(d.scan.size / 1024), locale),
                        })}
                      </a>{" "}
                      · {t("adminVendors.scanUploaded", { date: formatDateWIB(d.scan.uploadedAt, locale) })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </Card>
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
                <Input
                  density="compact"
                  id="username"
                  name="username"
                  required
                  pattern="[a-zA-Z0-9][a-zA-Z0-9._-]{2,39}"
                />
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
      </div>
      <Link href="/admin/vendors" className="text-sm font-medium text-brand-700 underline">
        {t("adminVendors.back")}
      </Link>
    </div>
  );
}
