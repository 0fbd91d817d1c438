// The public transparency page: no login, a period and one agency, the CSV and OCDS downloads parse.
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { expectAccessible, keepScreenshot } from "./helpers";

test("anyone reads the spread without signing in, narrows it to one agency and downloads CSV and OCDS", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Lihat transparansi belanja" }).click();
  await expect(page).toHaveURL(/\/transparansi$/);
  await expect(page.getByRole("heading", { level: 1, name: "Transparansi belanja mamin" })).toBeVisible();
  await expect(page.getByText(/Merata|Cukup merata|Terkonsentrasi/).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Nilai per UMKM" }).getByRole("row").nth(1)).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "transparency-city");

  await page
    .getByLabel("OPD", { exact: true })
    .selectOption({ label: "DISKOMINFO — Dinas Komunikasi dan Informatika" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/opd=DISKOMINFO/);
  await expect(page.getByText("OPD: Dinas Komunikasi dan Informatika.")).toBeVisible();
  await expectAccessible(page);

  const [csvFile] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Nilai per UMKM (CSV)" }).click(),
  ]);
  expect(csvFile.suggestedFilename()).toMatch(/^mamin-merata-diskominfo-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await csvFile.path())!);
  const ws = await new ExcelJS.Workbook().csv.read(Readable.from(csv.subarray(3)));
  const rows = (ws.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
  expect(rows[0]).toEqual([
    "kode_umkm",
    "nama_usaha",
    "jumlah_pesanan",
    "nilai_diterima_rp",
    "nilai_terealisasi_rp",
    "porsi_persen",
  ]);
  expect(rows.length).toBeGreaterThan(1);

  const [ocdsFile] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Data kontrak terbuka (OCDS JSON)" }).click(),
  ]);
  const pkg = JSON.parse(await readFile((await ocdsFile.path())!, "utf8")) as {
    version: string;
    releases: { ocid: string; buyer: { name: string }; parties: { roles: string[]; details?: { scale: string } }[] }[];
  };
  expect(pkg.version).toBe("1.1");
  expect(pkg.releases.length).toBeGreaterThan(0);
  for (const r of pkg.releases) {
    expect(r.ocid).toMatch(/^ocds-mamin-mjk-MM-/);
    expect(r.buyer.name).toBe("Dinas Komunikasi dan Informatika");
    expect(r.parties.find((p) => p.roles.includes("supplier"))?.details?.scale).toBe("sme");
  }
});

test("a bad download format is a clear 404, and the downloads need no login", async ({ request }) => {
  const bad = await request.get("/api/public/transparansi/xml");
  expect(bad.status()).toBe(404);
  const csv = await request.get("/api/public/transparansi/csv?period=year:2026");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
});
