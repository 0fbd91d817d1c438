import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { Bell, LogOut, KeyRound } from "lucide-react";
import { requirePageRole, type CurrentUser } from "@/lib/auth/guards";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_HOME } from "@/lib/auth/roles";
import { logoutAction } from "@/lib/actions/auth";
import { LanguageSwitch } from "@/components/layout/language-switch";

/** Each role's sections, in the order they use them. */
const NAV: Record<Role, { href: string; key: string }[]> = {
  OPD_STAFF: [
    { href: "/opd", key: "home" },
    { href: "/opd/orders/new", key: "newOrder" },
    { href: "/opd/orders", key: "orders" },
    { href: "/opd/payments", key: "payments" },
  ],
  VENDOR: [
    { href: "/vendor", key: "offers" },
    { href: "/vendor/deliveries", key: "deliveries" },
    { href: "/vendor/money", key: "money" },
    { href: "/vendor/record", key: "record" },
    { href: "/vendor/profile", key: "profile" },
  ],
  ADMIN: [
    { href: "/admin", key: "home" },
    { href: "/dashboard", key: "dashboard" },
    { href: "/admin/vendors", key: "vendors" },
    { href: "/admin/decrees", key: "decrees" },
    { href: "/admin/opds", key: "opds" },
    { href: "/admin/rules", key: "rules" },
    { href: "/admin/before-after", key: "beforeAfter" },
    { href: "/admin/escalations", key: "escalations" },
    { href: "/admin/sanctions", key: "sanctions" },
    { href: "/admin/audit", key: "audit" },
    { href: "/admin/accounts", key: "accounts" },
  ],
  MAYOR: [
    { href: "/mayor", key: "home" },
    { href: "/dashboard", key: "dashboard" },
  ],
};

/** The signed-in frame: header with app name, role, language switch and sign-out. Light enough for vendors' phones. */
export async function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  const t = await getTranslations();
  const unread = user.unread;
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("app.skip")}
      </a>
      <header className="border-b border-brand-800 bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 sm:px-6">
          <Link href={ROLE_HOME[user.role]} className="text-lg font-bold tracking-tight">
            {t("app.name")}
          </Link>
          <span className="hidden text-sm text-brand-100 sm:inline">{t(`roles.${user.role}`)}</span>
          <div className="ml-auto flex items-center gap-2">
            <span className="hidden max-w-48 truncate text-sm md:inline" title={user.name}>
              {t("nav.signedInAs", { name: user.name })}
            </span>
            <Link
              href="/notifications"
              className="relative inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium hover:bg-white/10"
            >
              <Bell aria-hidden className="size-4" />
              <span className="sr-only sm:not-sr-only">{t("nav.notifications")}</span>
              {unread > 0 ? (
                <span className="rounded-full bg-amber-300 px-1.5 text-xs font-bold text-slate-900">
                  {unread > 99 ? "99+" : unread}
                  <span className="sr-only"> {t("nav.unread")}</span>
                </span>
              ) : null}
            </Link>
            <Link
              href="/account/password"
              className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium hover:bg-white/10"
            >
              <KeyRound aria-hidden className="size-4" />
              <span className="sr-only sm:not-sr-only">{t("password.nav")}</span>
            </Link>
            <LanguageSwitch />
            <form action={logoutAction}>
              <button
                type="submit"
                className="inline-flex items-center gap-1 rounded-md border border-white/40 px-2 py-1 text-xs font-medium hover:bg-white/10"
              >
                <LogOut aria-hidden className="size-3.5" />
                {t("nav.logout")}
              </button>
            </form>
          </div>
        </div>
        <nav aria-label={t("nav.sections")} className="border-t border-white/15">
          <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 sm:px-5">
            {NAV[user.role].map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="block whitespace-nowrap px-2 py-2 text-sm font-medium text-brand-50 hover:text-white hover:underline"
                >
                  {t(`nav.${item.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-3 py-4 sm:px-6 sm:py-6">
        {children}
      </main>
    </>
  );
}

/** A role area's layout: checks the role on the server, then frames the page. */
export async function RoleShell({ roles, children }: { roles: Role[]; children: React.ReactNode }) {
  const user = await requirePageRole(...roles);
  return <AppShell user={user}>{children}</AppShell>;
}
