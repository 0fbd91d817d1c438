// The tour of every page (issue 18): every page of every role, and the public ones, at the project's width — 360 px
// on the phone project, 1280 px on the desktop one — scrolls no page sideways (wide tables scroll inside their own
// region instead) and has no serious or critical axe violation. Detail pages are reached from their lists.
import { expect, test, type Page } from "@playwright/test";
import { login, seriousViolations } from "./helpers";

/** A detail page: the list it is reached from and the first link there to a record (its address holds a uuid). */
type Follow = { from: string; to: string };

const TOUR: { who: string | null; pages: string[]; follow?: Follow[] }[] = [
  { who: null, pages: ["/", "/login", "/transparansi", "/transparansi/kebijakan", "/offline"] },
  { who: "walikota", pages: ["/mayor", "/dashboard", "/notifications", "/account/password"] },
  {
    who: "admin",
    pages: [
      "/admin",
      "/admin/vendors",
      "/admin/vendors/new",
      "/admin/decrees",
      "/admin/rules",
      "/admin/sanctions",
      "/admin/escalations",
      "/admin/opds",
      "/admin/accounts",
      "/admin/audit",
      "/admin/before-after",
      "/admin/vendors/import",
      "/notifications",
      "/account/password",
    ],
    follow: [
      { from: "/admin/vendors", to: "/admin/vendors/" },
      { from: "/admin/decrees", to: "/admin/decrees/" },
    ],
  },
  {
    who: "opd-diskominfo",
    pages: ["/opd", "/opd/orders", "/opd/orders/new", "/opd/payments", "/notifications", "/account/password"],
    follow: [{ from: "/opd/orders?status=DELIVERED", to: "/opd/orders/" }],
  },
  {
    who: "umkm-04",
    pages: ["/vendor", "/vendor/deliveries", "/vendor/money", "/vendor/record", "/vendor/profile", "/notifications"],
  },
];

async function overflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
}

for (const { who, pages, follow = [] } of TOUR) {
  test(`no sideways scroll and no serious axe violation on ${who ?? "the public"} pages`, async ({ page }) => {
    test.setTimeout(180_000);
    if (who) {
      await login(page, who);
      await expect(page).not.toHaveURL(/\/login/);
    }
    const wide: string[] = [];
    const inaccessible: string[] = [];
    const visit = async (url: string) => {
      await expect(page.locator("h1").first()).toBeVisible();
      const o = await overflow(page);
      if (o.scrollWidth > o.width) wide.push(`${url}: ${o.scrollWidth} px on a ${o.width} px screen`);
      for (const v of await seriousViolations(page)) inaccessible.push(`${url}: ${v}`);
    };
    for (const url of pages) {
      await page.goto(url);
      await visit(url);
    }
    for (const f of follow) {
      await page.goto(f.from);
      const href = await page.locator(`main a[href^="${f.to}"][href*="-"]`).first().getAttribute("href");
      expect(href, `a record linked from ${f.from}`).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      await page.goto(href!);
      await visit(new URL(page.url()).pathname);
    }
    expect(wide).toEqual([]);
    expect(inaccessible).toEqual([]);
  });
}
