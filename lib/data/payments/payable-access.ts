// Who may touch what the OPD owes for an order, and the row locked for the change (issue 20). Shared by the invoice
// and payment use cases: the vendor that delivered it, the ordering OPD's staff (its treasurers for money), admins to
// read. Anyone else gets NOT_FOUND, so another OPD's order is not revealed.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/data/audit";
import { InvoiceStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { queryOne } from "@/lib/db/sql/decode";
import { instant, row, rupiah, text, uuid } from "@/lib/db/sql/columns";

export type PaymentActor = Actor & { id: string; opdId?: string | null; vendorId?: string | null };

const lockedPayable = row({
  orderId: uuid,
  orderNumber: text,
  eventName: text,
  opdId: uuid,
  opdName: text,
  vendorId: uuid,
  amount: rupiah,
  bastAt: instant,
  invoiceStatus: z.enum(InvoiceStatus).nullable(),
  invoicedAt: instant.nullable(),
  paidGross: rupiah,
  taxWithheld: rupiah,
  paidNet: rupiah,
});
export type LockedPayable = z.output<typeof lockedPayable>;

/** The order's payable, locked for this transaction (FOR UPDATE), or NOT_FOUND when there is none. */
export async function lockPayable(tx: Tx, orderId: string): Promise<LockedPayable> {
  const r = await queryOne(
    tx,
    "lockPayable",
    lockedPayable,
    Prisma.sql`SELECT p."orderId", o.number AS "orderNumber", o."eventName", p."opdId", d.name AS "opdName", p."vendorId", p.amount,
           p."bastAt", p."invoiceStatus", p."invoicedAt", p."paidGross", p."taxWithheld", p."paidNet"
    FROM "Payable" p JOIN "Order" o ON o.id = p."orderId" JOIN "Opd" d ON d.id = p."opdId"
    WHERE p."orderId" = ${orderId}::uuid FOR UPDATE OF p`,
  );
  if (!r) throw new AppError("NOT_FOUND");
  return r;
}

/** The vendor that delivered the order, or NOT_FOUND. */
export function requireOwnVendor(actor: PaymentActor, p: Pick<LockedPayable, "vendorId">): string {
  if (actor.role !== "VENDOR" || !actor.vendorId || actor.vendorId !== p.vendorId) throw new AppError("NOT_FOUND");
  return actor.vendorId;
}

/** Staff of the ordering OPD, or NOT_FOUND (FORBIDDEN for another role). */
export function requireOwnOpd(actor: PaymentActor, p: Pick<LockedPayable, "opdId">): void {
  if (actor.role !== "OPD_STAFF") throw new AppError("FORBIDDEN");
  if (!actor.opdId || actor.opdId !== p.opdId) throw new AppError("NOT_FOUND");
}

/**
 * The ordering OPD's treasurer: staff of that OPD whose account carries the treasurer permission, read from the
 * database in this transaction (an admin's change applies at once, whatever the session says).
 */
export async function requireTreasurer(tx: Tx, actor: PaymentActor, p: Pick<LockedPayable, "opdId">): Promise<void> {
  requireOwnOpd(actor, p);
  const user = await tx.user.findUnique({ where: { id: actor.id }, select: { treasurer: true, active: true } });
  if (!user?.active || !user.treasurer) throw new AppError("FORBIDDEN");
}

/** Whether this account holds the treasurer permission now (the pages show the treasurer's tools by it). */
export async function isTreasurer(tx: Tx, userId: string): Promise<boolean> {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { treasurer: true, active: true } });
  return Boolean(u?.active && u.treasurer);
}
