import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { readVendorSheet, renderVendorTemplate } from "@/lib/documents/vendor-import-files";
import { commitVendorImport } from "@/lib/data/admin/vendor-import/commit-vendor-import";
import { previewVendorImport } from "@/lib/data/admin/vendor-import/preview-vendor-import";
import { readable } from "@/tests/support/in-words";

const clock = fixedClock("2026-06-01T02:00:00Z");
const admin = { id: "00000000-0000-4000-8000-0000000000ad", role: "ADMIN" as const };
const tag = () => String(Date.now() % 100000);

async function filledTemplate(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(await renderVendorTemplate()).buffer);
  const ws = wb.getWorksheet("UMKM")!;
  rows.forEach((r, i) => (ws.getRow(2 + i).values = r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("vendor import", () => {
  it("fills the template, previews every row as valid and imports them all in one go", async () => {
    const db = testDb();
    const t = tag();
    const bytes = await filledTemplate([
      [
        `IMP-A${t}`,
        "Dapur Impor A",
        "Pemilik A",
        "1234567890123",
        "",
        "Jl. A 1",
        "Wates",
        "Magersari",
        "081234567890",
        "",
        80,
        "ya",
      ],
      [
        `IMP-B${t}`,
        "Dapur Impor B",
        "Pemilik B",
        "",
        "01.234.567.8-602.000",
        "Jl. B 2",
        "Gedongan",
        "Magersari",
        "0812 9999 8888",
        "b@example.test",
        120,
        "tidak",
      ],
    ]);
    const sheet = await readVendorSheet(bytes, "umkm.xlsx");
    expect(sheet.error).toBeUndefined();
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 3]);
    const report = await previewVendorImport(db, { actor: admin, rows: sheet.rows });
    expect(report).toMatchObject({ valid: 2, invalid: 0 });
    expect(await commitVendorImport(db, { clock, actor: admin, rows: sheet.rows })).toEqual({ created: 2 });
    const a = await db.vendor.findUniqueOrThrow({ where: { code: `IMP-A${t}` } });
    expect(a).toMatchObject({ hasPp55: true, dailyCapacityPax: 80, ekatalogStatus: "BELUM", status: "ACTIVE" });
    expect(await db.auditLog.count({ where: { action: "vendor.imported" } })).toBeGreaterThanOrEqual(1);
    // Importing the same file again: every row is now a duplicate of the registry.
    const again = readable(await previewVendorImport(db, { actor: admin, rows: sheet.rows }));
    expect(again.invalid).toBe(2);
    expect(again.rows[0]!.errors).toContain("Kode: sudah terdaftar");
  });

  it("reports every bad row and writes nothing, for Excel and CSV alike", async () => {
    const db = testDb();
    const t = tag();
    const before = await db.vendor.count();
    const csv = [
      "Kode,Nama usaha,Nama pemilik,NIB,NPWP,Alamat,Kelurahan,Kecamatan,WhatsApp,Email,Kapasitas harian,PP 55",
      `CSV-A${t},Dapur CSV A,Pemilik A,,,Jl. A 1,Wates,Magersari,081234567890,,50,tidak`,
      `CSV-A${t},Dapur CSV kembar,Pemilik B,,,Jl. B 2,Wates,Magersari,081234567891,,50,tidak`,
      `CSV-C${t},Dapur CSV C,Pemilik C,123,,Jl. C 3,Wates,Magersari,12,,0,tidak`,
      // Not a kelurahan of the city; and a real one put in the wrong kecamatan.
      `CSV-D${t},Dapur CSV D,Pemilik D,,,Jl. D 4,Sukamaju,Magersari,081234567892,,50,tidak`,
      `CSV-E${t},Dapur CSV E,Pemilik E,,,Jl. E 5,Pulorejo,Magersari,081234567893,,50,tidak`,
      // A yes/no cell that is neither: refused, never taken as "no".
      `CSV-F${t},Dapur CSV F,Pemilik F,,,Jl. F 6,Wates,Magersari,081234567894,,50,mungkin`,
    ].join("\n");
    const sheet = await readVendorSheet(Buffer.from(csv), "umkm.csv");
    expect(sheet.rows).toHaveLength(6);
    const report = readable(await previewVendorImport(db, { actor: admin, rows: sheet.rows }));
    expect(report).toMatchObject({ valid: 1, invalid: 5 });
    expect(report.rows[5]!.errors).toEqual(['PP 55: "mungkin" tidak dikenal (isi ya atau tidak)']);
    // Each problem under the column people filled, never a field name.
    const all = report.rows.flatMap((r) => r.errors);
    expect(all.filter((e) => /^[a-z]+[A-Z]\w*:|^(code|nib|whatsapp|kelurahan):/.test(e))).toEqual([]);
    expect(report.rows[2]!.errors).toEqual(
      expect.arrayContaining([
        "NIB: NIB terdiri dari 13 angka",
        expect.stringMatching(/^WhatsApp: /),
        "Kapasitas harian: Kapasitas minimal 1 porsi per hari",
      ]),
    );
    expect(report.rows[3]!.errors.join(" ")).toContain(
      "Kelurahan tidak ada di Kota Mojokerto; pilih salah satu: Blooto",
    );
    expect(report.rows[4]!.errors.join(" ")).toContain("Kelurahan Pulorejo ada di Kecamatan Prajurit Kulon");
    expect(report.rows[1]!.errors).toContain("Kode: sama dengan baris 2");
    expect(report.rows[2]!.errors.length).toBeGreaterThanOrEqual(3); // NIB, WhatsApp, capacity
    await expect(commitVendorImport(db, { clock, actor: admin, rows: sheet.rows })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === "VALIDATION",
    );
    expect(await db.vendor.count()).toBe(before);
    expect((await readVendorSheet(Buffer.from("bukan excel"), "x.xlsx")).error).toBeTruthy();
    expect((await readVendorSheet(Buffer.from("a,b\n1,2"), "x.csv")).error).toBeTruthy();
    await expect(
      previewVendorImport(db, { actor: { id: admin.id, role: "OPD_STAFF" }, rows: sheet.rows }),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.code === "FORBIDDEN");
  });
});
