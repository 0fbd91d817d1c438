// Vendor rules that do not need a database.
import type { DocumentType, EkatalogStatus, MenuCategory } from "@/lib/generated/prisma/enums";
import { dayAsDate, wibDay } from "@/lib/format";

export const EKATALOG_STATUSES = ["BELUM", "PROSES", "TAYANG"] as const satisfies readonly EkatalogStatus[];

/** The menu categories, in the order forms and tables show them (the database's enum: a unit test keeps them equal). */
export const MENU_CATEGORIES = ["MAKAN", "KUDAPAN", "MINUMAN"] as const satisfies readonly MenuCategory[];

/** A document expiring within this many days is flagged on the registry and warned about (document-expiry.ts). */
export const EXPIRY_WARNING_DAYS = 30;

/** The last expiry date (a WIB day as a UTC-midnight Date) that counts as "expiring soon" at `now`. */
export function expiryLimit(now: Date): Date {
  return new Date(dayAsDate(wibDay(now)).getTime() + EXPIRY_WARNING_DAYS * 86_400_000);
}

/** The documents an admin keeps for a vendor, in the order its profile lists them (the database's enum). */
export const DOCUMENT_TYPES = ["NIB", "NPWP", "PIRT", "HALAL"] as const satisfies readonly DocumentType[];

/** The e-Katalog checklist's ticks, in the order the form shows them (the two texts, KBLI and link, apart). */
export const EKATALOG_CHECKS = [
  "ekHasNib",
  "ekHasNpwp",
  "ekHasPirt",
  "ekHasHalal",
  "ekInaprocAccount",
  "ekProductLive",
] as const satisfies readonly (keyof EkatalogChecklist)[];

export interface EkatalogChecklist {
  ekHasNib: boolean;
  ekHasNpwp: boolean;
  ekHasPirt: boolean;
  ekHasHalal: boolean;
  kbliCode: string | null;
  ekInaprocAccount: boolean;
  ekProductLive: boolean;
  ekatalogUrl: string | null;
}

/** The checklist drives the status: nothing done → BELUM; product live with its link → TAYANG; else PROSES. */
export function ekatalogStatusOf(c: EkatalogChecklist): EkatalogStatus {
  if (c.ekProductLive && c.ekatalogUrl) return "TAYANG";
  const anyDone = c.ekHasNib || c.ekHasNpwp || c.ekHasPirt || c.ekHasHalal || Boolean(c.kbliCode) || c.ekInaprocAccount;
  return anyDone ? "PROSES" : "BELUM";
}

/**
 * Documents whose number is one of the vendor's own identity fields: typed once, in the identity form, and carried
 * to the document record from there (issue 18: NIB and NPWP were typed twice and could disagree). The document
 * record keeps only its dates (and, for the others, its own number).
 */
export const IDENTITY_DOCUMENTS = { NIB: "nib", NPWP: "npwp" } as const satisfies Partial<Record<DocumentType, string>>;

/** The vendor field holding this document's number, or null when the document has a number of its own. */
export function identityNumberField(type: DocumentType): "nib" | "npwp" | null {
  return type in IDENTITY_DOCUMENTS ? IDENTITY_DOCUMENTS[type as keyof typeof IDENTITY_DOCUMENTS] : null;
}
