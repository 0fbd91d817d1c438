// The vendor registry for admins: search and filters (address-bar values, lenient), a page of vendors with their
// categories, documents near expiry and login, and the pilot's e-Katalog progress.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { filterText } from "@/lib/validation/query";
import { expiryLimit, MENU_CATEGORIES } from "@/lib/domain/vendor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EkatalogStatus, MenuCategory, VendorStatus } from "@/lib/generated/prisma/enums";

export const VENDOR_PAGE_SIZE = 25;

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

export async function listVendors(tx: Tx, opts: { clock: Clock; actor: Actor; query: VendorListQuery }) {
  requireAdmin(opts.actor);
  const { query } = opts;
  const limit = expiryLimit(opts.clock.now());
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
