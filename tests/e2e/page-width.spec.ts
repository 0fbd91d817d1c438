// No page scrolls sideways (issue 18): every page of every role, and the public ones, at the project's width —
// 360 px on the phone project, 1280 px on the desktop one. Wide tables scroll inside their own region instead.
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

const TOUR: { who: string | null; pages: string[] }[] = [
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
    ],
  },
  { who: "opd-diskominfo", pages: ["/opd", "/opd/orders", "/opd/orders/new", "/opd/payments"] },
  { who: "umkm-04", pages: ["/vendor", "/vendor/deliveries", "/vendor/money", "/vendor/record", "/vendor/profile"] },
];

async function overflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
}

for (const { who, pages } of TOUR) {
  test(`no sideways scroll on ${who ?? "the public"} pages`, async ({ page }) => {
    test.setTimeout(90_000);
    if (who) {
      await login(page, who);
      await expect(page).not.toHaveURL(/\/login/);
    }
    const wide: string[] = [];
    for (const url of pages) {
      await page.goto(url);
      await expect(page.locator("h1").first()).toBeVisible();
      const o = await overflow(page);
      if (o.scrollWidth > o.width) wide.push(`${url}: ${o.scrollWidth} px on a ${o.width} px screen`);
    }
    expect(wide).toEqual([]);
  });
}
