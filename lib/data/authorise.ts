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
