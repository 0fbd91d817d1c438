// Every audit action has a label in both languages: no code like `auth.login` reaches a person (issue 18).
import { describe, expect, it } from "vitest";
import id from "@/messages/id.json";
import en from "@/messages/en.json";
import { AUDIT_ACTIONS, AUDIT_CODE_FIELDS, AUDIT_ENTITIES, auditValue } from "@/lib/domain/audit-actions";
import {
  DecreeStatus,
  EkatalogStatus,
  FailureType,
  InvoiceStatus,
  MenuCategory,
  OfferStatus,
  OrderStatus,
  PaymentMethod,
  Role,
  SanctionLevel,
  SanctionStatus,
  VendorStatus,
} from "@/lib/generated/prisma/enums";

function label(messages: Record<string, unknown>, action: string): unknown {
  return action
    .split(".")
    .reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], messages.auditActions);
}

describe("audit actions", () => {
  it.each([
    ["Indonesian", id],
    ["English", en],
  ])("each has a label in %s", (_lang, messages) => {
    const missing = AUDIT_ACTIONS.filter((a) => typeof label(messages, a) !== "string" || !label(messages, a));
    expect(missing).toEqual([]);
  });

  it("labels nothing that is not an action (no stale labels)", () => {
    for (const messages of [id, en]) {
      const groups = messages.auditActions as Record<string, Record<string, string>>;
      const labelled = Object.entries(groups).flatMap(([g, keys]) => Object.keys(keys).map((k) => `${g}.${k}`));
      expect(labelled.sort()).toEqual([...AUDIT_ACTIONS].sort());
    }
  });
});

// The codes each message group of AUDIT_CODE_FIELDS must name: every value of its kind.
const CODES_OF: Record<string, string[]> = {
  "status.order": Object.values(OrderStatus),
  "orderDetail.failTypes": Object.values(FailureType),
  "status.sanctionLevel": Object.values(SanctionLevel),
  "status.category": Object.values(MenuCategory),
  "orderDetail.offerStatus": Object.values(OfferStatus),
  "vendorRecord.sanctionStatus": Object.values(SanctionStatus),
  "status.vendor": Object.values(VendorStatus),
  "status.ekatalog": Object.values(EkatalogStatus),
  "adminDecrees.status": Object.values(DecreeStatus),
  "payments.invoiceStatus": Object.values(InvoiceStatus),
  "payments.method": Object.values(PaymentMethod),
  roles: Object.values(Role),
};

function at(messages: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], messages);
}

describe("codes inside audit rows", () => {
  it("names every kind of record in both languages, and nothing else", () => {
    for (const messages of [id, en]) {
      expect(Object.keys(messages.auditEntities).sort()).toEqual([...AUDIT_ENTITIES].sort());
      expect(AUDIT_ENTITIES.filter((e) => !at(messages, `auditEntities.${e}`))).toEqual([]);
    }
  });

  it("labels every code a coded field can hold, in both languages", () => {
    const groups = [...new Set(Object.values(AUDIT_CODE_FIELDS).flatMap((fields) => Object.values(fields)))];
    for (const group of groups) {
      const codes = CODES_OF[group];
      expect(codes, `codes of ${group}`).toBeDefined();
      for (const messages of [id, en])
        expect(codes!.filter((c) => typeof at(messages, `${group}.${c}`) !== "string")).toEqual([]);
    }
  });

  it("reads a field by its action's kind: an invoice's status is not an order's", () => {
    expect(auditValue("invoice.accepted", "status", "ACCEPTED")).toEqual({
      kind: "code",
      group: "payments.invoiceStatus",
      code: "ACCEPTED",
    });
    expect(auditValue("order.offered", "status", "OFFERED")).toEqual({
      kind: "code",
      group: "status.order",
      code: "OFFERED",
    });
    expect(auditValue("sanction.confirmed", "status", "CONFIRMED")).toMatchObject({
      group: "vendorRecord.sanctionStatus",
    });
    expect(auditValue("order.failed", "suspendedBefore", "false")).toEqual({ kind: "yesNo", value: false });
    expect(auditValue("offer.expired", "expiresAt", "2026-06-01T02:00:00.000Z")).toEqual({
      kind: "instant",
      at: new Date("2026-06-01T02:00:00.000Z"),
    });
    // People's words stay as they are, even in a coded field; nothing becomes "—" but a missing value.
    expect(auditValue("sanction.confirmed", "reason", "Dua kali gagal")).toEqual({
      kind: "text",
      text: "Dua kali gagal",
    });
    expect(auditValue("order.cancelled", "status", "Batal acara")).toEqual({ kind: "text", text: "Batal acara" });
    expect(auditValue("order.cancelled", "status", null)).toEqual({ kind: "none" });
  });
});
