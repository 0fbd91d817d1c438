import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { testDb } from "@/tests/support/integration-setup";
import { createOpd, createUser } from "@/tests/factories";
import { fixedClock } from "@/lib/clock";
import { commitPriorPurchases } from "@/lib/data/admin/prior-purchases/commit-prior-purchases";
import { getBeforeDecree } from "@/lib/data/admin/prior-purchases/get-before-decree";
import { listPriorYears } from "@/lib/data/admin/prior-purchases/list-prior-years";
import { previewPriorPurchases } from "@/lib/data/admin/prior-purchases/preview-prior-purchases";
import { parseDay, parseImportedRupiah as parseRupiah } from "@/lib/domain/indonesian-input";
import { readPriorSheet, renderPriorTemplate } from "@/lib/documents/prior-purchase-files";
import { distributionOf } from "@/lib/domain/fairness";
import { isAppError } from "@/lib/errors";
import { readable } from "@/tests/support/in-words";

describe("purchases before the decree", () => {
  it("reads dates and rupiah as people type them", () => {
    expect(parseDay("2025-03-31")).toBe("2025-03-31");
    expect(parseDay("31/03/2025")).toBe("2025-03-31");
    expect(parseDay("1-4-2025")).toBe("2025-04-01");
    expect(parseDay("31/02/2025")).toBeNull();
    expect(parseDay("kemarin")).toBeNull();
    expect(parseRupiah("1.250.000")).toBe(1_250_000);
    expect(parseRupiah("Rp 1.250.000")).toBe(1_250_000);
    expect(parseRupiah("1,250,000")).toBe(1_250_000);
    expect(parseRupiah("1250000")).toBe(1_250_000);
    expect(parseRupiah("0")).toBeNull();
    expect(parseRupiah("1.250,50")).toBeNull();
    expect(parseRupiah("-5000")).toBeNull();
  });

  it("imports a filled template all or nothing, replaces the year, and measures the concentration", async () => {
    const db = testDb();
    const clock = fixedClock("2026-11-28T03:00:00Z");
    const dinkes = await createOpd(db, { code: "DINKES-PP", name: "Dinas Kesehatan Uji" });
    const bappeda = await createOpd(db, { code: "BAPPEDA-PP", name: "Badan Perencanaan Uji" });
    const admin = await createUser(db, { role: "ADMIN" });
    const actor = { id: admin.id, role: "ADMIN" as const };

    // The downloaded template, filled in as an admin would (dates as Excel dates, amounts as numbers or text).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await renderPriorTemplate()).buffer);
    const ws = wb.getWorksheet("Pembelian")!;
    ws.addRow(["DINKES-PP", "CV Boga Rasa", new Date("2025-02-03T00:00:00Z"), 6_000_000]);
    ws.addRow(["dinas kesehatan uji", "cv  boga rasa", "2025-05-06", "4.000.000"]);
    ws.addRow(["BAPPEDA-PP", "Warung Bu Sri", "07/08/2025", "Rp 500.000"]);
    ws.addRow(["BAPPEDA-PP", "Katering Sari", "2025-09-10", 1_500_000]);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const sheet = await readPriorSheet(good, "pembelian-2025.xlsx");
    expect(sheet.error).toBeUndefined();
    expect(sheet.rows.map((r) => r.date)).toEqual(["2025-02-03", "2025-05-06", "07/08/2025", "2025-09-10"]);
    const preview = await previewPriorPurchases(db, { actor, rows: sheet.rows });
    expect(preview).toMatchObject({ valid: 4, invalid: 0, year: 2025, replaces: 0 });
    expect(await commitPriorPurchases(db, { clock, actor, rows: sheet.rows })).toEqual({
      created: 4,
      year: 2025,
      replaced: 0,
    });

    // Bad rows: each named on its row; the import then writes nothing.
    const bad = [
      { row: 2, opd: "NOPE", supplier: "CV X", date: "2025-01-01", amount: "100000" },
      { row: 3, opd: "DINKES-PP", supplier: "", date: "2025-13-01", amount: "nol" },
      { row: 4, opd: "DINKES-PP", supplier: "CV Y", date: "2024-12-31", amount: "100000" },
    ];
    const report = readable(await previewPriorPurchases(db, { actor, rows: bad }));
    expect(report.invalid).toBe(3);
    expect(report.rows[0]!.errors.join()).toContain('"NOPE" tidak dikenal');
    expect(report.rows[1]!.errors, report.rows[1]!.errors.join(" / ")).toHaveLength(3);
    expect(report.rows[2]!.errors.join()).toContain("satu impor untuk satu tahun");
    const refused = await commitPriorPurchases(db, { clock, actor, rows: bad }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe("VALIDATION");
    expect(await db.priorPurchase.count()).toBe(4);
    // Only admins.
    const staff = await createUser(db, { role: "OPD_STAFF", opdId: dinkes.id });
    const forbidden = await previewPriorPurchases(db, {
      actor: { id: staff.id, role: "OPD_STAFF" },
      rows: sheet.rows,
    }).catch((e: unknown) => e);
    expect(isAppError(forbidden) && forbidden.code).toBe("FORBIDDEN");

    // Before the decree: one supplier however its name was typed; same metrics as the spread.
    const city = (await getBeforeDecree(db, { beforeYear: 2026, opdId: null }))!;
    expect(city.fiscalYear).toBe(2025);
    expect(city.total).toBe(12_000_000);
    expect(city.top).toEqual([
      { name: "CV Boga Rasa", value: 10_000_000 },
      { name: "Katering Sari", value: 1_500_000 },
      { name: "Warung Bu Sri", value: 500_000 },
    ]);
    expect(city.distribution).toEqual(distributionOf([10_000_000, 1_500_000, 500_000]));
    expect((await getBeforeDecree(db, { beforeYear: 2026, opdId: bappeda.id }))!.total).toBe(2_000_000);
    expect(await getBeforeDecree(db, { beforeYear: 2025, opdId: null })).toBeNull();

    // A second import of the same year replaces it.
    const again = [{ row: 2, opd: "BAPPEDA-PP", supplier: "Warung Bu Sri", date: "2025-03-03", amount: "750000" }];
    expect((await previewPriorPurchases(db, { actor, rows: again })).replaces).toBe(4);
    expect(await commitPriorPurchases(db, { clock, actor, rows: again })).toEqual({
      created: 1,
      year: 2025,
      replaced: 4,
    });
    expect(await listPriorYears(db, { actor })).toEqual([
      { fiscalYear: 2025, rows: 1, total: 750_000, suppliers: 1, importedAt: clock.now() },
    ]);
    const audit = await db.auditLog.findMany({ where: { action: "priorPurchases.imported" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.after)).toEqual([
      { rows: 4, total: 12_000_000 },
      { rows: 1, total: 750_000 },
    ]);
  });
});
