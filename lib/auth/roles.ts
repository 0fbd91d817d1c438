// Which home each role lands on, and which roles may open which area. Pure data, safe anywhere.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLE_HOME: Record<Role, string> = {
  ADMIN: "/admin",
  MAYOR: "/mayor",
  OPD_STAFF: "/opd",
  VENDOR: "/vendor",
};

export const ROLES = ["ADMIN", "MAYOR", "OPD_STAFF", "VENDOR"] as const satisfies readonly Role[];

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}
