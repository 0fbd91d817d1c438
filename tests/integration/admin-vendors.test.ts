import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createVendor } from "@/lib/data/admin/vendors/create-vendor";
import { createVendorLogin } from "@/lib/data/admin/vendors/create-vendor-login";
import { getVendorForAdmin } from "@/lib/data/admin/vendors/get-vendor-for-admin";
import { listVendors } from "@/lib/data/admin/vendors/list-vendors";
import { saveVendorDocument } from "@/lib/data/admin/vendors/save-vendor-document";
import { updateEkatalog } from "@/lib/data/admin/vendors/update-ekatalog";
import { updateVendor } from "@/lib/data/admin/vendors/update-vendor";
import { authenticateUser } from "@/lib/data/user/authenticate-user";
import { getVendorProfile } from "@/lib/data/vendor/profile/get-vendor-profile";
import { saveMenuItemForVendor } from "@/lib/data/vendor/profile/save-menu-item";
import { getDocumentScan } from "@/lib/data/admin/document-scans";
import { warnExpiringDocuments } from "@/lib/data/admin/document-expiry";
import { readable } from "@/tests/support/in-words";

const clock = fixedClock("2026-06-01T02:00:00Z");
const admin = { id: "00000000-0000-4000-8000-0000000000ad", role: "ADMIN" as const };

async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

let seq = 0;
function vendorInput(over: Record<string, unknown> = {}) {
  seq += 1;
  return {
    code: `umkm-t${seq}-${Date.now() % 100000}`,
    name: "Dapur Bu Sri",
    ownerName: "Sri Wahyuni",
    nib: "1234567890123",
    npwp: "01.234.567.8-602.000",
    address: "Jl. Empunala 12",
    kelurahan: "Balongsari",
    kecamatan: "Magersari",
    whatsapp: "0812 3456 7890",
    email: "",
    dailyCapacityPax: "120",
    hasPp55: true,
    ...over,
  };
}

const checklist = (over: Record<string, unknown> = {}) => ({
  ekHasNib: false,
  ekHasNpwp: false,
  ekHasPirt: false,
  ekHasHalal: false,
  kbliCode: "",
  ekInaprocAccount: false,
  ekProductLive: false,
  ekatalogUrl: "",
  ...over,
});

