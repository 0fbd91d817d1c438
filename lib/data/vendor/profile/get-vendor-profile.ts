// A vendor's own profile as its page shows it: contact and daily capacity, menu items and prices with this year's
// ceilings, the days it cannot serve from today, and the documents the admins recorded. The vendor's own only.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { rp } from "@/lib/domain/money";
import { requireOwnVendorId } from "@/lib/data/authorise";
import { dayAsDate, wibDay } from "@/lib/format";
import type { DocumentType, MenuCategory, Role } from "@/lib/generated/prisma/enums";

export interface VendorProfile {
  code: string;
  name: string;
  ownerName: string;
  address: string;
  whatsapp: string;
  email: string | null;
  dailyCapacityPax: number;
  version: number;
  menu: {
    id: string;
    category: MenuCategory;
    name: string;
    description: string | null;
    pricePerPax: number;
    active: boolean;
  }[];
  unavailableDays: { day: string; reason: string | null }[];
  ceilings: Partial<Record<MenuCategory, number>>;
  /** The documents the admins recorded, with whether a scan can be downloaded (the vendor's own only). */
  documents: { id: string; type: DocumentType; number: string; expiresOn: Date | null; hasScan: boolean }[];
}

export async function getVendorProfile(
  tx: Tx,
  opts: { clock: Clock; actor: { role: Role | null; vendorId?: string | null } },
): Promise<VendorProfile> {
  const vendorId = requireOwnVendorId(opts.actor);
  const today = wibDay(opts.clock.now());
  const [v, ceilings] = await Promise.all([
    tx.vendor.findUniqueOrThrow({
      where: { id: vendorId },
      include: {
        menuItems: { orderBy: [{ category: "asc" }, { name: "asc" }] },
        unavailableDays: { where: { day: { gte: dayAsDate(today) } }, orderBy: { day: "asc" } },
        documents: { orderBy: { type: "asc" }, include: { scan: { select: { size: true } } } },
      },
    }),
    tx.priceCeiling.findMany({ where: { fiscalYear: Number(today.slice(0, 4)) } }),
  ]);
  return {
    code: v.code,
    name: v.name,
    ownerName: v.ownerName,
    address: v.address,
    whatsapp: v.whatsapp,
    email: v.email,
    dailyCapacityPax: v.dailyCapacityPax,
    version: v.version,
    menu: v.menuItems.map((m) => ({
      id: m.id,
      category: m.category,
      name: m.name,
      description: m.description,
      pricePerPax: rp(m.pricePerPax),
      active: m.active,
    })),
    unavailableDays: v.unavailableDays.map((d) => ({ day: d.day.toISOString().slice(0, 10), reason: d.reason })),
    ceilings: Object.fromEntries(ceilings.map((c) => [c.category, rp(c.maxPerPax)])),
    documents: v.documents.map((d) => ({
      id: d.id,
      type: d.type,
      number: d.number,
      expiresOn: d.expiresOn,
      hasScan: d.scan !== null,
    })),
  };
}
