// The admins' queues in the browser: a sanction confirmed with a reason (at SP1, a warning, so no pool
// changes under the other journeys), the escalation queue and the audit trail. Desktop project only.
import { expect, test } from "@playwright/test";
import { expectAccessible, keepScreenshot, login } from "./helpers";

// Each journey signs in, fills several forms and runs axe on busy pages: more than the default budget on a
// loaded 2-core CI machine.
test.describe.configure({ timeout: 180_000 });

test("an admin confirms a sanction proposal with a reason, and the decision shows in the audit trail", async ({
  page,
}, testInfo) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Sanksi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sanksi UMKM" })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-sanctions");
  const proposal = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: "Tetapkan sanksi" }) })
    .first();
  const vendorName = (await proposal.locator("span.font-semibold").first().textContent())!.trim();
  await proposal.getByLabel("Tingkat sanksi").selectOption("SP1");
  await proposal.getByLabel("Alasan keputusan").fill("Peringatan tertulis pertama, sesuai laporan OPD.");
  await proposal.getByRole("button", { name: "Tetapkan sanksi" }).click();
  await expect(page.getByText("Sanksi ditetapkan; UMKM diberi tahu.")).toBeVisible();
  const decided = page.locator("section").filter({ has: page.getByRole("heading", { name: "Keputusan terakhir" }) });
  await expect(decided).toContainText(vendorName);
  await expect(decided).toContainText("Peringatan tertulis pertama, sesuai laporan OPD.");

  await page.getByRole("link", { name: "Lihat jejak audit sanksi" }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?entity=Sanction/);
  // The action in words, never its code.
  await expect(page.getByText("Sanksi ditetapkan", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("sanction.confirmed")).toHaveCount(0);
  // What changed in words too: the status and level by their names, the record's kind by its name — no codes.
  const entry = page.getByRole("listitem").filter({ hasText: "Peringatan tertulis pertama, sesuai laporan OPD." });
  await expect(entry.getByRole("cell", { name: "Ditetapkan", exact: true })).toBeVisible();
  await expect(entry.getByRole("cell", { name: "Diusulkan", exact: true })).toBeVisible();
  await expect(entry).toContainText("Sanksi");
  await expect(entry).not.toContainText("CONFIRMED");
  await expect(entry).not.toContainText("PROPOSED");
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-audit");

  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Eskalasi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pesanan tereskalasi" })).toBeVisible();
  // Time left in days and hours ("10 hari 12 jam"), never "252 jam".
  await expect(page.locator("main")).not.toContainText(/\b(2[4-9]|[3-9]\d|\d{3,}) jam\b/);
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-escalations");
});

