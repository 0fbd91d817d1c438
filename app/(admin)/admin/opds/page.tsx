import { Input, Select } from "@/components/ui/field";
import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { listOpdsWithMoney } from "@/lib/data/admin/opds/list-opds-with-money";
import { formatNip } from "@/lib/domain/letters";
import {
  createOpdStaffAction,
  saveBudgetAction,
  saveOpdAction,
  setTreasurerAction,
  setUserActiveAction,
} from "@/lib/actions/admin";
import { fiscalYearOf, formatPercent, formatRupiah, toLocaleTag } from "@/lib/format";
import { Card, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Flash } from "@/components/ui/flash";
import { ActionForm } from "@/components/ui/action-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminOpds"))("title") };
}

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

export default async function OpdsPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string; done?: string; error?: string; field?: string; why?: string }>;
}) {
  const user = await requirePageRole("ADMIN");
  const sp = await searchParams;
  const currentYear = fiscalYearOf(systemClock.now());
  const year = z.coerce
    .number()
    .int()
    .min(2020)
    .max(2100)
    .catch(currentYear)
    .parse(sp.year ?? currentYear);
  const opds = await listOpdsWithMoney(db(), { actor: user, fiscalYear: year });
  const t = await getTranslations();
  const locale = toLocaleTag(await getLocale());
  const a = (k: string, values?: Record<string, string | number>) => t(`adminOpds.${k}`, values);
  return (
    <div className="space-y-4">
      <Flash
        done={sp.done}
        error={sp.error}
        field={sp.field}
        why={sp.why}
        messages={{
          opd: a("doneSaved"),
          staff: a("doneStaff"),
          treasurerOn: a("doneTreasurerOn"),
          treasurerOff: a("doneTreasurerOff"),
          activated: a("doneSaved"),
          deactivated: a("doneDeactivated"),
          budget: a("doneSaved"),
        }}
        fieldLabels={{
          code: a("code"),
          name: a("name"),
          username: a("username"),
          password: a("password"),
          email: a("email"),
          accountCode: a("accountCode"),
          accountName: a("accountName"),
          pagu: a("pagu"),
          fiscalYear: a("year"),
          headNip: a("headNip"),
          headTitle: a("headTitle"),
          phone: a("phone"),
        }}
      />
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="text-2xl font-bold">{a("title")}</h1>
        <form method="get" className="ml-auto flex items-end gap-2">
          <Field id="year" label={a("year")}>
            <Select density="compact" id="year" name="year" defaultValue={String(year)}>
              {[currentYear - 1, currentYear, currentYear + 1].map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" variant="secondary" size="sm">
            {t("orderList.apply")}
          </Button>
        </form>
      </div>
      <p className="text-sm text-slate-700">{a("intro")}</p>
      <ul className="space-y-2">
        {opds.map((o) => {
          const pagu = o.budgets.reduce((s, b) => s + b.pagu, 0);
          const used = o.budgets.reduce((s, b) => s + b.committed, 0);
          return (
            <li key={o.id}>
              <details className="rounded-md border border-slate-200 bg-white p-3">
                <summary className="flex cursor-pointer flex-wrap items-center gap-2">
                  <span className="font-mono text-xs">{o.code}</span>
                  <span className="font-medium">{o.name}</span>
                  <span className="ml-auto text-sm text-slate-600">
                    {a("paguSummary", {
                      pagu: formatRupiah(pagu, locale),
                      used: pagu > 0 ? formatPercent(used / pagu, locale) : "—",
                      staff: o.staff.length,
                    })}
                  </span>
                </summary>
                <div className="mt-3 grid gap-4 lg:grid-cols-3">
                  <ActionForm action={saveOpdAction} className="space-y-2">
                    <p className="text-sm font-semibold">{a("identity")}</p>
                    <input type="hidden" name="opdId" value={o.id} />
                    <Field id={`code-${o.id}`} label={a("code")}>
                      <Input density="compact" id={`code-${o.id}`} name="code" required defaultValue={o.code} />
                    </Field>
                    <Field id={`name-${o.id}`} label={a("name")}>
                      <Input density="compact" id={`name-${o.id}`} name="name" required defaultValue={o.name} />
                    </Field>
                    <Field id={`address-${o.id}`} label={a("address")}>
                      <Input density="compact" id={`address-${o.id}`} name="address" defaultValue={o.address ?? ""} />
                    </Field>
                    <Field id={`phone-${o.id}`} label={a("phone")}>
                      <Input
                        density="compact"
                        id={`phone-${o.id}`}
                        name="phone"
                        inputMode="tel"
                        defaultValue={o.phone ?? ""}
                      />
                    </Field>
                    <p className="text-sm font-semibold">{a("signer")}</p>
                    <Field id={`head-${o.id}`} label={a("headName")}>
                      <Input density="compact" id={`head-${o.id}`} name="headName" defaultValue={o.headName ?? ""} />
                    </Field>
                    <Field id={`nip-${o.id}`} label={a("headNip")}>
                      <Input
                        density="compact"
                        id={`nip-${o.id}`}
                        name="headNip"
                        inputMode="numeric"
                        defaultValue={o.headNip ? formatNip(o.headNip) : ""}
                        placeholder={a("headNipHint")}
                      />
                    </Field>
                    <Field id={`title-${o.id}`} label={a("headTitle")}>
                      <Input
                        density="compact"
                        id={`title-${o.id}`}
                        name="headTitle"
                        defaultValue={o.headTitle ?? ""}
                        placeholder="Pejabat Pembuat Komitmen"
                      />
                    </Field>
                    <Button type="submit" size="sm">
                      {t("adminVendors.save")}
                    </Button>
                  </ActionForm>
                  <div className="space-y-2">
                    <p className="text-sm font-semibold">{a("staff")}</p>
                    <ul className="text-sm">
                      {o.staff.map((u) => (
                        <li key={u.id} className="flex items-center gap-2 py-1">
                          <span className="font-mono">{u.username}</span>
                          <span className="text-slate-600">{u.name}</span>
                          {u.active ? null : <Badge tone="danger">{a("inactive")}</Badge>}
                          {u.treasurer ? <Badge tone="info">{a("treasurer")}</Badge> : null}
                          <ActionForm action={setTreasurerAction} className="ml-auto">
                            <input type="hidden" name="userId" value={u.id} />
                            <input type="hidden" name="treasurer" value={u.treasurer ? "false" : "true"} />
                            <Button type="submit" variant="ghost" size="sm">
                              {u.treasurer ? a("treasurerOff") : a("treasurerOn")}
                            </Button>
                          </ActionForm>
                          <ActionForm action={setUserActiveAction}>
                            <input type="hidden" name="userId" value={u.id} />
                            <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                            <Button type="submit" variant="ghost" size="sm">
                              {u.active ? a("deactivate") : a("activate")}
                            </Button>
                          </ActionForm>
                        </li>
                      ))}
                    </ul>
                    <ActionForm action={createOpdStaffAction} className="grid gap-2 rounded-md bg-slate-50 p-2">
                      <input type="hidden" name="opdId" value={o.id} />
                      <Field id={`u-${o.id}`} label={a("username")}>
                        <Input density="compact" id={`u-${o.id}`} name="username" required />
                      </Field>
                      <Field id={`n-${o.id}`} label={a("staffName")}>
                        <Input density="compact" id={`n-${o.id}`} name="name" required />
                      </Field>
                      <Field id={`e-${o.id}`} label={a("email")}>
                        <Input density="compact" id={`e-${o.id}`} name="email" type="email" />
                      </Field>
                      <Field id={`p-${o.id}`} label={a("password")}>
                        <Input
                          density="compact"
                          id={`p-${o.id}`}
                          name="password"
                          type="password"
                          minLength={10}
                          required
                          autoComplete="new-password"
                        />
                      </Field>
                      <Button type="submit" size="sm" variant="secondary">
                        {a("addStaff")}
                      </Button>
                    </ActionForm>
                  </div>
                  <div className="space-y-2">
                    <p className="text-sm font-semibold">{a("budgets", { year })}</p>
                    {o.budgets.map((b) => (
                      <ActionForm
                        key={b.id}
                        action={saveBudgetAction}
                        className="grid gap-1 rounded-md border border-slate-100 p-2 text-sm"
                      >
                        <input type="hidden" name="opdId" value={o.id} />
                        <input type="hidden" name="fiscalYear" value={year} />
                        <input type="hidden" name="accountCode" value={b.accountCode} />
                        <p className="font-mono text-xs">{b.accountCode}</p>
                        <Field id={`an-${b.id}`} label={a("accountName")}>
                          <Input
                            density="compact"
                            id={`an-${b.id}`}
                            name="accountName"
                            required
                            defaultValue={b.accountName}
                          />
                        </Field>
                        <Field id={`pg-${b.id}`} label={a("pagu")}>
                          <Input
                            density="compact"
                            id={`pg-${b.id}`}
                            name="pagu"
                            type="number"
                            min={0}
                            required
                            defaultValue={b.pagu}
                          />
                        </Field>
                        <p className="text-xs text-slate-600">
                          {a("committed", { amount: formatRupiah(b.committed, locale) })}
                        </p>
                        <Button type="submit" size="sm" variant="secondary">
                          {t("adminVendors.save")}
                        </Button>
                      </ActionForm>
                    ))}
                    <ActionForm action={saveBudgetAction} className="grid gap-1 rounded-md bg-slate-50 p-2">
                      <input type="hidden" name="opdId" value={o.id} />
                      <input type="hidden" name="fiscalYear" value={year} />
                      <Field id={`ac-new-${o.id}`} label={a("accountCode")}>
                        <Input
                          density="compact"
                          id={`ac-new-${o.id}`}
                          name="accountCode"
                          required
                          placeholder="5.1.02.01.01.0052"
                        />
                      </Field>
                      <Field id={`an-new-${o.id}`} label={a("accountName")}>
                        <Input density="compact" id={`an-new-${o.id}`} name="accountName" required />
                      </Field>
                      <Field id={`pg-new-${o.id}`} label={a("pagu")}>
                        <Input density="compact" id={`pg-new-${o.id}`} name="pagu" type="number" min={0} required />
                      </Field>
                      <Button type="submit" size="sm" variant="secondary">
                        {a("addBudget")}
                      </Button>
                    </ActionForm>
                  </div>
                </div>
              </details>
            </li>
          );
        })}
      </ul>
      <Card>
        <CardTitle>{a("newOpd")}</CardTitle>
        <ActionForm action={saveOpdAction} className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="new-code" label={a("code")}>
            <Input density="compact" id="new-code" name="code" required />
          </Field>
          <Field id="new-name" label={a("name")}>
            <Input density="compact" id="new-name" name="name" required />
          </Field>
          <Field id="new-address" label={a("address")}>
            <Input density="compact" id="new-address" name="address" />
          </Field>
          <Field id="new-head" label={a("headName")}>
            <Input density="compact" id="new-head" name="headName" />
          </Field>
          <div>
            <Button type="submit">{a("addOpd")}</Button>
          </div>
        </ActionForm>
      </Card>
    </div>
  );
}
