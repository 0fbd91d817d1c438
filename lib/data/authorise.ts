// Each use case authorises its caller itself (the README: lib/data does authorisation), whoever called it — a page, an
// action, a route handler or a script. The one check for admin-only use cases.
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/** Refuses (FORBIDDEN) anyone but an admin. */
export function requireAdmin(actor: { role: Role | null }): void {
  requireOneOf(actor, "ADMIN");
}

/** Refuses (FORBIDDEN) anyone whose role is not one of `roles`. */
export function requireOneOf(actor: { role: Role | null }, ...roles: Role[]): void {
  if (!actor.role || !roles.includes(actor.role)) throw new AppError("FORBIDDEN");
}

/** The vendor's own id (a vendor's use cases act on its own records only); FORBIDDEN for anyone else. */
export function requireOwnVendorId(actor: { role: Role | null; vendorId?: string | null }): string {
  if (actor.role !== "VENDOR" || !actor.vendorId) throw new AppError("FORBIDDEN");
  return actor.vendorId;
}

/** The OPD staff member's own OPD id (an OPD's reads and orders are its own only); FORBIDDEN for anyone else. */
export function requireOwnOpdId(actor: { role: Role | null; opdId?: string | null }): string {
  if (actor.role !== "OPD_STAFF" || !actor.opdId) throw new AppError("FORBIDDEN");
  return actor.opdId;
}

/** The signed-in person's own user id (their notifications, password, second factor); UNAUTHENTICATED otherwise. */
export function requireSignedIn(actor: { id: string | null; role: Role | null }): string {
  if (!actor.id || !actor.role) throw new AppError("UNAUTHENTICATED");
  return actor.id;
}
