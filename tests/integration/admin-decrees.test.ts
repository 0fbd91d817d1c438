import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import ExcelJS from "exceljs";
import { pdfText } from "@/tests/support/pdf-text";
import { renderDecreePdf, renderDecreeXlsx } from "@/lib/documents/decree-files";
import { createDecreeDraft } from "@/lib/data/decree/create-decree-draft";
import { getDecreeFile } from "@/lib/data/decree/get-decree-file";
import { getDecreeGrid } from "@/lib/data/decree/get-decree-grid";
import { importAllocations } from "@/lib/data/decree/import-allocations";
import { publishDecree } from "@/lib/data/decree/publish-decree";
import { saveAllocations } from "@/lib/data/decree/save-allocations";
import { updateDecreeHeader } from "@/lib/data/decree/update-decree-header";
import { listDecrees } from "@/lib/data/decree/list-decrees";
import { findDecreeInForce } from "@/lib/data/decree/find-decree-in-force";
import { submitOrder } from "@/lib/data/orders/submit-order";

const admin = { id: "00000000-0000-4000-8000-0000000000ad", role: "ADMIN" as const };

async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

const header = (over: Record<string, unknown> = {}) => ({
  number: `188.45/${Math.floor(Math.random() * 1e6)}/417.101/2026`,
  title: "Penetapan UMKM penyedia mamin perangkat daerah",
  signedOn: "2026-06-01",
  effectiveFrom: "2026-07-01",
  effectiveTo: "",
  notes: "",
  ...over,
});

describe("decrees", () => {
  it("drafts from the decree in force, edits the grid with a version check, shows the diff, and publishes", async () => {
    const db = testDb();
    const city = await createCity(db, {
      opds: 2,
      vendors: 3,
      pools: [
        [0, 1],
        [1, 2],
      ],
    });
    const clock = fixedClock("2026-06-01T02:00:00Z");
    const old = (await findDecreeInForce(db, "2026-06-01"))!;
    const { id } = await createDecreeDraft(db, { clock, actor: admin, input: header(), copyFromInForce: true });
    let g = (await getDecreeGrid(db, { clock, actor: admin, decreeId: id }))!;
    const mine = (o: number, v: number) => `${city.opds[o]!.id}:${city.vendors[v]!.id}`;
    expect(g.cells).toHaveProperty(mine(0, 0));
    expect(g.diff).toMatchObject({ against: old.number, added: [], removed: [] });

    // Two admins opened version 1: the first save wins, the second is a conflict and changes nothing.
    const pairs = [mine(0, 0), mine(0, 1), mine(0, 2), mine(1, 1), mine(1, 2)];
    const saved = await saveAllocations(db, { actor: admin, decreeId: id, cells: pairs, version: String(g.version) });
    expect(saved).toEqual({ added: 1, removed: 0 });
    await expectCode(
      saveAllocations(db, { actor: admin, decreeId: id, cells: [mine(0, 0)], version: String(g.version) }),
      "CONFLICT",
    );
    g = (await getDecreeGrid(db, { clock, actor: admin, decreeId: id }))!;
    expect(g.rowCounts[city.opds[0]!.id]).toBe(3);
    expect(g.diff!.added).toEqual([{ opdId: city.opds[0]!.id, vendorId: city.vendors[2]!.id }]);
    expect(g.thinOpds).not.toContain(city.opds[0]!.id);
    await expectCode(
      saveAllocations(db, { actor: admin, decreeId: id, cells: ["nonsense"], version: String(g.version) }),
      "VALIDATION",
    );
    await expectCode(
      saveAllocations(db, {
        actor: admin,
        decreeId: id,
        cells: [`${city.opds[0]!.id}:00000000-0000-4000-8000-000000000000`],
        version: String(g.version),
      }),
      "VALIDATION",
    );
    await expectCode(
      updateDecreeHeader(db, {
        actor: admin,
        decreeId: id,
        input: {
          ...header({ effectiveTo: "2026-06-30" }),
          version: String(g.version),
        },
      }),
      "VALIDATION",
    );

    // Publishing: from 1 July the new decree routes; before that, the old one still does.
    await publishDecree(db, { clock, actor: admin, decreeId: id, version: String(g.version) });
    expect((await findDecreeInForce(db, "2026-07-01"))!.id).toBe(id);
    expect((await findDecreeInForce(db, "2026-06-30"))!.id).toBe(old.id);
    const oldAfter = await db.decree.findUniqueOrThrow({ where: { id: old.id } });
    expect(oldAfter).toMatchObject({ status: "SUPERSEDED" });
    expect(oldAfter.effectiveTo?.toISOString().slice(0, 10)).toBe("2026-06-30");
    // Published decrees are frozen.
    await expectCode(
      saveAllocations(db, { actor: admin, decreeId: id, cells: pairs, version: String(g.version + 1) }),
      "INVALID_STATE",
    );
    expect(await db.auditLog.count({ where: { entityId: id, action: "decree.published" } })).toBe(1);

    // An order for July is routed under the new decree: OPD 0 now also has vendor 2.
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
    const r = await submitOrder(db, {
      clock,
      actor: staff,
      input: orderInput({ deliveryAt: new Date("2026-07-10T03:00:00Z") }),
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: r.orderId } })).decreeId).toBe(id);
  });

  it("refuses to publish an empty draft or one that starts in the past, and duplicate numbers", async () => {
    const db = testDb();
    const clock = fixedClock("2026-06-01T02:00:00Z");
    const h = header();
    const empty = await createDecreeDraft(db, { clock, actor: admin, input: h, copyFromInForce: false });
    await expectCode(createDecreeDraft(db, { clock, actor: admin, input: h, copyFromInForce: false }), "CONFLICT");
    await expectCode(publishDecree(db, { clock, actor: admin, decreeId: empty.id, version: "1" }), "VALIDATION");
    const past = await createDecreeDraft(db, {
      clock,
      actor: admin,
      input: header({ effectiveFrom: "2026-05-01" }),
      copyFromInForce: true,
    });
    await expectCode(publishDecree(db, { clock, actor: admin, decreeId: past.id, version: "1" }), "VALIDATION");
    await expectCode(
      createDecreeDraft(db, {
        clock,
        actor: { id: admin.id, role: "MAYOR" },
        input: header(),
        copyFromInForce: false,
      }),
      "FORBIDDEN",
    );
    // Each use case authorises its caller itself: reads too, whoever calls them.
    const staff = { id: admin.id, role: "OPD_STAFF" as const };
    await expectCode(listDecrees(db, { actor: staff }), "FORBIDDEN");
    await expectCode(getDecreeGrid(db, { clock, actor: staff, decreeId: empty.id }), "FORBIDDEN");
    await expectCode(getDecreeFile(db, { actor: staff, decreeId: empty.id }), "FORBIDDEN");
    expect(await getDecreeFile(db, { actor: { id: admin.id, role: "MAYOR" }, decreeId: empty.id })).toMatchObject({
      number: h.number,
    });
    expect((await listDecrees(db, { actor: admin })).map((d) => d.id)).toContain(empty.id);
  });
});

