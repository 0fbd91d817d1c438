// A menu item added or changed — by the vendor itself, or by an admin on its behalf — with the same rules (a price above
// this year's ceiling for its category is refused with the ceiling) and the same audit. Routing reads the categories
// a vendor offers from its active items.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { menuItemSchema } from "@/lib/validation/vendor";
import type { VendorActor } from "@/lib/data/offers/answer-offer";
import { requireAdmin, requireOwnVendorId } from "@/lib/data/authorise";
import { wibDay } from "@/lib/format";
import { vm } from "@/lib/domain/validation-message";

/** Adds a menu item, or changes one of the vendor's own. */
export async function saveMenuItem(
  db: Db,
  opts: { clock: Clock; actor: VendorActor; input: unknown },
): Promise<{ id: string }> {
  return saveMenuItemOf(db, opts.clock, opts.actor, requireOwnVendorId(opts.actor), opts.input);
}

/**
 * An admin adds (or changes) a menu item on a vendor's behalf — a vendor in the decree with no menu cannot be offered
 * anything (issue 17, item 8). The same rules and audit as the vendor's own, with the admin as the actor.
 */
export async function saveMenuItemForVendor(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string }; vendorId: string; input: unknown },
): Promise<{ id: string }> {
  const { clock, actor, vendorId } = opts;
  requireAdmin(actor);
  if (!(await db.vendor.findUnique({ where: { id: vendorId }, select: { id: true } }))) throw new AppError("NOT_FOUND");
  return saveMenuItemOf(db, clock, actor, vendorId, opts.input);
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
