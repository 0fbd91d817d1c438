// Every kind of audit row the portal writes (issue 18: no code reaches a person). Each has a label in both
// languages (messages/*.json → "auditActions"); the writers take only these (lib/data/audit.ts, audit-sql.ts), so a
// new action fails the type check until it is listed here, and tests/unit/audit-actions.test.ts fails until it has
// its labels.
export const AUDIT_ACTIONS = [
  "auth.denied",
  "auth.login",
  "auth.login_failed",
  "auth.login_throttled",
  "auth.logout",
  "auth.mfa_enabled",
  "auth.mfa_enrolment_code_issued",
  "auth.mfa_enrolment_started",
  "auth.password_changed",
  "budget.created",
  "budget.updated",
  "ceiling.created",
  "ceiling.updated",
  "decree.allocations_saved",
  "decree.amendment_proposed",
  "decree.amendment_refreshed",
  "decree.draft_created",
  "decree.draft_updated",
  "decree.published",
  "decree.superseded",
  "delivery.handed_over",
  "delivery.on_the_way",
  "document.expiry_warned",
  "invoice.accepted",
  "invoice.returned",
  "invoice.submitted",
  "letterhead.saved",
  "notifications.read",
  "offer.accepted",
  "offer.declined",
  "offer.expired",
  "offer.withdrawn",
  "opd.created",
  "opd.updated",
  "order.assigned",
  "order.cancelled",
  "order.delivered",
  "order.escalated",
  "order.failed",
  "order.offered",
  "order.submitted",
  "payment.recorded",
  "payment.reversed",
  "payments.imported",
  "priorPurchases.imported",
  "push.resubscribed",
  "push.subscribed",
  "push.unsubscribed",
  "sanction.clarified",
  "sanction.confirmed",
  "sanction.dismissed",
  "seed.demo",
  "settings.updated",
  "user.activated",
  "user.created",
  "user.deactivated",
  "user.treasurer_changed",
  "vendor.bank_account_updated",
  "vendor.contact_updated",
  "vendor.created",
  "vendor.document_saved",
  "vendor.ekatalog_updated",
  "vendor.imported",
  "vendor.menu_added",
  "vendor.menu_updated",
  "vendor.reinstated",
  "vendor.unavailable_added",
  "vendor.unavailable_removed",
  "vendor.updated",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** Every kind of record an audit row is about; each has a name in both languages (messages → "auditEntities"). */
export const AUDIT_ENTITIES = [
  "Budget",
  "Decree",
  "Letterhead",
  "Offer",
  "Opd",
  "Order",
  "PriceCeiling",
  "PriorPurchase",
  "PushSubscription",
  "Sanction",
  "Setting",
  "User",
  "Vendor",
  "VendorMenuItem",
] as const;

export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export function isAuditEntity(value: string): value is AuditEntity {
  return (AUDIT_ENTITIES as readonly string[]).includes(value);
}

/**
 * Audit fields whose values are codes, and the message group that names each code (messages → `<group>.<code>`), by
 * the action's kind (the part before the dot: an invoice's "status" is not an order's): the audit view shows
 * "Diusulkan → Ditetapkan", never PROPOSED → CONFIRMED. A field not listed holds people's own words, numbers or
 * dates. tests/unit/audit-actions.test.ts checks every group labels every code it can hold, in both languages.
 */
export const AUDIT_CODE_FIELDS: Record<string, Record<string, string>> = {
  order: {
    status: "status.order",
    failureType: "orderDetail.failTypes",
    sanction: "status.sanctionLevel",
    category: "status.category",
  },
  offer: { status: "orderDetail.offerStatus" },
  sanction: { status: "vendorRecord.sanctionStatus", level: "status.sanctionLevel" },
  vendor: { status: "status.vendor", ekatalogStatus: "status.ekatalog" },
  decree: { status: "adminDecrees.status" },
  invoice: { status: "payments.invoiceStatus" },
  payment: { method: "payments.method" },
  user: { role: "roles" },
  opd: { role: "roles" },
};

/** The message group naming the codes an audit field holds for this action, or null (see AUDIT_CODE_FIELDS). */
export function auditCodeGroup(action: string, field: string): string | null {
  return AUDIT_CODE_FIELDS[action.split(".")[0]!]?.[field] ?? null;
}

/** How the audit view shows one value of a diff (lib/domain/json-diff.ts gives it as text). */
export type AuditValue =
  | { kind: "none" }
  | { kind: "code"; group: string; code: string }
  | { kind: "yesNo"; value: boolean }
  | { kind: "instant"; at: Date }
  | { kind: "text"; text: string };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A diff value as a person should read it: a code by its label, true/false as yes/no, an instant in WIB. */
export function auditValue(action: string, field: string, value: string | null): AuditValue {
  if (value === null) return { kind: "none" };
  const group = auditCodeGroup(action, field);
  if (group && /^[A-Z0-9_]+$/.test(value)) return { kind: "code", group, code: value };
  if (value === "true" || value === "false") return { kind: "yesNo", value: value === "true" };
  if (ISO_INSTANT.test(value)) return { kind: "instant", at: new Date(value) };
  return { kind: "text", text: value };
}