describe("decree files and the matrix import", () => {
  it("round-trips: the downloaded matrix imports back unchanged; a sheet with any bad cell writes nothing", async () => {
    const db = testDb();
    const city = await createCity(db, {
      opds: 2,
      vendors: 3,
      pools: [
        [0, 1],
        [1, 2],
      ],
    });
    const clock = fixedClock("2026-06-01T02:00:00Z");
    const { id } = await createDecreeDraft(db, { clock, actor: admin, input: header(), copyFromInForce: true });
    const file = (await getDecreeFile(db, { actor: admin, decreeId: id }))!;
    const pdf = await renderDecreePdf(file, clock.now());
    expect(pdfText(pdf)).toContain(`NOMOR ${file.number}`);
    // A draft says so across the page and carries no date of setting; a published one says where and when it was set.
    expect(pdfText(pdf)).toContain("RANCANGAN");
    expect(pdfText(pdf)).not.toContain("Ditetapkan di Mojokerto");
    const published = pdfText(
      await renderDecreePdf(
        { ...file, status: "IN_FORCE", signedOn: new Date("2026-05-28T00:00:00Z"), publishedAt: clock.now() },
        clock.now(),
      ),
    );
    expect(published).not.toContain("RANCANGAN");
    expect(published).toContain("Ditetapkan di Mojokerto");
    expect(published).toContain("pada tanggal 28 Mei 2026");
    const xlsx = await renderDecreeXlsx(file, clock.now());

    const before = (await getDecreeGrid(db, { clock, actor: admin, decreeId: id }))!;
    const same = await importAllocations(db, {
      actor: admin,
      decreeId: id,
      bytes: xlsx,
      version: String(before.version),
    });
    expect(same).toMatchObject({ ok: true, added: 0, removed: 0 });
    expect(Object.keys((await getDecreeGrid(db, { clock, actor: admin, decreeId: id }))!.cells).sort()).toEqual(
      Object.keys(before.cells).sort(),
    );

    // Edit the workbook: tick OPD 0 × vendor 2, and put nonsense in another cell → refused, nothing written.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(xlsx).buffer);
    const ws = wb.getWorksheet("Alokasi")!;
    const header1 = ws.getRow(1).values as unknown[];
    const col = (code: string) => header1.findIndex((v) => v === code);
    const row = (code: string) =>
      [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getRow(r).getCell(1).value === code)!;
    ws.getRow(row(city.opds[0]!.code)).getCell(col(city.vendors[2]!.code)).value = 1;
    ws.getRow(row(city.opds[1]!.code)).getCell(col(city.vendors[0]!.code)).value = "mungkin";
    ws.getRow(ws.rowCount + 1).getCell(1).value = "OPD-TIDAK-ADA";
    const bad = await importAllocations(db, {
      actor: admin,
      decreeId: id,
      bytes: Buffer.from(await wb.xlsx.writeBuffer()),
      version: String(before.version + 1),
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.some((e) => e.includes("mungkin"))).toBe(true);
      expect(bad.errors.some((e) => e.includes("OPD-TIDAK-ADA"))).toBe(true);
    }
    expect(Object.keys((await getDecreeGrid(db, { clock, actor: admin, decreeId: id }))!.cells).sort()).toEqual(
      Object.keys(before.cells).sort(),
    );

    ws.getRow(row(city.opds[1]!.code)).getCell(col(city.vendors[0]!.code)).value = null;
    ws.spliceRows(ws.rowCount, 1);
    const good = await importAllocations(db, {
      actor: admin,
      decreeId: id,
      bytes: Buffer.from(await wb.xlsx.writeBuffer()),
      version: String(before.version + 1),
    });
    expect(good).toMatchObject({ ok: true, added: 1, removed: 0 });
    const after = (await getDecreeGrid(db, { clock, actor: admin, decreeId: id }))!;
    expect(after.cells).toHaveProperty(`${city.opds[0]!.id}:${city.vendors[2]!.id}`);
    expect(
      await importAllocations(db, {
        actor: admin,
        decreeId: id,
        bytes: Buffer.from("not excel"),
        version: String(after.version),
      }),
    ).toMatchObject({
      ok: false,
    });
  });
});
