// Vendor rules that do not need a database.
import type { EkatalogStatus, MenuCategory } from "@/lib/generated/prisma/enums";

export const EKATALOG_STATUSES = ["BELUM", "PROSES", "TAYANG"] as const satisfies readonly EkatalogStatus[];

/** The menu categories, in the order forms and tables show them (the database's enum: a unit test keeps them equal). */
export const MENU_CATEGORIES = ["MAKAN", "KUDAPAN", "MINUMAN"] as const satisfies readonly MenuCategory[];

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
