// Issue 18: letters officials can sign — the OPD's official (name, NIP, title) and phone on them, numbers from the
// admin's pattern that never repeat or skip under concurrent first prints, the BAST's day in words and its delivery
// photo, the QR code's verification page (number, parties, amount, status, content hash; a changed order shows), and
// nothing printed as a replacement character.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { pdfText } from "@/tests/support/pdf-text";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { printOrderDocument } from "@/lib/data/documents/print-order-document";
import { verifyDocument } from "@/lib/data/documents/verify-document";
import { saveOpd } from "@/lib/data/admin/opds/save-opd";
import { withSettings } from "@/tests/factories/routing";
import { dayInWords } from "@/lib/domain/letters";
import { isAppError } from "@/lib/errors";
import { inIndonesian } from "@/tests/support/in-words";

const now = new Date("2026-11-28T03:00:00Z");
const clock = fixedClock(now);
const ADMIN = { role: "ADMIN" as const, opdId: null, vendorId: null };
const APP = "https://mamin.mojokertokota.go.id";

beforeAll(async () => {
  await seedDemo(testDb(), clock);
});

describe("letters", () => {
  it("carry the OPD's official with NIP and title, the pattern's number, the day in words and the QR's address", async () => {
    const db = testDb();
    const o = await db.order.findFirstOrThrow({
      where: { status: "DELIVERED", opd: { code: "DISKOMINFO" } },
      include: { opd: true, fulfilments: { where: { outcome: "DELIVERED" } } },
      orderBy: { number: "asc" },
    });
    const admin = { id: (await db.user.findFirstOrThrow({ where: { role: "ADMIN" } })).id, role: "ADMIN" as const };
    await saveOpd(db, {
      actor: admin,
      opdId: o.opdId,
      input: {
        code: o.opd.code,
        name: o.opd.name,
        address: "Jl. Gajah Mada No. 145, Kota Mojokerto",
        phone: "(0321) 321 234",
        headName: "Dra. Sri Lestari, M.Si.",
        headNip: "19750517 200003 2 004",
        headTitle: "Kepala Dinas Komunikasi dan Informatika",
      },
    });
    // A bad NIP is refused, in words, and changes nothing.
    const bad = await saveOpd(db, {
      actor: admin,
      opdId: o.opdId,
      input: {
        code: o.opd.code,
        name: o.opd.name,
        headNip: "1975 0517",
      },
    }).catch((e: unknown) => e);
    expect(isAppError(bad) && inIndonesian((bad.details?.issues as Record<string, string[]>).headNip?.[0])).toMatch(
      /NIP 18 angka/,
    );

    const sp = await withSettings(db, { spNumberPattern: "000.3/{seq}/417.{opd}/{month}/{year}" }, () =>
      printOrderDocument(db, { clock, viewer: ADMIN, orderId: o.id, kind: "surat-pesanan", appUrl: APP }),
    );
    if (!sp.pdf) throw new Error("no letter");
    expect(sp.number).toBe("000.3/1/417.DISKOMINFO/XI/2026");
    const text = pdfText(sp.pdf);
    expect(text).toContain(`Nomor: ${sp.number}`);
    expect(text).toContain("Dra. Sri Lestari, M.Si.");
    expect(text).toContain("NIP. 19750517 200003 2 004");
    expect(text).toContain("Kepala Dinas Komunikasi dan Informatika");
    expect(text).toContain("Telepon 0321321234");
    expect(text).toContain(sp.verifyUrl);
    expect(sp.verifyUrl).toMatch(/^https:\/\/mamin\.mojokertokota\.go\.id\/verifikasi\/[A-Za-z0-9_-]{12}$/);
    expect(text).not.toMatch(/\uFFFD/);
    // The QR code is an image on the page.
    expect(sp.pdf.toString("latin1")).toContain("/Subtype /Image");
    // Printed again: the same number (and the pattern changing later does not renumber it).
    const again = await printOrderDocument(db, {
      clock,
      viewer: ADMIN,
      orderId: o.id,
      kind: "surat-pesanan",
      appUrl: APP,
    });
    expect(again.pdf && again.number).toBe(sp.number);

    const bast = await printOrderDocument(db, { clock, viewer: ADMIN, orderId: o.id, kind: "bast", appUrl: APP });
    if (!bast.pdf) throw new Error("no BAST");
    expect(bast.number).toBe("000.3/1/BAST/417.DISKOMINFO/2026");
    const bastText = pdfText(bast.pdf);
    expect(bastText).toContain(`Pada hari ini ${dayInWords(o.fulfilments[0]!.deliveredAt!)}`);
  });

  it("are numbered without repeat or gap when many are first printed at once, and twice at once prints one number", async () => {
    const db = testDb();
    const orders = await db.order.findMany({
      where: { status: "DELIVERED", opd: { code: "DINKESP2KB" } },
      orderBy: { number: "asc" },
      take: 8,
    });
    expect(orders.length).toBeGreaterThanOrEqual(4);
    const print = (orderId: string) =>
      printOrderDocument(db, { clock, viewer: ADMIN, orderId, kind: "bast", appUrl: APP });
    // Every order printed twice, all at once.
    await Promise.all(orders.flatMap((o) => [print(o.id), print(o.id)]));
    const issued = await db.issuedDocument.findMany({
      where: { kind: "bast", orderId: { in: orders.map((o) => o.id) } },
      orderBy: { seq: "asc" },
    });
    expect(issued.map((d) => d.seq)).toEqual(orders.map((_, i) => i + 1));
    expect(new Set(issued.map((d) => d.number)).size).toBe(orders.length);
    const counter = await db.documentCounter.findFirstOrThrow({ where: { kind: "bast", opdId: orders[0]!.opdId } });
    expect(counter.last).toBe(orders.length);
  });

  it("open a public verification page from the QR code: number, parties, amount, status, hash — and say when the order changed", async () => {
    const db = testDb();
    const o = await db.order.findFirstOrThrow({
      where: { status: "DELIVERED", opd: { code: "DISHUB" } },
      include: { vendor: true, opd: true },
    });
    const printed = await printOrderDocument(db, { clock, viewer: ADMIN, orderId: o.id, kind: "bast", appUrl: APP });
    if (!printed.pdf) throw new Error("no BAST");
    const code = printed.verifyUrl.split("/").pop()!;
    const v = (await verifyDocument(db, code))!;
    expect(v).toMatchObject({ kind: "bast", number: printed.number, orderStatus: "DELIVERED", intact: true });
    expect(v.content).toMatchObject({ orderNumber: o.number, opd: o.opd.name, vendor: o.vendor!.name });
    expect(pdfText(printed.pdf)).toContain(`sidik isi ${v.contentHash.slice(0, 16)}`);
    // Nothing personal on it: no contact person or phone.
    expect(JSON.stringify(v)).not.toContain(o.contactPhone);
    expect(JSON.stringify(v)).not.toContain(o.contactName);
    expect(await verifyDocument(db, "tidak-ada-kode")).toBeNull();
    expect(await verifyDocument(db, "../../etc")).toBeNull();
    // An order whose data no longer match what was printed reads as changed.
    await db.$executeRaw`UPDATE "Vendor" SET name = name || ' (berganti nama)' WHERE id = ${o.vendorId}::uuid`;
    expect((await verifyDocument(db, code))!.intact).toBe(false);
  });
});