test("an admin onboards a new UMKM to e-Katalog TAYANG and gives the owner a login", async ({ page }, testInfo) => {
  const code = `UMKM-E${Date.now() % 100000}`;
  await login(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "UMKM" }).click();
  await expect(page.getByText(/Uji coba e-Katalog: \d+ dari \d+ UMKM sudah tayang/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Tambah UMKM" }).click();
  await page.getByLabel("Kode UMKM").fill(code);
  await page.getByLabel("Nama usaha").fill("Dapur Uji Onboarding");
  await page.getByLabel("Nama pemilik").fill("Siti Aminah");
  await page.getByLabel("NIB", { exact: true }).fill("1234567890123");
  await page.getByLabel("NPWP", { exact: true }).fill("01.234.567.8-602.000");
  await page.getByLabel("Nomor WhatsApp").fill("0812 3456 7890");
  await page.getByLabel("Alamat").fill("Jl. Uji Onboarding 1");
  // The kelurahan from the city's list, grouped by kecamatan; the kecamatan follows.
  await page.getByLabel("Kelurahan").selectOption("Wates");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Simpan UMKM baru" }).click();
  await expect(page.getByText("UMKM baru tersimpan.", { exact: false })).toBeVisible();
  await expect(page.getByText("e-Katalog: Belum mulai")).toBeVisible();

  // The documents, then the checklist: the status follows the checklist.
  const pirt = page.getByRole("listitem").filter({ has: page.getByText("PIRT / SPP-IRT", { exact: true }) });
  await pirt.getByText("PIRT / SPP-IRT", { exact: true }).click();
  await pirt.getByLabel("Nomor dokumen").fill("P-IRT 2123456789012-29");
  // With its scan (a PDF), which only admins and this UMKM can download.
  await pirt.getByLabel("Pindaian dokumen (PDF, JPEG atau PNG)").setInputFiles({
    name: "pirt.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
  });
  await pirt.getByRole("button", { name: "Simpan dokumen" }).click();
  await expect(page.getByText("Perubahan disimpan.")).toBeVisible();
  const scanLink = page.getByRole("link", { name: /^Unduh pindaian \(PDF, 1 KB\)$/ });
  await expect(scanLink).toHaveCount(1);
  const scan = await page.request.get((await scanLink.getAttribute("href"))!);
  expect(scan.status()).toBe(200);
  expect(scan.headers()["content-type"]).toBe("application/pdf");
  expect((await scan.body()).subarray(0, 5).toString()).toBe("%PDF-");
  // NIB is typed once (in the identity form): its document shows that number and asks only for the dates.
  const nib = page.getByRole("listitem").filter({ has: page.getByText("NIB", { exact: true }) });
  await nib.getByText("NIB", { exact: true }).click();
  await expect(
    nib.getByText("Nomor NIB: 1234567890123 — diambil dari data usaha di atas; ubah di sana."),
  ).toBeVisible();
  await expect(nib.getByLabel("Nomor dokumen")).toHaveCount(0);
  await nib.getByLabel("Tanggal terbit").fill("2024-02-03");
  await nib.getByRole("button", { name: "Simpan dokumen" }).click();
  await expect(nib).toContainText("NIB: 1234567890123");
  for (const item of [
    "NIB terverifikasi",
    "NPWP terverifikasi",
    "PIRT / SPP-IRT terverifikasi",
    "Akun INAPROC sudah dibuat",
  ]) {
    await page.getByLabel(item).check();
  }
  await page.getByLabel("Kode KBLI").fill("56210");
  await page.getByRole("button", { name: "Simpan daftar periksa" }).click();
  await expect(page.getByText("e-Katalog: Dalam proses")).toBeVisible();
  await page.getByLabel("Produk sudah tayang di e-Katalog").check();
  await page.getByLabel("Tautan produk di e-Katalog").fill("https://e-katalog.lkpp.go.id/katalog/produk/detail/123456");
  await page.getByRole("button", { name: "Simpan daftar periksa" }).click();
  await expect(page.getByText("e-Katalog: Tayang")).toBeVisible();

  const username = code.toLowerCase();
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi awal").fill("dapur-uji-onboarding");
  await page.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByText("Akun pemilik dibuat.")).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-vendor-tayang");

  // The owner signs in to the vendor portal with it.
  await page.getByRole("button", { name: "Keluar" }).click();
  // Let the sign-out finish (it lands on /login) before the next navigation, or it can be cut short.
  await expect(page).toHaveURL(/\/login/);
  await login(page, username, "dapur-uji-onboarding");
  await expect(page).toHaveURL(/\/vendor$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dapur Uji Onboarding");
});

test("an admin drafts a decree from the one in force, changes the grid, sees the difference and publishes it", async ({
  page,
}, testInfo) => {
  const number = `188.45/E2E-${Date.now() % 1_000_000}/417.101/2027`;
  // Far in the future, so the other journeys keep routing under the demo decree.
  const from = new Date(Date.now() + 7 * 3600_000 + 400 * 86_400_000).toISOString().slice(0, 10);
  await login(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "SK alokasi" }).click();
  await page.getByLabel("Nomor SK").fill(number);
  await page.getByLabel("Judul").fill("Perubahan penetapan UMKM penyedia mamin");
  await page.getByLabel("Berlaku mulai").fill(from);
  await page.getByRole("button", { name: "Buat rancangan" }).click();
  await expect(page.getByText("Rancangan dibuat.")).toBeVisible();
  await expect(page.getByText("Sama dengan SK yang berlaku.")).toBeVisible();

  // The grid reads by names (UMKM names as column headers), and narrows to what the admin is looking for.
  const grid = page.getByRole("region", { name: "Matriks alokasi OPD × UMKM" });
  await expect(
    grid
      .getByRole("columnheader")
      .filter({ hasText: /\w{4,} / })
      .first(),
  ).toBeVisible();
  await page.getByLabel("Cari OPD").fill("BPBD");
  await expect(page.getByText(/^Tampil 1 dari \d+ OPD/)).toBeVisible();
  await expect(grid.getByRole("rowheader")).toHaveCount(1);
  await keepScreenshot(page, testInfo, "admin-decree-grid-search");
  const cell = grid
    .getByRole("checkbox", { name: /^BPBD / })
    .and(page.locator(":not(:checked)"))
    .first();
  const label = (await cell.getAttribute("aria-label"))!;
  await cell.check();
  // Filters hide rows, never drop them: the whole grid is saved, hidden rows included.
  await page.getByRole("button", { name: "Tampilkan semua" }).click();
  await expect(grid.getByRole("rowheader").nth(1)).toBeVisible();
  await page.getByRole("button", { name: "Simpan matriks" }).click();
  await expect(page.getByText("Matriks alokasi disimpan.")).toBeVisible();
  await expect(page.getByText("Ditambah (1)")).toBeVisible();
  await expect(page.getByText("Dihapus (0)")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: label })).toBeChecked();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-decree-draft");

  // The what-if before publishing: the same orders replayed under both decrees.
  await page.getByLabel("Pesanan", { exact: true }).selectOption("6");
  await page.getByRole("button", { name: "Jalankan simulasi" }).click();
  await expect(page.getByText(/\d+ pesanan dari 6 bulan terakhir dijalankan ulang\./)).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Gini" })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-decree-what-if");

  // The what-if with failures: observed rates, the settings in force beside the count-only ladder.
  await page.getByLabel("Pesanan yang diputar ulang").selectOption("12");
  await page.getByRole("button", { name: "Simulasikan dengan kegagalan" }).click();
  await expect(page.getByText(/\d+ pesanan dari 12 bulan terakhir; teramati: ditolak/)).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Pesanan perlu admin" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Aturan pembanding" })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-decree-failure-what-if");

  await page.getByText("Terbitkan SK ini…").click();
  await page.getByRole("button", { name: "Ya, terbitkan" }).click();
  await expect(page.getByText("SK diterbitkan.")).toBeVisible();
  await expect(page.getByText("Berlaku", { exact: true })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: label })).toBeDisabled();
});