describe("the vendor registry", () => {
  it("creates a vendor (code upper-cased, unique), refuses bad input and other roles, and audits", async () => {
    const db = testDb();
    const input = vendorInput();
    const { id } = await createVendor(db, { clock, actor: admin, input });
    const v = await db.vendor.findUniqueOrThrow({ where: { id } });
    expect(v).toMatchObject({ code: input.code.toUpperCase(), ekatalogStatus: "BELUM", status: "ACTIVE", email: null });
    await expectCode(createVendor(db, { clock, actor: admin, input: { ...input, name: "Lain" } }), "CONFLICT");
    await expectCode(
      createVendor(db, { clock, actor: admin, input: vendorInput({ nib: "12", whatsapp: "1" }) }),
      "VALIDATION",
    );
    await expectCode(
      createVendor(db, { clock, actor: admin, input: vendorInput({ status: "REMOVED" }) }),
      "VALIDATION",
    ); // strict
    // Reads authorise their caller too: an agency's staff cannot read the registry.
    const staff = { id: admin.id, role: "OPD_STAFF" as const };
    await expectCode(listVendors(db, { clock, actor: staff, query: {} }), "FORBIDDEN");
    await expectCode(getVendorForAdmin(db, { clock, actor: staff, vendorId: id }), "FORBIDDEN");
    await expectCode(
      createVendor(db, { clock, actor: { id: admin.id, role: "OPD_STAFF" }, input: vendorInput() }),
      "FORBIDDEN",
    );
    expect(await db.auditLog.count({ where: { entityId: id, action: "vendor.created" } })).toBe(1);
  });

  it("lets an admin add a menu on a vendor's behalf, with the vendor's own rules, audited as the admin", async () => {
    const db = testDb();
    await db.priceCeiling.createMany({
      data: [{ category: "MAKAN", fiscalYear: 2026, maxPerPax: 49_000n }],
      skipDuplicates: true,
    });
    const { id } = await createVendor(db, { clock, actor: admin, input: vendorInput() });
    const item = { category: "MAKAN", name: "Nasi kotak ayam bakar", pricePerPax: "35.000", active: true };
    const { id: menuId } = await saveMenuItemForVendor(db, { clock, actor: admin, vendorId: id, input: item });
    expect(await db.vendorMenuItem.findUniqueOrThrow({ where: { id: menuId } })).toMatchObject({
      vendorId: id,
      pricePerPax: 35_000n,
    });
    expect(
      await db.auditLog.count({ where: { entityId: menuId, action: "vendor.menu_added", actorRole: "ADMIN" } }),
    ).toBe(1);
    await expectCode(
      saveMenuItemForVendor(db, { clock, actor: admin, vendorId: id, input: { ...item, pricePerPax: "490.000" } }),
      "VALIDATION",
    );
    await expectCode(
      saveMenuItemForVendor(db, { clock, actor: { id: admin.id, role: "OPD_STAFF" }, vendorId: id, input: item }),
      "FORBIDDEN",
    );
    await expectCode(
      saveMenuItemForVendor(db, { clock, actor: admin, vendorId: "0b6f5a5e-1f0e-4c55-9a57-3d3f0f3a9c11", input: item }),
      "NOT_FOUND",
    );
  });

  it("updates with a version check: a stale form is a conflict and overwrites nothing", async () => {
    const db = testDb();
    const { id } = await createVendor(db, { clock, actor: admin, input: vendorInput() });
    await updateVendor(db, {
      actor: admin,
      vendorId: id,
      input: { ...vendorInput({ name: "Dapur Bu Sri Baru" }), version: "1" },
    });
    await expectCode(
      updateVendor(db, { actor: admin, vendorId: id, input: { ...vendorInput({ name: "Tertimpa" }), version: "1" } }),
      "CONFLICT",
    );
    expect((await db.vendor.findUniqueOrThrow({ where: { id } })).name).toBe("Dapur Bu Sri Baru");
  });

  it("drives the e-Katalog status from the checklist: BELUM → PROSES → TAYANG, never live without a link", async () => {
    const db = testDb();
    const { id } = await createVendor(db, { clock, actor: admin, input: vendorInput() });
    await updateEkatalog(db, {
      actor: admin,
      vendorId: id,
      input: { ...checklist({ ekHasNib: true, kbliCode: "56210" }), version: "1" },
    });
    expect((await db.vendor.findUniqueOrThrow({ where: { id } })).ekatalogStatus).toBe("PROSES");
    await expectCode(
      updateEkatalog(db, {
        actor: admin,
        vendorId: id,
        input: { ...checklist({ ekProductLive: true }), version: "2" },
      }),
      "VALIDATION",
    );
    await updateEkatalog(db, {
      actor: admin,
      vendorId: id,
      input: {
        ...checklist({
          ekHasNib: true,
          ekHasNpwp: true,
          ekInaprocAccount: true,
          ekProductLive: true,
          ekatalogUrl: "https://e-katalog.lkpp.go.id/produk/123",
        }),
        version: "2",
      },
    });
    expect((await db.vendor.findUniqueOrThrow({ where: { id } })).ekatalogStatus).toBe("TAYANG");
    const list = await listVendors(db, {
      clock: clock,
      actor: admin,
      query: {
        ekatalog: "TAYANG",
        q: (await db.vendor.findUniqueOrThrow({ where: { id } })).code,
      },
    });
    expect(list.rows.map((r) => r.id)).toEqual([id]);
    expect(list.progress.live).toBeGreaterThanOrEqual(1);
  });

  it("records documents, warns 30 days before expiry, and filters on it", async () => {
    const db = testDb();
    const { id } = await createVendor(db, { clock, actor: admin, input: vendorInput() });
    await saveVendorDocument(db, {
      clock: clock,
      actor: admin,
      vendorId: id,
      input: {
        type: "PIRT",
        number: "P-IRT 123",
        issuedOn: "2024-01-01",
        expiresOn: "2026-06-20",
      },
    });
    await saveVendorDocument(db, {
      clock: clock,
      actor: admin,
      vendorId: id,
      input: {
        type: "HALAL",
        number: "ID123",
        issuedOn: "",
        expiresOn: "2029-01-01",
      },
    });
    await expectCode(
      saveVendorDocument(db, {
        clock: clock,
        actor: admin,
        vendorId: id,
        input: {
          type: "NIB",
          number: "123",
          issuedOn: "2026-01-02",
          expiresOn: "2026-01-01",
        },
      }),
      "VALIDATION",
    );
    const v = (await getVendorForAdmin(db, { clock, actor: admin, vendorId: id }))!;
    expect(v.documents.find((d) => d.type === "PIRT")).toMatchObject({ expiring: true, expired: false });
    expect(v.documents.find((d) => d.type === "HALAL")).toMatchObject({ expiring: false });
    const expiring = await listVendors(db, { clock, actor: admin, query: { expiring: "1", q: v.code } });
    expect(expiring.rows.map((r) => r.id)).toEqual([id]);
    expect(expiring.rows[0]!.expiringDocuments).toBe(1);
    // Saving again replaces, never duplicates.
    await saveVendorDocument(db, {
      clock: clock,
      actor: admin,
      vendorId: id,
      input: {
        type: "PIRT",
        number: "P-IRT 124",
        issuedOn: "",
        expiresOn: "2030-01-01",
      },
    });
    expect(await db.vendorDocument.count({ where: { vendorId: id, type: "PIRT" } })).toBe(1);
  });

  it("takes the NIB and NPWP numbers from the identity fields: typed once, carried over, removed with them", async () => {
    const db = testDb();
    const { id } = await createVendor(db, { clock, actor: admin, input: vendorInput({ npwp: "" }) });
    // NIB: the document takes the vendor's number whatever the form sends.
    await saveVendorDocument(db, {
      clock: clock,
      actor: admin,
      vendorId: id,
      input: { type: "NIB", number: "9999999999999", issuedOn: "2024-01-02" },
    });
    const nib = () => db.vendorDocument.findUnique({ where: { vendorId_type: { vendorId: id, type: "NIB" } } });
    expect((await nib())!.number).toBe("1234567890123");
    // NPWP: the vendor has none yet — refused in words, nothing written.
    await expect(
      saveVendorDocument(db, { clock, actor: admin, vendorId: id, input: { type: "NPWP", issuedOn: "" } }),
    ).rejects.toSatisfy(
      (e) =>
        e instanceof AppError &&
        e.code === "VALIDATION" &&
        JSON.stringify(readable(e.details)).includes("Isi NPWP di data usaha terlebih dulu"),
    );
    expect(await db.vendorDocument.count({ where: { vendorId: id, type: "NPWP" } })).toBe(0);
    // Other documents still need a number of their own.
    await expectCode(
      saveVendorDocument(db, {
        clock: clock,
        actor: admin,
        vendorId: id,
        input: { type: "PIRT", number: "", issuedOn: "" },
      }),
      "VALIDATION",
    );
    // A corrected NIB in the identity form is carried to the document; a removed one takes the document with it.
    const version = () => db.vendor.findUniqueOrThrow({ where: { id } }).then((v) => v.version);
    await updateVendor(db, {
      actor: admin,
      vendorId: id,
      input: { ...vendorInput({ nib: "3210987654321" }), version: await version() },
    });
    expect((await nib())!.number).toBe("3210987654321");
    await updateVendor(db, {
      actor: admin,
      vendorId: id,
      input: { ...vendorInput({ nib: "" }), version: await version() },
    });
    expect(await nib()).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "vendor.updated", entityId: id },
      orderBy: { at: "desc" },
    });
    expect(audit.after).toMatchObject({ nib: null, documentsRemoved: ["NIB"] });
  });

  it("keeps a document's scan (PDF, JPEG or PNG by its bytes, at most 5 MB) for admins and that vendor only", async () => {
    const db = testDb();
    const { id } = await createVendor(db, { clock, actor: admin, input: vendorInput() });
    const other = await createVendor(db, { clock, actor: admin, input: vendorInput() });
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    const pirt = { type: "PIRT", number: "P-IRT 777", issuedOn: "", expiresOn: "2030-01-01" };
    // Not a scan by its bytes, or too large: refused in words, nothing written.
    for (const [bytes, words] of [
      [Buffer.from("GIF89a........"), /PDF, JPEG atau PNG/],
      [Buffer.from("<html><script>alert(1)</script></html>"), /PDF, JPEG atau PNG/],
      [Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]), /5 MB/],
    ] as const) {
      const e = await saveVendorDocument(db, {
        clock: clock,
        actor: admin,
        vendorId: id,
        input: pirt,
        scan: bytes,
      }).catch((x: unknown) => x);
      expect(e instanceof AppError && e.code).toBe("VALIDATION");
      expect(JSON.stringify(readable((e as AppError).details))).toMatch(words);
    }
    expect(await db.vendorDocument.count({ where: { vendorId: id } })).toBe(0);
    await saveVendorDocument(db, { clock, actor: admin, vendorId: id, input: pirt, scan: pdf });
    const doc = await db.vendorDocument.findUniqueOrThrow({ where: { vendorId_type: { vendorId: id, type: "PIRT" } } });
    const admins = await getDocumentScan(db, { actor: { role: "ADMIN", vendorId: null }, documentId: doc.id });
    expect(admins).toMatchObject({ contentType: "application/pdf" });
    expect(admins!.bytes.equals(pdf)).toBe(true);
    expect(admins!.fileName).toMatch(/-PIRT\.pdf$/);
    expect(await getDocumentScan(db, { actor: { role: "VENDOR", vendorId: id }, documentId: doc.id })).not.toBeNull();
    // Anyone else: as if there were none.
    expect(await getDocumentScan(db, { actor: { role: "VENDOR", vendorId: other.id }, documentId: doc.id })).toBeNull();
    expect(await getDocumentScan(db, { actor: { role: "OPD_STAFF", vendorId: null }, documentId: doc.id })).toBeNull();
    expect(await getDocumentScan(db, { actor: { role: "MAYOR", vendorId: null }, documentId: doc.id })).toBeNull();
    expect(await getDocumentScan(db, { actor: { role: "ADMIN", vendorId: null }, documentId: "bukan-id" })).toBeNull();
    // Saving the dates again keeps the scan; a new scan replaces it (one per document).
    await saveVendorDocument(db, {
      clock: clock,
      actor: admin,
      vendorId: id,
      input: { ...pirt, expiresOn: "2031-01-01" },
    });
    expect(await db.vendorDocumentScan.count({ where: { documentId: doc.id } })).toBe(1);
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    await saveVendorDocument(db, { clock, actor: admin, vendorId: id, input: pirt, scan: png });
    expect(
      (await getDocumentScan(db, { actor: { role: "VENDOR", vendorId: id }, documentId: doc.id }))!.contentType,
    ).toBe("image/png");
    // The vendor sees its documents, and that a scan can be downloaded.
    const profile = await getVendorProfile(db, { clock, actor: { role: "VENDOR", vendorId: id } });
    expect(profile.documents).toEqual([expect.objectContaining({ type: "PIRT", number: "P-IRT 777", hasScan: true })]);
  });

  it("creates the owner's login, which then signs in; a taken username is refused; no secret in the audit", async () => {
    const db = testDb();
    const { id } = await createVendor(db, { clock, actor: admin, input: vendorInput() });
    const username = `sri-${Date.now() % 100000}`;
    await createVendorLogin(db, { actor: admin, vendorId: id, input: { username, password: "kata-sandi-panjang" } });
    await expectCode(
      createVendorLogin(db, { actor: admin, vendorId: id, input: { username, password: "kata-sandi-panjang" } }),
      "CONFLICT",
    );
    await expectCode(
      createVendorLogin(db, { actor: admin, vendorId: id, input: { username: "x", password: "short" } }),
      "VALIDATION",
    );
    const user = await authenticateUser(db, clock, { username, password: "kata-sandi-panjang" });
    expect(user).toMatchObject({ role: "VENDOR", vendorId: id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.created", entityId: user!.id } });
    const text = JSON.stringify({ before: audit.before, after: audit.after });
    expect(text).not.toContain("kata-sandi-panjang");
    expect(text).not.toContain("argon2");
  });
});

