// The admins' screens people struggled with (issue 18), read at 1280 px and at 360 px with screenshots, without
// changing anything other journeys rely on: the decree grid by names with its searches, the escalation queue most
// urgent first with the time left in days and hours, a vendor import's report in the users' words (a "mungkin"
// refused with its row, nothing written), and the kelurahan of Kota Mojokerto as a list grouped by kecamatan.
import { expect, test } from "@playwright/test";
import { expectAccessible, expectNoSidewaysScroll, keepScreenshot, login } from "./helpers";

test.describe.configure({ timeout: 120_000 });

/** "2 hari 3 jam", "5 jam 10 menit", "45 menit" → minutes; a passed delivery time counts as below zero. */
function minutesOf(text: string): number {
  if (/sudah lewat/i.test(text)) return -1;
  const n = (re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
  return n(/(\d+) hari/) * 1440 + n(/(\d+) jam/) * 60 + n(/(\d+) menit/);
}

test.beforeEach(async ({ page }) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
});

test("the decree in force reads by names, and its grid narrows to an agency or a vendor", async ({
  page,
}, testInfo) => {
  await page.goto("/admin/decrees");
  await page.getByRole("listitem").filter({ hasText: "Berlaku" }).getByRole("link").first().click();
  const grid = page.getByRole("region", { name: "Matriks alokasi OPD × UMKM" });
  await expect(grid).toBeVisible();
  // UMKM names as column headers, OPD code and name as row headers — never "01…24".
  const headers = await grid.getByRole("columnheader").allTextContents();
  expect(headers.filter((h) => /^\d{1,2}$/.test(h.trim()))).toEqual([]);
  expect(headers.some((h) => /[A-Za-z]{4,} [A-Za-z]/.test(h))).toBe(true);
  await expect(grid.getByRole("rowheader").filter({ hasText: "DISKOMINFO" })).toBeVisible();
  await page.getByLabel("Cari OPD").fill("DISKOMINFO");
  await expect(grid.getByRole("rowheader")).toHaveCount(1);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "decree-grid-in-force");
});

test("escalations come most urgent first, with the time left in days and hours", async ({ page }, testInfo) => {
  await page.goto("/admin/escalations");
  await expect(page.getByRole("heading", { level: 1, name: "Pesanan tereskalasi" })).toBeVisible();
  const left = await page.getByText(/ sebelum antar$|^Waktu antar sudah lewat$/).allTextContents();
  // The demo keeps an escalated order waiting for an admin; the order of a longer queue is also checked on the data
  // (tests/integration/admin-queues.test.ts "puts the most urgent first").
  expect(left.length).toBeGreaterThanOrEqual(1);
  const minutes = left.map(minutesOf);
  expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
  await expect(page.locator("main")).not.toContainText(/\b(2[4-9]|[3-9]\d|\d{3,}) jam\b/);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "escalations");
});

test("a vendor import reports each bad row in the users' words and writes nothing", async ({ page }, testInfo) => {
  const t = Date.now() % 100000;
  const csv = [
    "Kode,Nama usaha,Nama pemilik,NIB,NPWP,Alamat,Kelurahan,Kecamatan,WhatsApp,Email,Kapasitas harian,PP 55",
    `BO-A${t},Dapur Uji A,Pemilik A,,,Jl. A 1,Wates,Magersari,0812 3456 7001,,50,ya`,
    `BO-B${t},Dapur Uji B,Pemilik B,12,,Jl. B 2,Atlantis,,0812 3456 7002,,0,mungkin`,
  ].join("\n");
  await page.goto("/admin/vendors/import");
  await page.getByLabel("Berkas .xlsx atau .csv").setInputFiles({
    name: "umkm.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  const report = page.getByRole("region", { name: "Laporan per baris" });
  await expect(report).toBeVisible();
  await expect(
    page.getByText("1 dari 2 baris salah: perbaiki berkasnya lalu unggah lagi. Tidak ada yang disimpan."),
  ).toBeVisible();
  const bad = report.getByRole("row").filter({ hasText: `BO-B${t}` });
  await expect(bad).toContainText('PP 55: "mungkin" tidak dikenal (isi ya atau tidak)');
  await expect(bad).toContainText("NIB: NIB terdiri dari 13 angka");
  await expect(bad).toContainText("Kapasitas harian: Kapasitas minimal 1 porsi per hari");
  await expect(bad).toContainText("Kelurahan tidak ada di Kota Mojokerto");
  // Never a field's name or a code.
  await expect(report).not.toContainText(/dailyCapacityPax|hasPp55|kelurahan:|⟦/);
  await expect(page.getByRole("button", { name: /^Impor \d+ UMKM$/ })).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "vendor-import-report");
  await page.goto(`/admin/vendors?q=BO-A${t}`);
  await expect(page.getByText(`BO-A${t}`)).toHaveCount(0);
});

test("a new vendor's kelurahan is chosen from the city's list, grouped by kecamatan", async ({ page }, testInfo) => {
  await page.goto("/admin/vendors/new");
  const kelurahan = page.getByLabel("Kelurahan");
  const groups = await kelurahan.locator("optgroup").evaluateAll((els) => els.map((g) => g.getAttribute("label")));
  expect(groups).toEqual(["Kecamatan Kranggan", "Kecamatan Magersari", "Kecamatan Prajurit Kulon"]);
  expect(await kelurahan.locator("optgroup option").count()).toBe(18);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "vendor-new-kelurahan");
});
