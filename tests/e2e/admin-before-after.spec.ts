// Purchases before the decree: the admin sees the imported year, a file with a bad row is refused row by
// row, and the dashboard sets the concentration before the decree beside the spread after it. Desktop only.
import { expect, test } from "@playwright/test";
import { expectAccessible, keepScreenshot, login } from "./helpers";

test.describe.configure({ timeout: 120_000 });

test("an admin checks a purchases file before the decree and the dashboard compares before and after", async ({
  page,
}, testInfo) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Data sebelum SK" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data sebelum SK" })).toBeVisible();
  const lastYear = String(new Date().getUTCFullYear() - 1);
  await expect(page.getByRole("region", { name: "Tahun yang sudah diimpor" })).toContainText(lastYear);
  await page.getByLabel("Berkas .xlsx atau .csv").setInputFiles({
    name: "pembelian.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      `OPD,Pemasok,Tanggal,Nilai (Rp)\nDISKOMINFO,CV Boga Rasa,${lastYear}-02-03,1500000\nTIDAK-ADA,CV Lain,${lastYear}-02-04,nol\n`,
    ),
  });
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.getByText("1 dari 2 baris salah")).toBeVisible();
  await expect(page.getByText('OPD: "TIDAK-ADA" tidak dikenal', { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Impor / })).toHaveCount(0);
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-before-after");

  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Dasbor" }).click();
  const compare = page.getByRole("region", { name: "Sebelum dan sesudah SK" });
  await expect(compare.getByRole("columnheader", { name: `Sebelum SK (${lastYear})` })).toBeVisible();
  await expect(compare.getByRole("rowheader", { name: "Gini" })).toBeVisible();
  await expectAccessible(page);
});
