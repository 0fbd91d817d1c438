import { requestAddress } from "@/lib/auth/client-address";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { getTranslations } from "@/lib/i18n/server";
import { getCurrentUser } from "@/lib/auth/guards";
import { ROLE_HOME } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getMfaEnrolment } from "@/lib/data/user/mfa/get-mfa-enrolment";
import { formatDateTimeWIB } from "@/lib/format";
import { Card } from "@/components/ui/card";
import { MfaConfirmForm } from "@/components/auth/mfa-confirm-form";
import { MfaEnrolmentCodeForm } from "@/components/auth/mfa-enrolment-code-form";
import { systemClock } from "@/lib/clock";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { logoutAction } from "@/lib/actions/auth";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mfa"))("title") };
}

/** Setting up (or checking) the second factor: admins and the mayor must, before anything else. */
export default async function MfaPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const h = await headers();
  const t = await getTranslations();
  const status = await getMfaEnrolment(db(), {
    clock: systemClock,
    actor: { id: user.id, role: user.role, ip: requestAddress(h), userAgent: h.get("user-agent") },
    authSecret: env().AUTH_SECRET ?? "",
  });
  const home = ROLE_HOME[user.role];
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-6">
      <div className="flex items-start justify-between gap-2">
        <div>
          <p className="text-sm text-slate-600">{t("app.name")}</p>
          <h1 className="text-2xl font-bold">{t("mfa.title")}</h1>
        </div>
        <div className="flex items-center gap-2">
          <LanguageSwitch />
          <form action={logoutAction}>
            <button type="submit" className="text-sm font-medium underline">
              {t("nav.logout")}
            </button>
          </form>
        </div>
      </div>
      {status.needsCode ? (
        <Card className="space-y-3">
          <p className="text-sm text-slate-700">{t("mfa.intro")}</p>
          <p className="text-sm text-slate-700">{t("mfa.needsCode")}</p>
          <ClientMessages namespaces={["mfa"]}>
            <MfaEnrolmentCodeForm />
          </ClientMessages>
        </Card>
      ) : !status.pending ? (
        <Card>
          <p className="text-sm">
            {status.enabledAt
              ? t("mfa.active", { at: formatDateTimeWIB(status.enabledAt), left: status.recoveryLeft })
              : t("mfa.notRequired")}
          </p>
          <a href={home} className="mt-2 inline-block font-medium text-brand-700 underline">
            {t("mfa.continue")}
          </a>
        </Card>
      ) : (
        <Card className="space-y-4">
          <p className="text-sm text-slate-700">{t("mfa.intro")}</p>
          <ol className="list-inside list-decimal space-y-3 text-sm">
            <li>{t("mfa.step1")}</li>
            <li>
              {t("mfa.step2")}
              {/* eslint-disable-next-line @next/next/no-img-element -- a data: SVG made on the server */}
              <img
                src={`data:image/svg+xml;base64,${Buffer.from(status.pending.qrSvg).toString("base64")}`}
                alt={t("mfa.qrAlt")}
                width={200}
                height={200}
                className="my-2 rounded border border-slate-200 bg-white"
              />
              <span className="block text-xs text-slate-600">{t("mfa.manual")}</span>
              <code className="block break-all font-mono text-sm" data-testid="totp-secret">
                {status.pending.secret.match(/.{1,4}/g)!.join(" ")}
              </code>
            </li>
            <li>{t("mfa.step3")}</li>
          </ol>
          <ClientMessages namespaces={["mfa"]}>
            <MfaConfirmForm homeHref={home} />
          </ClientMessages>
        </Card>
      )}
    </main>
  );
}
