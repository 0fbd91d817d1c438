import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, keepScreenshot, login } from "./helpers";

const homes = [
  { username: "admin", path: "/admin", heading: "Beranda Admin" },
  { username: "walikota", path: "/mayor", heading: /Sebaran Belanja Mamin \d{4}/ },
  { username: "opd-diskominfo", path: "/opd", heading: "Beranda Dinas Komunikasi dan Informatika" },
  { username: "umkm-01", path: "/vendor", heading: "Halo, Dapur Bu Sri Rahayu" },
];

test("the login page is in Bahasa Indonesia and accessible", async ({ page }, testInfo) => {
  await page.goto("/login");
  await expect(page).toHaveTitle(/Masuk/);
  await expect(page.getByRole("heading", { name: "Masuk ke Mamin Merata" })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "login");
});

for (const h of homes) {
  test(`${h.username} lands on ${h.path} with real data`, async ({ page }, testInfo) => {
    await login(page, h.username);
    await expect(page).toHaveURL(new RegExp(`${h.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: h.heading })).toBeVisible();
    await expectAccessible(page);
    await keepScreenshot(page, testInfo, `home-${h.username}`);
  });
}

test("OPD home shows its budget left and recent orders from the database", async ({ page }) => {
  await login(page, "opd-diskominfo");
  await expect(page.getByText("5.1.02.01.01.0052")).toBeVisible();
  await expect(page.getByRole("table")).toContainText(/MM-\d{4}-\d{5}/);
});

test("vendor home shows a pending offer with its answer deadline for a vendor that has one", async ({
  page,
  request,
}) => {
  // umkm-01 … umkm-23: find one whose home lists an offer (the seed always leaves some waiting).
  let found = false;
  for (let i = 1; i <= 23 && !found; i++) {
    const username = `umkm-${String(i).padStart(2, "0")}`;
    await page.context().clearCookies();
    await login(page, username);
    await expect(page).toHaveURL(/\/vendor$/);
    found = (await page.getByText(/Jawab sebelum .* WIB/).count()) > 0;
  }
  expect(found).toBe(true);
  void request;
});

test("a wrong password is refused with a clear message and no session", async ({ page }) => {
  await login(page, "admin", "kata-sandi-salah");
  await expect(page.getByText("Nama pengguna atau kata sandi salah.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  // The username stays filled in; the password does not.
  await expect(page.getByLabel("Nama pengguna")).toHaveValue("admin");
  await expect(page.getByLabel("Kata sandi")).toHaveValue("");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login$/);
});

test("an unknown user gets exactly the same message as a wrong password", async ({ page }) => {
  await login(page, "tidak-ada-orangnya", "apa-saja-123");
  await expect(page.getByText("Nama pengguna atau kata sandi salah.")).toBeVisible();
});

test("without a session every role page sends you to the login page", async ({ page }) => {
  for (const path of ["/admin", "/mayor", "/opd", "/vendor"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
  }
});

const forbidden: [string, string[]][] = [
  ["umkm-01", ["/admin", "/mayor", "/opd"]],
  ["opd-diskominfo", ["/admin", "/mayor", "/vendor"]],
  ["walikota", ["/admin", "/opd", "/vendor"]],
  ["admin", ["/opd", "/vendor"]],
];
for (const [username, paths] of forbidden) {
  test(`${username} is refused other roles' pages with 403`, async ({ page }) => {
    await login(page, username);
    await expect(page).not.toHaveURL(/\/login/);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
    }
  });
}

test("the admin may also read the mayor's dashboard", async ({ page }) => {
  await login(page, "admin");
  const response = await page.goto("/mayor");
  expect(response?.status()).toBe(200);
});

test("the language switch turns the interface to English and back, and remembers it", async ({ page }) => {
  await login(page, "walikota");
  await expect(page.getByRole("heading", { level: 1, name: /Sebaran Belanja Mamin/ })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Catering spend spread/ })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
});

test("signing out ends the session", async ({ page }) => {
  await login(page, "opd-diskominfo");
  await expect(page).toHaveURL(/\/opd$/);
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/opd");
  await expect(page).toHaveURL(/\/login$/);
});

test("health answers ok with the database up", async ({ request }) => {
  const r = await request.get("/api/health");
  expect(r.status()).toBe(200);
  expect(await r.json()).toEqual({ status: "ok", db: "ok" });
});

test("after ten failed sign-ins an account is refused for a while, with its own message", async ({ page }) => {
  test.setTimeout(90_000);
  const username = `coba-coba-${test.info().project.name}`;
  for (let i = 0; i < 10; i++) {
    await login(page, username, `tebakan-${i}`);
    await expect(page.getByText("Nama pengguna atau kata sandi salah.")).toBeVisible();
  }
  await login(page, username, "tebakan-terakhir");
  await expect(page.getByText(/Terlalu banyak percobaan masuk yang gagal/)).toBeVisible();
  await expectAccessible(page);
});

/** Signs `username` in on `page`, and opens the same session (a copy of its cookies) in another browser context. */
async function signedInTwice(page: Page, browser: Browser, username: string) {
  await login(page, username);
  await expect(page).toHaveURL(/\/opd$/);
  const copy = await browser.newContext({
    storageState: await page.context().storageState(),
    baseURL: test.info().project.use.baseURL,
  });
  const other = await copy.newPage();
  await other.goto("/opd");
  await expect(other).toHaveURL(/\/opd$/);
  return { copy, other };
}

test("signing out ends the session on the server too: a copied session cookie no longer works", async ({
  page,
  browser,
}) => {
  const { copy, other } = await signedInTwice(page, browser, "opd-diskominfo");
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await other.goto("/opd");
  await expect(other).toHaveURL(/\/login$/);
  await copy.close();
});

test("Auth.js's own sign-out endpoint revokes the session too: a copied cookie stops working", async ({
  page,
  browser,
}) => {
  const { copy, other } = await signedInTwice(page, browser, "opd-inspektorat");
  // Sign out through POST /api/auth/signout (its CSRF token, our origin), not the app's button.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const origin = new URL(page.url()).origin;
  const res = await page.request.post("/api/auth/signout", {
    form: { csrfToken },
    headers: { origin },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  await other.goto("/opd");
  await expect(other).toHaveURL(/\/login$/);
  await copy.close();
});

test("the audit records the connection's address, not what a client writes in X-Forwarded-For", async ({
  page,
  playwright,
}) => {
  const baseURL = test.info().project.use.baseURL!;
  const probe = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" },
  });
  const { csrfToken } = (await (await probe.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await probe.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: `xff-probe-${test.info().project.name}`, password: "salah-sekali-123" },
    headers: { origin: new URL(baseURL).origin },
    maxRedirects: 0,
  });
  await probe.dispose();
  await login(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/audit?action=auth.login_failed");
  await expect(page.getByText(/127\.0\.0\.1|::1/).first()).toBeVisible();
  await expect(page.getByText("203.0.113.77")).toHaveCount(0);
});
