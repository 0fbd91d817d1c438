import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, keepScreenshot, login } from "./helpers";

test.describe.configure({ mode: "serial" });

/** Logs in as each demo vendor in turn until one has a pending offer; returns its username. */
async function loginAsVendorWithOffer(page: Page, order: number[]): Promise<string> {
  for (const i of order) {
    const username = `umkm-${String(i).padStart(2, "0")}`;
    await page.context().clearCookies();
    await login(page, username);
    await expect(page).toHaveURL(/\/vendor$/);
    if ((await page.getByText("Terima", { exact: true }).count()) > 0) return username;
  }
  throw new Error("no demo vendor has a pending offer");
}

const ascending = Array.from({ length: 23 }, (_, i) => i + 1);

test("a vendor declines an offer with a reason on a 360 px phone, and it is passed on", async ({ page }, testInfo) => {
  await loginAsVendorWithOffer(page, ascending);
  const before = await page.getByText("Terima", { exact: true }).count();
  await page.getByText("Tolak", { exact: true }).first().click();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "vendor-decline-open");
  await page.getByLabel("Alasan menolak").first().fill("Dapur penuh hari itu");
  await page.getByRole("button", { name: "Tolak tawaran" }).first().click();
  await expect(page.getByText("Tawaran ditolak. Pesanan diteruskan ke UMKM berikutnya.")).toBeVisible();
  await expect(page.getByText("Terima", { exact: true })).toHaveCount(before - 1);
});

test("a vendor accepts an offer after confirming, and it moves to upcoming deliveries", async ({ page }, testInfo) => {
  await loginAsVendorWithOffer(page, [...ascending].reverse());
  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByText("Terima", { exact: true }) })
    .first();
  const eventName = (await card.locator("p").first().textContent())!.trim();
  await card.getByText("Terima", { exact: true }).click();
  await expect(card.getByText("Gagal kirim dicatat dan dapat dikenai sanksi.", { exact: false })).toBeVisible();
  await card.getByRole("button", { name: "Ya, saya sanggup mengirim" }).click();
  await expect(page.getByText("Tawaran diterima. Pesanan masuk ke daftar pengiriman.")).toBeVisible();
  const upcoming = page.locator("section").filter({ has: page.getByRole("heading", { name: "Pengiriman mendatang" }) });
  await expect(upcoming).toContainText(eventName);
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "vendor-accepted");
});

test("a vendor's phone can install the portal and turn on offer notifications", async ({ page, request }, testInfo) => {
  await login(page, "umkm-01");
  await expect(page).toHaveURL(/\/vendor$/);
  const card = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Notifikasi tawaran di ponsel" }) });
  await expect(card.getByRole("button", { name: "Aktifkan notifikasi" })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "vendor-push-opt-in");
  // What the phone installs: the manifest (linked from every page) and the service worker that shows the pushes.
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.ok()).toBe(true);
  expect(await manifest.json()).toMatchObject({ start_url: "/vendor", display: "standalone" });
  const sw = await request.get("/sw.js");
  expect(sw.ok()).toBe(true);
  expect(await sw.text()).toContain('addEventListener("push"');
  // The page's policy lets the portal's own service worker register.
  expect((await page.request.get("/vendor")).headers()["content-security-policy"]).toContain("worker-src 'self'");
});

test("the installed portal opened without signal shows its offline page, not the browser's error", async ({
  page,
  context,
}, testInfo) => {
  await login(page, "umkm-03");
  await expect(page).toHaveURL(/\/vendor$/);
  // The vendor's pages register the service worker, which keeps the offline page at install.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const cache = await caches.open("mm-shell-v1");
    for (let i = 0; i < 50 && !(await cache.match("/offline")); i++) await new Promise((r) => setTimeout(r, 100));
  });
  await context.setOffline(true);
  try {
    await page.goto("/vendor/deliveries");
    await expect(page.getByRole("heading", { name: "Ponsel sedang tidak tersambung ke internet" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "This phone is offline" })).toBeVisible();
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, "vendor-offline");
  } finally {
    await context.setOffline(false);
  }
  await page.goto("/vendor/deliveries");
  await expect(page.getByRole("heading", { name: "Hari ini" })).toBeVisible();
});

test("a vendor opens the link in an offer's notification on a phone, without a password, and accepts in one tap", async ({
  page,
  browser,
}, testInfo) => {
  // The vendor sees the notification (here: the list of notifications), and takes the link in it.
  const username = await loginAsVendorWithOffer(page, ascending);
  await page.goto("/notifications");
  const hrefs = await page.locator('a[href^="/tawaran/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const h of hrefs) expect(h).toMatch(/^\/tawaran\/[0-9a-f-]{36}\.[0-9a-z]+\.[\w-]{43}$/);
  // A phone that is not signed in opens it (the first whose offer is still open: earlier tests answered some).
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const p = await phone.newPage();
  let href = "";
  for (const h of hrefs) {
    await p.goto(h);
    await expect(p.getByRole("heading", { name: /^Tawaran pesanan MM-/ })).toBeVisible();
    if ((await p.getByRole("button", { name: "Ya, sanggup" }).count()) > 0) {
      href = h;
      break;
    }
  }
  expect(href).not.toBe("");
  await expectAccessible(p);
  await keepScreenshot(p, testInfo, "offer-link");
  await p.getByRole("button", { name: "Ya, sanggup" }).click();
  await expect(p.getByText("Tawaran diterima. Pesanan masuk ke daftar pengiriman.")).toBeVisible();
  await expect(p.getByRole("status").filter({ hasText: "sudah Anda terima" })).toBeVisible();
  // An edited link opens nothing.
  await p.goto(href.slice(0, -3) + "abc");
  await expect(p.getByRole("heading", { name: "Tautan tidak berlaku" })).toBeVisible();
  await phone.close();
  expect(username).toMatch(/^umkm-/);
});
