// A vendor's own profile: contact and daily capacity, menu items and prices, days it cannot serve.
// These feed routing's eligibility (categories offered, capacity, unavailable days), so each change is
// audited. Always scoped by the caller's own vendorId.
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { rp } from "@/lib/domain/money";
import { parseInput } from "@/lib/validation/parse";
import {
  menuItemSchema,
  removeUnavailableDaySchema,
  unavailableDaySchema,
  vendorContactSchema,
} from "@/lib/validation/vendor";
import type { VendorActor } from "@/lib/data/offers/answer-offer";
import { dayAsDate, wibDay } from "@/lib/format";
import type { DocumentType, MenuCategory } from "@/lib/generated/prisma/enums";
import { vm } from "@/lib/domain/validation-message";

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

function own(actor: VendorActor): string {
  if (actor.role !== "VENDOR" || !actor.vendorId) throw new AppError("FORBIDDEN");
  return actor.vendorId;
}

export async function getVendorProfile(tx: Tx, clock: Clock, vendorId: string): Promise<VendorProfile> {
  const today = wibDay(clock.now());
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

/** WhatsApp number and daily capacity; a stale form (another change saved meanwhile) is a CONFLICT. */
export async function updateVendorContact(db: Db, clock: Clock, actor: VendorActor, raw: unknown): Promise<void> {
  const vendorId = own(actor);
  const input = parseInput(vendorContactSchema, raw);
  await inTransaction(db, async (tx) => {
    const before = await tx.vendor.findUniqueOrThrow({
      where: { id: vendorId },
      select: { whatsapp: true, email: true, dailyCapacityPax: true, version: true },
    });
    const { count } = await tx.vendor.updateMany({
      where: { id: vendorId, version: input.version },
      data: {
        whatsapp: input.whatsapp,
        dailyCapacityPax: input.dailyCapacityPax,
        ...(input.email !== undefined ? { email: input.email } : {}),
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    // The vendor's own account gets the address too: e-mail notices go to users (lib/data/notifications/notify.ts).
    if (input.email !== undefined) await tx.user.updateMany({ where: { vendorId }, data: { email: input.email } });
    await writeAudit(tx, actor, {
      action: "vendor.contact_updated",
      entity: "Vendor",
      entityId: vendorId,
      before: { whatsapp: before.whatsapp, email: before.email, dailyCapacityPax: before.dailyCapacityPax },
      after: {
        whatsapp: input.whatsapp,
        email: input.email,
        dailyCapacityPax: input.dailyCapacityPax,
        at: clock.now(),
      },
    });
  });
}

/** Adds a menu item, or changes one of the vendor's own. */
export async function saveMenuItem(db: Db, clock: Clock, actor: VendorActor, raw: unknown): Promise<{ id: string }> {
  return saveMenuItemOf(db, clock, actor, own(actor), raw);
}

/**
 * An admin adds (or changes) a menu item on a vendor's behalf — a vendor in the decree with no menu cannot be offered
 * anything (issue 17, item 8). The same rules and audit as the vendor's own, with the admin as the actor.
 */
export async function saveMenuItemForVendor(
  db: Db,
  clock: Clock,
  actor: Actor & { id: string },
  vendorId: string,
  raw: unknown,
): Promise<{ id: string }> {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");
  if (!(await db.vendor.findUnique({ where: { id: vendorId }, select: { id: true } }))) throw new AppError("NOT_FOUND");
  return saveMenuItemOf(db, clock, actor, vendorId, raw);
}

async function saveMenuItemOf(
  db: Db,
  clock: Clock,
  actor: Actor,
  vendorId: string,
  raw: unknown,
): Promise<{ id: string }> {
  const input = parseInput(menuItemSchema, raw);
  return inTransaction(db, async (tx) => {
    // A price above this year's ceiling (SBU) for its category could never be ordered: say so now, with the ceiling.
    const ceiling = await tx.priceCeiling.findFirst({
      where: { category: input.category, fiscalYear: Number(wibDay(clock.now()).slice(0, 4)) },
      select: { maxPerPax: true },
    });
    if (ceiling && BigInt(input.pricePerPax) > ceiling.maxPerPax)
      throw new AppError("VALIDATION", {
        issues: {
          pricePerPax: [vm("menu.overCeiling", { max: { rp: Number(ceiling.maxPerPax) } })],
        },
      });
    const data = {
      category: input.category,
      name: input.name,
      description: input.description || null,
      pricePerPax: BigInt(input.pricePerPax),
      active: input.active,
    };
    if (input.id) {
      const before = await tx.vendorMenuItem.findFirst({ where: { id: input.id, vendorId } });
      if (!before) throw new AppError("NOT_FOUND");
      await tx.vendorMenuItem.update({ where: { id: input.id }, data });
      await writeAudit(tx, actor, {
        action: "vendor.menu_updated",
        entity: "VendorMenuItem",
        entityId: input.id,
        before,
        after: { ...data, at: clock.now() },
      });
      return { id: input.id };
    }
    const created = await tx.vendorMenuItem.create({ data: { ...data, vendorId } });
    await writeAudit(tx, actor, {
      action: "vendor.menu_added",
      entity: "VendorMenuItem",
      entityId: created.id,
      after: { ...data, at: clock.now() },
    });
    return { id: created.id };
  });
}

/** Marks a future day the vendor cannot serve (routing then skips it for that day). */
export async function addUnavailableDay(db: Db, clock: Clock, actor: VendorActor, raw: unknown): Promise<void> {
  const vendorId = own(actor);
  const input = parseInput(unavailableDaySchema, raw);
  if (input.day < wibDay(clock.now())) {
    throw new AppError("VALIDATION", { issues: { day: [vm("vendor.dayPast")] } });
  }
  await inTransaction(db, async (tx) => {
    const { count } = await tx.vendorUnavailableDay.createMany({
      data: [{ vendorId, day: dayAsDate(input.day), reason: input.reason || null }],
      skipDuplicates: true,
    });
    if (count === 0) return; // already marked: nothing changes
    await writeAudit(tx, actor, {
      action: "vendor.unavailable_added",
      entity: "Vendor",
      entityId: vendorId,
      after: { day: input.day, reason: input.reason ?? null },
    });
  });
}

export async function removeUnavailableDay(db: Db, _clock: Clock, actor: VendorActor, raw: unknown): Promise<void> {
  const vendorId = own(actor);
  const input = parseInput(removeUnavailableDaySchema, raw);
  await inTransaction(db, async (tx) => {
    const { count } = await tx.vendorUnavailableDay.deleteMany({ where: { vendorId, day: dayAsDate(input.day) } });
    if (count === 0) throw new AppError("NOT_FOUND");
    await writeAudit(tx, actor, {
      action: "vendor.unavailable_removed",
      entity: "Vendor",
      entityId: vendorId,
      before: { day: input.day },
    });
  });
}
