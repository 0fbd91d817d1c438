// No code reaches a person (issue 18): both languages carry the same messages, and every code the screens show — the
// states of orders, offers, sanctions, invoices and payments, failure types, payment methods — has a label in both.
import { describe, expect, it } from "vitest";
import id from "@/messages/id.json";
import en from "@/messages/en.json";

const idMessages = id;
const enMessages = en;
import { ORDER_TRANSITIONS } from "@/lib/domain/order-state";
import { PAYABLE_STAGES, PAYMENT_METHODS } from "@/lib/domain/payment";
import { FAILURE_TYPES } from "@/lib/domain/sanctions";
import { MENU_CATEGORIES } from "@/lib/domain/vendor";
import { InvoiceStatus, OfferStatus, SanctionLevel } from "@/lib/generated/prisma/enums";

type Tree = { [k: string]: string | Tree };

function entries(t: Tree, prefix = ""): [string, string][] {
  return Object.entries(t).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : entries(v, `${prefix}${k}.`),
  );
}

function keys(t: Tree, prefix = ""): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function at(t: Tree, path: string): unknown {
  return path.split(".").reduce<unknown>((node, k) => (node as Tree | undefined)?.[k], t);
}

const CODES: [string, readonly string[]][] = [
  ["status.order", Object.keys(ORDER_TRANSITIONS)],
  ["status.category", MENU_CATEGORIES],
  ["status.sanctionLevel", Object.values(SanctionLevel)],
  ["orderDetail.offerStatus", Object.values(OfferStatus)],
  ["orderDetail.failTypes", FAILURE_TYPES],
  ["payments.stage", PAYABLE_STAGES],
  ["payments.method", PAYMENT_METHODS],
  ["payments.invoiceStatus", Object.values(InvoiceStatus)],
];

describe("the message catalogue", () => {
  it("has the same messages in Bahasa Indonesia and English", () => {
    expect(keys(en as Tree).sort()).toEqual(keys(id as Tree).sort());
  });

  it.each(CODES)("labels every %s code in both languages", (group, codes) => {
    for (const messages of [id, en] as Tree[]) {
      const missing = codes.filter((c) => typeof at(messages, `${group}.${c}`) !== "string");
      expect(missing).toEqual([]);
    }
  });

  it("keeps its two limits apart in both languages: pagu is the budget, batas harga (SSH) the price ceiling", () => {
    const en = Object.fromEntries(entries(enMessages as Tree));
    for (const [key, text] of entries(idMessages as Tree)) {
      const english = en[key] ?? "";
      // A budget is never called a ceiling, and a ceiling always says it is a price's.
      if (/\bpagu\b/i.test(text)) expect(english, key).toMatch(/budget/i);
      for (const m of english.matchAll(/ceiling/gi))
        expect(english.slice(0, m.index).toLowerCase(), key).toMatch(/price $/);
    }
  });
});
