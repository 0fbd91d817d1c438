// The city's kop surat (issue 18): an admin sets the heading and uploads the logo; every letter prints both. A file
// that is not a PNG or JPEG (by its bytes), too large or unreadable is refused in words and changes nothing; two
// admins cannot overwrite each other unknowingly; only admins may change it.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { pdfText } from "@/tests/support/pdf-text";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { getLetterhead } from "@/lib/data/admin/letterhead";
import { saveLetterhead } from "@/lib/data/admin/save-letterhead";
import { printOrderDocument } from "@/lib/data/documents/print-order-document";
import { getDecreeFile } from "@/lib/data/decree/get-decree-file";
import { renderDecreePdf } from "@/lib/documents/decree-files";
import { qrPng } from "@/lib/documents/verification-qr";
import { DEFAULT_CITY_HEADING } from "@/lib/domain/letterhead";
import { AppError } from "@/lib/errors";
import { readable } from "@/tests/support/in-words";

const clock = fixedClock("2026-11-28T03:00:00Z");
const VIEWER = { role: "ADMIN" as const, opdId: null, vendorId: null };
const APP = "https://mamin.mojokertokota.go.id";

const images = (pdf: Buffer) => pdf.toString("latin1").split("/Subtype /Image").length - 1;

async function refused(p: Promise<unknown>, code: string, words?: RegExp) {
  const e = await p.catch((x: unknown) => x);
  expect(e instanceof AppError && e.code).toBe(code);
  if (words) expect(JSON.stringify(readable((e as AppError).details))).toMatch(words);
}

beforeAll(async () => {
  await seedDemo(testDb(), clock);
});

describe("the kop surat", () => {
  it("prints the heading and logo an admin set on every letter; refuses bad files, stale forms and other roles", async () => {
    const db = testDb();
    const admin = { id: (await db.user.findFirstOrThrow({ where: { role: "ADMIN" } })).id, role: "ADMIN" as const };
    const order = await db.order.findFirstOrThrow({ where: { status: "DELIVERED" }, orderBy: { number: "asc" } });
    const print = async () => {
      const r = await printOrderDocument(db, {
        clock,
        viewer: VIEWER,
        orderId: order.id,
        kind: "surat-pesanan",
        appUrl: APP,
      });
      if (!r.pdf) throw new Error("no letter");
      return r.pdf;
    };
    expect(await getLetterhead(db)).toMatchObject({ cityHeading: DEFAULT_CITY_HEADING, logo: null, version: 0 });
    const before = await print();
    expect(pdfText(before)).toContain(DEFAULT_CITY_HEADING);
    const qrOnly = images(before); // the QR code (with its mask, when pdfkit makes one)
    expect(qrOnly).toBeGreaterThanOrEqual(1);

    const logo = await qrPng("https://mojokertokota.go.id/lambang");
    await saveLetterhead(db, {
      clock,
      actor: admin,
      input: { cityHeading: "  Pemerintah   Kota Mojokerto ", version: "0" },
      logo,
    });
    const set = await getLetterhead(db);
    expect(set).toMatchObject({ cityHeading: "PEMERINTAH KOTA MOJOKERTO", version: 1, logo: { type: "image/png" } });
    expect(set.logo!.bytes.equals(logo)).toBe(true);
    const after = await print();
    expect(images(after)).toBe(qrOnly * 2); // the logo (a PNG of the same kind) beside the QR code
    expect(pdfText(after)).toContain("PEMERINTAH KOTA MOJOKERTO");
    expect(await db.auditLog.count({ where: { action: "letterhead.saved", entity: "Letterhead" } })).toBe(1);

    // Bad files: refused in words, nothing changes.
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
    await refused(
      saveLetterhead(db, { clock, actor: admin, input: { cityHeading: "Pemerintah Kota", version: "1" }, logo: gif }),
      "VALIDATION",
      /PNG atau JPEG/,
    );
    const huge = Buffer.concat([logo, Buffer.alloc(600 * 1024)]);
    await refused(
      saveLetterhead(db, { clock, actor: admin, input: { cityHeading: "Pemerintah Kota", version: "1" }, logo: huge }),
      "VALIDATION",
      /512 KB/,
    );
    const broken = Buffer.concat([logo.subarray(0, 8), Buffer.from("bukan gambar sama sekali")]);
    await refused(
      saveLetterhead(db, {
        clock,
        actor: admin,
        input: { cityHeading: "Pemerintah Kota", version: "1" },
        logo: broken,
      }),
      "VALIDATION",
      /tidak dapat dibaca/,
    );
    await refused(
      saveLetterhead(db, { clock, actor: admin, input: { cityHeading: "x", version: "1" } }),
      "VALIDATION",
      /Tulis kepala surat/,
    );
    // A form opened before the last save: refused, never overwriting it.
    await refused(
      saveLetterhead(db, { clock, actor: admin, input: { cityHeading: "Pemerintah Kota Lain", version: "0" } }),
      "CONFLICT",
    );
    await refused(
      saveLetterhead(db, {
        clock,
        actor: { id: admin.id, role: "OPD_STAFF" },
        input: { cityHeading: "Pemerintah Kota Lain", version: "1" },
      }),
      "FORBIDDEN",
    );
    expect(await getLetterhead(db)).toMatchObject({ cityHeading: "PEMERINTAH KOTA MOJOKERTO", version: 1 });

    // The decree attachment prints the same heading; removing the logo prints letters without it.
    const decree = await db.decree.findFirstOrThrow({ where: { status: "IN_FORCE" } });
    const file = (await getDecreeFile(db, { actor: admin, decreeId: decree.id }))!;
    expect(file.cityHeading).toBe("PEMERINTAH KOTA MOJOKERTO");
    expect(pdfText(await renderDecreePdf(file, clock.now()))).toContain("PEMERINTAH KOTA MOJOKERTO");
    await saveLetterhead(db, {
      clock,
      actor: admin,
      input: { cityHeading: "Pemerintah Kota Mojokerto", removeLogo: "on", version: "1" },
    });
    expect((await getLetterhead(db)).logo).toBeNull();
    expect(images(await print())).toBe(qrOnly);
  });
});
