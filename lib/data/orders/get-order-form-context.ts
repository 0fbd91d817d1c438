// What the order form shows: this year's price ceilings and the OPD's budget lines with what is left; the places and
// on-site contacts the OPD used before (offered as choices); and, for "Pesan lagi", an earlier order of the OPD to
// start from (everything but the date).
import { requireOwnOpdId } from "@/lib/data/authorise";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { fiscalYearOf } from "@/lib/format";
import { rp } from "@/lib/domain/money";
import type { MenuCategory, ProcurementMethod } from "@/lib/generated/prisma/enums";
import { wibTime } from "@/lib/format";

export interface OrderFormContext {
  fiscalYear: number;
  ceilings: { category: MenuCategory; maxPerPax: number }[];
  budgets: { accountCode: string; accountName: string; left: number }[];
  /** The OPD's recent delivery places and on-site contacts, most recent first. */
  places: string[];
  contacts: { name: string; phone: string }[];
  /** The form's starting values: an earlier order's ("Pesan lagi"), or the signed-in user as the contact. */
  initial: {
    eventName: string;
    deliveryTime: string;
    place: string;
    contactName: string;
    contactPhone: string;
    pax: number | null;
    category: MenuCategory | null;
    unitPrice: number | null;
    accountCode: string | null;
    method: ProcurementMethod;
    notes: string;
  };
  /** The number of the order repeated, when there is one. */
  repeatOf: string | null;
}

export async function getOrderFormContext(
  tx: Tx,
  opts: {
    clock: Clock;
    actor: { role: Role | null; opdId?: string | null };
    userName?: string;
    repeatOrderId?: string | null;
  },
): Promise<OrderFormContext> {
  const opdId = requireOwnOpdId(opts.actor);
  const { clock } = opts;
  const fiscalYear = fiscalYearOf(clock.now());
  const [ceilings, budgets, recent, repeat] = await Promise.all([
    tx.priceCeiling.findMany({ where: { fiscalYear }, orderBy: { category: "asc" } }),
    tx.budget.findMany({ where: { opdId, fiscalYear }, orderBy: { accountCode: "asc" } }),
    tx.order.findMany({
      where: { opdId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { place: true, contactName: true, contactPhone: true },
    }),
    // Scoped by the OPD in the query itself: another OPD's order id gives nothing.
    opts.repeatOrderId ? tx.order.findFirst({ where: { id: opts.repeatOrderId, opdId } }) : null,
  ]);
  const places = [...new Set(recent.map((o) => o.place))].slice(0, 10);
  const seen = new Set<string>();
  const contacts: OrderFormContext["contacts"] = [];
  for (const o of recent) {
    const key = `${o.contactName}|${o.contactPhone}`;
    if (seen.has(key) || contacts.length >= 10) continue;
    seen.add(key);
    contacts.push({ name: o.contactName, phone: o.contactPhone });
  }
  const lastContact = contacts.find((c) => c.name === opts.userName) ?? null;
  return {
    places,
    contacts,
    repeatOf: repeat?.number ?? null,
    initial: repeat
      ? {
          eventName: repeat.eventName,
          deliveryTime: wibTime(repeat.deliveryAt),
          place: repeat.place,
          contactName: repeat.contactName,
          contactPhone: repeat.contactPhone,
          pax: repeat.pax,
          category: repeat.category,
          unitPrice: rp(repeat.unitPrice),
          accountCode: repeat.accountCode,
          method: repeat.method,
          notes: repeat.notes ?? "",
        }
      : {
          eventName: "",
          deliveryTime: "09:00",
          place: places[0] ?? "",
          // The contact defaults to the signed-in user (with the phone they gave last time).
          contactName: opts.userName ?? "",
          contactPhone: lastContact?.phone ?? "",
          pax: null,
          category: null,
          unitPrice: null,
          accountCode: null,
          method: "PENGADAAN_LANGSUNG",
          notes: "",
        },
    fiscalYear,
    ceilings: ceilings.map((c) => ({ category: c.category, maxPerPax: rp(c.maxPerPax) })),
    budgets: budgets.map((b) => ({
      accountCode: b.accountCode,
      accountName: b.accountName,
      left: rp(b.pagu - b.committed),
    })),
  };
}