describe("document expiry warnings", () => {
  it("warns the admins and the vendor once per expiry date, and again after a renewal comes near its end", async () => {
    const db = testDb();
    const { id } = await createVendor(db, { clock, actor: admin, input: vendorInput() });
    const owner = await db.user.create({
      data: {
        username: `owner-${Date.now() % 100000}`,
        name: "Pemilik",
        passwordHash: "x",
        role: "VENDOR",
        vendorId: id,
      },
    });
    await saveVendorDocument(db, {
      clock: clock,
      actor: admin,
      vendorId: id,
      input: {
        type: "HALAL",
        number: "ID-1",
        issuedOn: "",
        expiresOn: "2026-06-15",
      },
    });
    const first = await warnExpiringDocuments(db, clock);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await warnExpiringDocuments(db, clock)).toBe(0);
    const mine = () => db.notification.count({ where: { userId: owner.id, kind: "document.expiring" } });
    expect(await mine()).toBe(1);
    // Renewed for three years: no warning now…
    await saveVendorDocument(db, {
      clock: clock,
      actor: admin,
      vendorId: id,
      input: {
        type: "HALAL",
        number: "ID-2",
        issuedOn: "",
        expiresOn: "2029-06-15",
      },
    });
    expect(await warnExpiringDocuments(db, clock)).toBe(0);
    // …until that date comes near.
    const later = fixedClock("2029-06-01T02:00:00Z");
    expect(await warnExpiringDocuments(db, later)).toBeGreaterThanOrEqual(1);
    expect(await mine()).toBe(2);
  });
});