test("an admin's reference pages — agencies and budgets, prices and rules, decrees — are accessible", async ({
  page,
}, testInfo) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  const menu = page.getByRole("navigation", { name: "Menu" });
  await menu.getByRole("link", { name: "OPD & pagu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "OPD, akun dan pagu" })).toBeVisible();
  const kominfo = page.locator("details").filter({ hasText: "Dinas Komunikasi dan Informatika" });
  await kominfo.getByText("Dinas Komunikasi dan Informatika", { exact: true }).click();
  await expect(kominfo.getByText("5.1.02.01.01.0052").first()).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "admin-opds");
  await menu.getByRole("link", { name: "Aturan" }).click();
  await expect(page.getByLabel("Waktu menjawab tawaran (menit)")).toHaveValue(/\d+/);
  await expectAccessible(page);
  await menu.getByRole("link", { name: "SK alokasi" }).click();
  await expect(page.getByText("Berlaku", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
});

test("an admin issues a one-time enrolment code for another account's authenticator, shown once", async ({ page }) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/accounts");
  await expect(page.getByRole("heading", { name: "Akun admin dan Wali Kota" })).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: "(walikota)" });
  await row.getByRole("button", { name: "Terbitkan kode pendaftaran" }).click();
  await expect(row.getByTestId("enrolment-code")).toHaveText(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
  await expectAccessible(page);
  // The admin's own account has no button: another admin must issue its code.
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "(admin)" })
      .getByRole("button", { name: "Terbitkan kode pendaftaran" }),
  ).toHaveCount(0);
});
