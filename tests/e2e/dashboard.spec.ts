// The mayor's dashboard: a period, a drill into one agency, accessible on desktop and phone.
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expectAccessible, keepScreenshot, login } from "./helpers";

test("the mayor reads the spread for a period and drills into one agency", async ({ page }, testInfo) => {
  await login(page, "walikota");
  await expect(page).toHaveURL(/\/mayor$/);
  // Both pages say when their figures were read (they are snapshots a few seconds old at most).
  await expect(page.getByText(/^Angka per \d{1,2} \S+ \d{4} \d{2}\.\d{2} WIB\.$/)).toBeVisible();
  // Every concentration figure comes with its plain reading.
  await expect(
    page.getByText(
      /Bila merata, 3 teratas menerima [\d,]+ ?%\. HHI [\d,]+: seperti [\d,]+ UMKM yang menerima sama besar/,
    ),
  ).toBeVisible();
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Dasbor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dasbor pemerataan" })).toBeVisible();
  await expect(page.getByText(/^Angka dari data pesanan per \d{1,2} \S+ \d{4} \d{2}\.\d{2} WIB\.$/)).toBeVisible();
  await expect(page.getByText(/Merata|Cukup merata|Terkonsentrasi/).first()).toBeVisible();
  await expect(page.getByRole("img", { name: /Kurva Lorenz pembagian nilai/ })).toBeVisible();
  await expect(page.getByText(/Gini bulanan biasanya lebih tinggi daripada Gini setahun/)).toBeVisible();
  await expect(page.getByText(/Bila merata, 3 teratas menerima/).first()).toBeVisible();
  // How the spread holds up: escalations and the city reserve per month and per agency, sanctions in force.
  await expect(page.getByRole("heading", { name: /Ketahanan pemerataan/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Per bulan (tahun anggaran)" })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "dashboard-year");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Unduh Excel" }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(await readFile((await file.path())!)).buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "Ringkasan",
    "Nilai per UMKM",
    "UMKM tanpa pesanan",
    "Kurva Lorenz",
    "Tren bulanan",
    "Serapan pagu",
    "Eskalasi per bulan",
    "Eskalasi per OPD",
    "Sanksi berlaku",
    "Lama bayar per bulan",
    "Lama bayar per OPD",
    "Belum dibayar lewat target",
    "Sebelum-sesudah SK",
  ]);
  expect(wb.getWorksheet("Nilai per UMKM")!.rowCount).toBeGreaterThan(5);
  await page
    .getByLabel("OPD", { exact: true })
    .selectOption({ label: "DISKOMINFO — Dinas Komunikasi dan Informatika" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/opd=[0-9a-f-]{36}/);
  await expect(page.getByRole("region", { name: /Serapan pagu per OPD/ }).getByRole("row")).toHaveCount(2);
  await expectAccessible(page);
});
