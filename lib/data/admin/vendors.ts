// The vendor registry, for admins: list with search and filters, the pilot's e-Katalog progress, a vendor's
// full record, and the changes — identity and contact (optimistic version check), documents, the
// e-Katalog checklist (which drives the status), the owner's login. Each change is one transaction with its
// audit row.
import type { AuditAction } from "@/lib/domain/audit-actions";
import { z } from "zod";
import { filterText } from "@/lib/validation/query";
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import {
  documentSchema,
  ekatalogSchema,
  vendorLoginSchema,
  vendorSchema,
  versionSchema,
} from "@/lib/validation/admin-vendor";
import { ekatalogStatusOf, IDENTITY_DOCUMENTS, identityNumberField, MENU_CATEGORIES } from "@/lib/domain/vendor";
import { hashPassword } from "@/lib/auth/password";
import { checkScan, storeScan } from "@/lib/data/admin/document-scans";
import { dayAsDate, wibDay } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocumentType, EkatalogStatus, MenuCategory, VendorStatus } from "@/lib/generated/prisma/enums";
import { vm } from "@/lib/domain/validation-message";

export const VENDOR_PAGE_SIZE = 25;
export const EXPIRY_WARNING_DAYS = 30;

export const vendorListQuerySchema = z.object({
  q: filterText(100),
  status: z.enum(["ACTIVE", "SUSPENDED", "REMOVED"]).optional().catch(undefined),
  ekatalog: z.enum(["BELUM", "PROSES", "TAYANG"]).optional().catch(undefined),
  kelurahan: filterText(80),
  category: z.enum(MENU_CATEGORIES).optional().catch(undefined),
  expiring: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type VendorListQuery = z.infer<typeof vendorListQuerySchema>;

type AdminActor = Actor & { id: string };
function admin(actor: AdminActor) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
}

const expiryLimit = (clock: Clock) =>
  new Date(dayAsDate(wibDay(clock.now())).getTime() + EXPIRY_WARNING_DAYS * 86_400_000);

export interface VendorListRow {
  id: string;
  code: string;
  name: string;
  ownerName: string;
  kelurahan: string;
  status: VendorStatus;
  ekatalogStatus: EkatalogStatus;
  categories: MenuCategory[];
  expiringDocuments: number;
  hasLogin: boolean;
}

export async function listVendors(tx: Tx, clock: Clock, query: VendorListQuery) {
  const limit = expiryLimit(clock);
  const where: Prisma.VendorWhereInput = {};
  if (query.status) where.status = query.status;
  if (query.ekatalog) where.ekatalogStatus = query.ekatalog;
  if (query.kelurahan) where.kelurahan = query.kelurahan;
  if (query.category) where.menuItems = { some: { category: query.category, active: true } };
  if (query.expiring) where.documents = { some: { expiresOn: { lte: limit } } };
  if (query.q) {
    where.OR = [
      { name: { contains: query.q, mode: "insensitive" } },
      { code: { contains: query.q, mode: "insensitive" } },
      { ownerName: { contains: query.q, mode: "insensitive" } },
      { nib: { contains: query.q } },
    ];
  }
  const [total, progress, kelurahan] = await Promise.all([
    tx.vendor.count({ where }),
    tx.vendor.groupBy({ by: ["ekatalogStatus"], where: { status: { not: "REMOVED" } }, _count: true }),
    tx.vendor.findMany({ distinct: ["kelurahan"], select: { kelurahan: true }, orderBy: { kelurahan: "asc" } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / VENDOR_PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pages);
  const rows = await tx.vendor.findMany({
    where,
    orderBy: [{ code: "asc" }],
    skip: (page - 1) * VENDOR_PAGE_SIZE,
    take: VENDOR_PAGE_SIZE,
    select: {
      id: true,
      code: true,
      name: true,
      ownerName: true,
      kelurahan: true,
      status: true,
      ekatalogStatus: true,
      menuItems: { where: { active: true }, select: { category: true }, distinct: ["category"] },
      _count: { select: { documents: { where: { expiresOn: { lte: limit } } }, users: true } },
    },
  });
  const count = (s: EkatalogStatus) => progress.find((g) => g.ekatalogStatus === s)?._count ?? 0;
  return {
    rows: rows.map((v): VendorListRow => ({
      id: v.id,
      code: v.code,
      name: v.name,
      ownerName: v.ownerName,
      kelurahan: v.kelurahan,
      status: v.status,
      ekatalogStatus: v.ekatalogStatus,
      categories: v.menuItems.map((m) => m.category),
      expiringDocuments: v._count.documents,
      hasLogin: v._count.users > 0,
    })),
    total,
    page,
    pages,
    kelurahan: kelurahan.map((k) => k.kelurahan),
    progress: { live: count("TAYANG"), inProgress: count("PROSES"), notStarted: count("BELUM") },
  };
}

/** A vendor as its admin page shows it (getVendorForAdmin). */
export type VendorForAdmin = NonNullable<Awaited<ReturnType<typeof getVendorForAdmin>>>;

export async function getVendorForAdmin(tx: Tx, clock: Clock, vendorId: string) {
  const limit = expiryLimit(clock);
  const v = await tx.vendor.findUnique({
    where: { id: vendorId },
    include: {
      documents: {
        orderBy: { type: "asc" },
        include: { scan: { select: { contentType: true, size: true, uploadedAt: true } } },
      },
      users: { select: { id: true, username: true, active: true, lastLoginAt: true } },
      menuItems: { where: { active: true }, select: { category: true, name: true, pricePerPax: true } },
    },
  });
  if (!v) return null;
  return {
    ...v,
    documents: v.documents.map((d) => ({
      id: d.id,
      type: d.type,
      number: d.number,
      scan: d.scan,
      issuedOn: d.issuedOn,
      expiresOn: d.expiresOn,
      expiring: d.expiresOn !== null && d.expiresOn <= limit,
      expired: d.expiresOn !== null && d.expiresOn < dayAsDate(wibDay(clock.now())),
    })),
  };
}

/** A new vendor (ACTIVE, e-Katalog BELUM). A taken code is a CONFLICT with the field named. */
export async function createVendor(db: Db, clock: Clock, actor: AdminActor, raw: unknown): Promise<{ id: string }> {
  admin(actor);
  const input = parseInput(vendorSchema, raw);
  try {
    return await inTransaction(db, async (tx) => {
      const v = await tx.vendor.create({ data: { ...input, ekatalogStatus: "BELUM" } });
      await writeAudit(tx, actor, {
        action: "vendor.created",
        entity: "Vendor",
        entityId: v.id,
        after: { ...input, at: clock.now() },
      });
      return { id: v.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { code: [vm("vendor.codeTaken")] } });
    throw e;
  }
}

async function updateWithVersion(
  db: Db,
  actor: AdminActor,
  vendorId: string,
  version: number,
  action: AuditAction,
  build: (before: Prisma.VendorGetPayload<object>) => Prisma.VendorUpdateManyMutationInput,
  /** More of the same change, in the same transaction; what it returns joins the audit row's "after". */
  also?: (tx: Tx) => Promise<Record<string, unknown>>,
) {
  try {
    await inTransaction(db, async (tx) => {
      const before = await tx.vendor.findUnique({ where: { id: vendorId } });
      if (!before) throw new AppError("NOT_FOUND");
      const data = build(before);
      const { count } = await tx.vendor.updateMany({
        where: { id: vendorId, version },
        data: { ...data, version: { increment: 1 } },
      });
      // Someone saved this vendor since the form was opened: nothing is overwritten.
      if (count !== 1) throw new AppError("CONFLICT");
      const changed = Object.fromEntries(Object.keys(data).map((k) => [k, (before as Record<string, unknown>)[k]]));
      const more = also ? await also(tx) : {};
      await writeAudit(tx, actor, {
        action,
        entity: "Vendor",
        entityId: vendorId,
        before: changed,
        after: { ...data, ...more },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { code: [vm("vendor.codeTaken")] } });
    throw e;
  }
}

export async function updateVendor(db: Db, _clock: Clock, actor: AdminActor, vendorId: string, raw: unknown) {
  admin(actor);
  const { version, ...rest } = (raw ?? {}) as Record<string, unknown>;
  const input = parseInput(vendorSchema, rest);
  const v = parseInput(versionSchema, version);
  await updateWithVersion(
    db,
    actor,
    vendorId,
    v,
    "vendor.updated",
    () => input,
    async (tx) => {
      const removed = await followIdentityNumbers(tx, vendorId, { nib: input.nib ?? null, npwp: input.npwp ?? null });
      return removed.length > 0 ? { documentsRemoved: removed } : {};
    },
  );
}

/** The e-Katalog checklist; the status follows from it (BELUM → PROSES → TAYANG). */
export async function updateEkatalog(db: Db, _clock: Clock, actor: AdminActor, vendorId: string, raw: unknown) {
  admin(actor);
  const { version, ...rest } = (raw ?? {}) as Record<string, unknown>;
  const input = parseInput(ekatalogSchema, rest);
  const v = parseInput(versionSchema, version);
  const checklist = { ...input, kbliCode: input.kbliCode ?? null, ekatalogUrl: input.ekatalogUrl ?? null };
  await updateWithVersion(db, actor, vendorId, v, "vendor.ekatalog_updated", () => ({
    ...checklist,
    ekatalogStatus: ekatalogStatusOf(checklist),
  }));
}

/**
 * Records (or replaces) one of the vendor's documents. NIB and NPWP carry the vendor's own number (typed once, in the
 * identity form): refused in words while the vendor has none.
 */
export async function saveVendorDocument(
  db: Db,
  clock: Clock,
  actor: AdminActor,
  vendorId: string,
  raw: unknown,
  /** The document's scan as uploaded (checked here: lib/data/admin/document-scans.ts); null keeps the one stored. */
  scanBytes: Buffer | null = null,
) {
  admin(actor);
  const input = parseInput(documentSchema, raw);
  const type = input.type as DocumentType;
  const scan = scanBytes && scanBytes.length > 0 ? checkScan(scanBytes) : null;
  await inTransaction(db, async (tx) => {
    const vendor = await tx.vendor.findUnique({ where: { id: vendorId }, select: { nib: true, npwp: true } });
    if (!vendor) throw new AppError("NOT_FOUND");
    const field = identityNumberField(type);
    const number = field ? vendor[field] : input.number!;
    if (!number)
      throw new AppError("VALIDATION", {
        issues: { number: [vm("vendor.identityFirst", { type })] },
      });
    const data = {
      number,
      issuedOn: input.issuedOn ? dayAsDate(input.issuedOn) : null,
      expiresOn: input.expiresOn ? dayAsDate(input.expiresOn) : null,
      // A renewed document is warned about again when its new expiry comes near.
      expiryWarnedAt: null,
    };
    const before = await tx.vendorDocument.findUnique({ where: { vendorId_type: { vendorId, type } } });
    const saved = await tx.vendorDocument.upsert({
      where: { vendorId_type: { vendorId, type } },
      create: { vendorId, type, ...data },
      update: data,
      select: { id: true },
    });
    if (scan) await storeScan(tx, { documentId: saved.id, scan, at: clock.now(), by: actor.id });
    await writeAudit(tx, actor, {
      action: "vendor.document_saved",
      entity: "Vendor",
      entityId: vendorId,
      before: before ? { type: before.type, number: before.number, expiresOn: before.expiresOn } : null,
      after: {
        type: input.type,
        number: data.number,
        issuedOn: data.issuedOn,
        expiresOn: data.expiresOn,
        ...(scan ? { scan: `${scan.contentType}, ${scan.bytes.length} B` } : {}),
      },
    });
  });
}

/**
 * The NIB and NPWP document records follow the vendor's identity fields, in the caller's transaction: a changed
 * number is carried over, a removed one takes its document record with it (a document without its number means
 * nothing). Returns the types whose record was removed, for the audit row.
 */
async function followIdentityNumbers(
  tx: Tx,
  vendorId: string,
  numbers: { nib?: string | null; npwp?: string | null },
): Promise<DocumentType[]> {
  const removed: DocumentType[] = [];
  for (const [type, field] of Object.entries(IDENTITY_DOCUMENTS) as [DocumentType, "nib" | "npwp"][]) {
    const number = numbers[field];
    if (number === undefined) continue;
    if (number) await tx.vendorDocument.updateMany({ where: { vendorId, type, NOT: { number } }, data: { number } });
    else if ((await tx.vendorDocument.deleteMany({ where: { vendorId, type } })).count > 0) removed.push(type);
  }
  return removed;
}

/** The owner's login for the vendor portal. A taken username is a CONFLICT with the field named. */
export async function createVendorLogin(db: Db, _clock: Clock, actor: AdminActor, vendorId: string, raw: unknown) {
  admin(actor);
  const input = parseInput(vendorLoginSchema, raw);
  const passwordHash = await hashPassword(input.password);
  try {
    await inTransaction(db, async (tx) => {
      const v = await tx.vendor.findUnique({ where: { id: vendorId }, select: { ownerName: true, email: true } });
      if (!v) throw new AppError("NOT_FOUND");
      const user = await tx.user.create({
        data: {
          username: input.username,
          name: v.ownerName,
          email: v.email,
          passwordHash,
          role: "VENDOR",
          vendorId,
        },
      });
      // Never the password, not even hashed.
      await writeAudit(tx, actor, {
        action: "user.created",
        entity: "User",
        entityId: user.id,
        after: { username: input.username, role: "VENDOR", vendorId },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { username: [vm("account.usernameTaken")] } });
    throw e;
  }
}
