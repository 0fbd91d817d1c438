// What officials read (issue 18), at 1280 px and 360 px with screenshots: a delivered order's letters as an OPD
// prints them — the official with NIP, the number in the admin's pattern, the BAST's day in words, no replacement
// characters — and the verification page their QR code opens for anyone; the mayor's charts — bars as long as their
// value, the monthly chart with its legend, axes and month names, empty months as "no data" (never Gini 0), what
// was delivered apart from what is committed — and no page wider than the phone.
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { pdfText } from "../support/pdf-text";
import { download, expectAccessible, expectNoSidewaysScroll, keepScreenshot, login } from "./helpers";

test.describe.configure({ timeout: 120_000 });

test("an OPD prints a delivered order's letters, and anyone checks one by its QR code's page", async ({
  page,
}, testInfo) => {
  await login(page, "opd-diskominfo");
  await expect(page).toHaveURL(/\/opd$/);
  await page.goto("/opd/orders?status=DELIVERED");
  await page
    .getByRole("link", { name: /^MM-\d{4}-\d+$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/opd\/orders\/[0-9a-f-]{36}/);
  await keepScreenshot(page, testInfo, "delivered-order");

  const sp = pdfText(await download(page, page.getByRole("link", { name: "Surat Pesanan (PDF)" })));
  // The number in the admin's pattern (000.3/{seq}/417.{opd}/…/{year}), the official by name with NIP and title.
  expect(sp).toMatch(/Nomor: 000\.3\/\d+\/417\.DISKOMINFO\/(?:[IVX]+\/)?20\d\d/);
  expect(sp).toMatch(/NIP\. \d{8} \d{6} \d \d{3}/);
  expect(sp).not.toMatch(/Pejabat\s*:\s*-/);
  expect(sp).not.toMatch(/\uFFFD/);
  const verifyPath = /\/verifikasi\/[A-Za-z0-9_-]{12}/.exec(sp)?.[0];
  expect(verifyPath, "the QR code's address is printed under it").toBeTruthy();
  const number = /Nomor: (\S+)/.exec(sp)![1]!;

  const bast = pdfText(await download(page, page.getByRole("link", { name: "BAST (PDF)" })));
  expect(bast).toContain("BERITA ACARA SERAH TERIMA");
  // The day written out: "Pada hari ini Senin tanggal … bulan … tahun dua ribu dua puluh enam".
  expect(bast).toMatch(
    /Pada hari ini (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) tanggal [a-z ]+ bulan \w+ tahun dua ribu/,
  );
  expect(bast).toMatch(/Nomor: 000\.3\/\d+\/BAST\/417\.DISKOMINFO\/20\d\d/);
  expect(bast).not.toMatch(/\uFFFD/);

  // Anyone holding the paper: no login, the letter's number, parties, amount, status and content hash.
  await page.context().clearCookies();
  await page.goto(verifyPath!);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Diterbitkan oleh Mamin Merata");
  await expect(page.getByText(number, { exact: true })).toBeVisible();
  await expect(page.getByText(/Dinas Komunikasi dan Informatika/)).toBeVisible();
  await expect(page.getByText(/Rp\s?[\d.]+/).first()).toBeVisible();
  await expect(page.locator("dd .font-mono").last()).toHaveText(/^[0-9a-f]{64}$/);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await keepScreenshot(page, testInfo, "verification-page");
});

test("the mayor's charts read true: bars by value, the monthly chart labelled, empty months as no data", async ({
  page,
}, testInfo) => {
  await login(page, "walikota");
  await expect(page).toHaveURL(/\/mayor$/);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dasbor pemerataan" })).toBeVisible();

  // Every bar is as long as its value's share of the largest (a vendor at 63 % draws 63 %, never a capped length).
  const bars = await page.locator("[data-bar-value]").evaluateAll((els) =>
    els.map((el) => ({
      value: Number(el.getAttribute("data-bar-value")),
      width: el.getBoundingClientRect().width,
      track: el.parentElement!.getBoundingClientRect().width,
    })),
  );
  expect(bars.length).toBeGreaterThan(3);
  const max = Math.max(...bars.map((b) => b.value));
  for (const b of bars) expect(Math.abs(b.width / b.track - b.value / max), JSON.stringify(b)).toBeLessThan(0.02);
  expect(new Set(bars.map((b) => Math.round(b.width))).size).toBeGreaterThan(2);

  // The monthly chart: a legend naming both series, both axes labelled, months by name (never "01"), nothing clipped.
  const chart = page.getByRole("img", { name: /Belanja bulanan \(juta rupiah\) dan Gini per bulan/ });
  await expect(chart).toBeVisible();
  await expect(chart.getByText("Nilai diterima (juta Rp)")).toBeVisible();
  await expect(chart.getByText(/Gini bulan itu \(0 merata – 1 terpusat\)/)).toBeVisible();
  await expect(chart.getByText("Juta Rp", { exact: true })).toBeVisible();
  await expect(chart.getByText("Gini", { exact: true })).toBeVisible();
  const labels = (await chart.locator("svg text").allTextContents()).map((x) => x.trim());
  for (const month of ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"])
    expect(labels, month).toContain(month);
  expect(labels).not.toContain("01");
  const box = (await chart.boundingBox())!;
  const texts = await chart.locator("svg text").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right };
    }),
  );
  for (const r of texts) {
    expect(r.left).toBeGreaterThanOrEqual(box.x - 1);
    expect(r.right).toBeLessThanOrEqual(box.x + box.width + 1);
  }
  await expect(page.getByText(/Gini bulanan biasanya lebih tinggi daripada Gini setahun/)).toBeVisible();
  // Delivered apart from committed: the headline is what was delivered, with what is not yet delivered beside it.
  await expect(page.getByText("Belanja terealisasi").first()).toBeVisible();
  await expect(page.getByText(/Termasuk yang belum diantar: Rp/)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "dashboard-charts");

  // A year before the portal: every month without orders reads "tidak ada data", never a Gini of 0 — on the page
  // and in the workbook (an empty cell and a note).
  await page.goto("/dashboard?period=year:2025");
  const trend = page.getByRole("region", { name: "Tren bulanan 2025" });
  await expect(trend.getByRole("row")).toHaveCount(13);
  for (const row of (await trend.getByRole("row").allTextContents()).slice(1)) {
    expect(row).toContain("tidak ada data");
    expect(row).not.toMatch(/0,00$/);
  }
  await keepScreenshot(page, testInfo, "dashboard-empty-year");
  const file = await download(page, page.getByRole("link", { name: "Unduh Excel" }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(file).buffer);
  const sheet = wb.getWorksheet("Tren bulanan")!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const giniCol = header.findIndex((h) => /^Gini/.test(h));
  expect(giniCol).toBeGreaterThan(0);
  let empty = 0;
  sheet.eachRow((row, n) => {
    if (n === 1 || !(row.values as unknown[]).some((v) => typeof v === "string" && v.startsWith("Tidak ada pesanan")))
      return;
    empty++;
    expect(row.getCell(giniCol).value).toBeNull();
  });
  expect(empty).toBe(12);

  // The public page draws the same bars by value, and fits the phone too.
  await page.goto("/transparansi");
  const publicBars = await page.locator("[data-bar-value]").evaluateAll((els) =>
    els.map((el) => ({
      value: Number(el.getAttribute("data-bar-value")),
      share: el.getBoundingClientRect().width / el.parentElement!.getBoundingClientRect().width,
    })),
  );
  if (publicBars.length > 0) {
    const top = Math.max(...publicBars.map((b) => b.value));
    for (const b of publicBars) expect(Math.abs(b.share - b.value / top)).toBeLessThan(0.02);
  }
  await expectNoSidewaysScroll(page);
  await keepScreenshot(page, testInfo, "transparency-bars");
});
