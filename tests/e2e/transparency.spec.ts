// The public transparency page: no login, a period and one agency, the workbook, both CSV dialects and OCDS
// downloads parse (read back with readers independent of the writer); the publication policy page says the rest.
import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import readXlsxFile from "read-excel-file/node";
import { parse as parseCsv } from "csv-parse/sync";
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
  // Bars are proportional to value: each bar's length over the longest is its value over the largest (1 px).
  const bars = await page
    .locator("[data-bar-value]")
    .evaluateAll((els) =>
      els.map((e) => ({ value: Number(e.getAttribute("data-bar-value")), width: e.getBoundingClientRect().width })),
    );
  expect(bars.length).toBeGreaterThan(3);
  const top = bars.reduce((a, b) => (b.value > a.value ? b : a));
  for (const b of bars) expect(Math.abs(b.width - (top.width * b.value) / top.value)).toBeLessThanOrEqual(1);
  expect(new Set(bars.map((b) => Math.round(b.width))).size).toBeGreaterThan(1);

  await page
    .getByLabel("OPD", { exact: true })
    .selectOption({ label: "DISKOMINFO — Dinas Komunikasi dan Informatika" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/opd=DISKOMINFO/);
  await expect(page.getByText("OPD: Dinas Komunikasi dan Informatika.")).toBeVisible();
  await expectAccessible(page);

  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
    return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
  };
  const header = [
    "kode_umkm",
    "nama_usaha",
    "jumlah_pesanan",
    "nilai_diterima_rp",
    "nilai_terealisasi_rp",
    "porsi_persen",
  ];
  const csv = await download("Nilai per UMKM — CSV (pemisah koma, desimal titik)");
  expect(csv.name).toMatch(/^mamin-merata-diskominfo-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows: string[][] = parseCsv(csv.body, { bom: true });
  expect(rows[0]).toEqual(header);
  expect(rows.length).toBeGreaterThan(1);
  // For Excel set to Indonesian: the same table, ";" between fields and "," before decimals.
  const semi = await download(
    "Nilai per UMKM — CSV untuk Excel berbahasa Indonesia (pemisah titik koma, desimal koma)",
  );
  expect(semi.name).toMatch(/-titik-koma\.csv$/);
  const semiRows: string[][] = parseCsv(semi.body, { bom: true, delimiter: ";" });
  expect(semiRows.map((r) => r.slice(0, 5))).toEqual(rows.map((r) => r.slice(0, 5)));
  expect(semiRows.slice(1).map((r) => r[5])).toEqual(rows.slice(1).map((r) => r[5]!.replace(".", ",")));
  // The workbook: Indonesian headers, numbers as numbers.
  const xlsx = await download("Nilai per UMKM — Excel (.xlsx)");
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const [sheet] = await readXlsxFile(xlsx.body);
  expect(sheet!.data[0]![0]).toBe("Kode UMKM");
  expect(sheet!.data.slice(1).map((r) => r.slice(0, 2))).toEqual(rows.slice(1).map((r) => r.slice(0, 2)));
  expect(sheet!.data.slice(1).map((r) => r[3])).toEqual(rows.slice(1).map((r) => Number(r[3])));

  const [ocdsFile] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Data kontrak terbuka (OCDS 1.1, JSON)" }).click(),
  ]);
  const pkg = JSON.parse(await readFile((await ocdsFile.path())!, "utf8")) as {
    version: string;
    publicationPolicy: string;
    releases: { ocid: string; buyer: { name: string }; parties: { roles: string[]; details?: { scale: string } }[] }[];
  };
  expect(pkg.version).toBe("1.1");
  expect(pkg.releases.length).toBeGreaterThan(0);
  // The demo publishes under a plainly test prefix; the policy is a page the portal serves.
  expect(new URL(pkg.publicationPolicy).pathname).toBe("/transparansi/kebijakan");
  for (const r of pkg.releases) {
    expect(r.ocid).toMatch(/^ocds-test00-MM-/);
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

test("the publication policy says what is published, what is withheld and why, and the test ocid prefix", async ({
  page,
}, testInfo) => {
  await page.goto("/transparansi");
  await page.getByRole("link", { name: "Kebijakan publikasi data" }).click();
  await expect(page).toHaveURL(/\/transparansi\/kebijakan$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kebijakan publikasi data" })).toBeVisible();
  for (const h of ["Yang diumumkan", "Yang tidak diumumkan, dan mengapa", "Seberapa sering", "Lisensi", "Kontak"])
    await expect(page.getByRole("heading", { level: 2, name: h })).toBeVisible();
  await expect(page.getByText(/Setiap ocid diawali prefiks ocds-test00\. Prefiks ini prefiks uji/)).toBeVisible();
  await expect(page.getByRole("link", { name: "diskopukmperindag@mojokertokota.go.id" })).toHaveAttribute(
    "href",
    "mailto:diskopukmperindag@mojokertokota.go.id",
  );
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "publication-policy");
});

test("a period without contracts offers no OCDS file, and the download says why in words", async ({
  page,
  request,
}) => {
  await page.goto("/transparansi?period=custom&from=2020-01-01&to=2020-01-31");
  await expect(page.getByText("Belum ada kontrak pada periode ini, jadi belum ada data OCDS.")).toBeVisible();
  const r = await request.get("/api/public/transparansi/ocds?period=custom&from=2020-01-01&to=2020-01-31");
  expect(r.status()).toBe(404);
  expect((await r.json()).message).toContain("Belum ada kontrak");
});
