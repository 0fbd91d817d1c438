// The authorisation matrix: every server action, called by an anonymous visitor and by every role it is not
// for, is refused and writes nothing. A meta-test fails when an action is added without an entry here.
// Object-level cases: an agency cannot touch another agency's order, a vendor cannot answer another's offer.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import type { Role } from "@/lib/generated/prisma/enums";
import { isAppError } from "@/lib/errors";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sameOriginOnly } from "@/lib/http";
import {
  callAction,
  fingerprint,
  redirectTarget,
  serverActions,
  signInAs,
  useDatabase,
  type ServerAction,
  type Who,
} from "@/tests/support/action-harness";

const harness = () => import("@/tests/support/action-harness");
vi.mock("@/lib/auth", () => harness().then((h) => h.authMock()));
vi.mock("@/lib/auth/session", () => harness().then((h) => h.sessionMock()));
vi.mock("next-auth", () => harness().then((h) => h.nextAuthMock()));
vi.mock("next/headers", () => harness().then((h) => h.headersMock()));
vi.mock("next/cache", () => harness().then((h) => h.cacheMock()));

const EVERYONE: Who[] = ["ANONYMOUS", "ADMIN", "MAYOR", "OPD_STAFF", "VENDOR"];
const SIGNED_IN: Who[] = ["ADMIN", "MAYOR", "OPD_STAFF", "VENDOR"];

/** Who each action is for. Everyone else must be refused without a write. */
const MATRIX: Record<string, Who[]> = {
  // admin.ts
  decideSanctionAction: ["ADMIN"],
  reinstateVendorAction: ["ADMIN"],
  assignEscalatedAction: ["ADMIN"],
  createVendorAction: ["ADMIN"],
  updateVendorAction: ["ADMIN"],
  addVendorMenuItemAction: ["ADMIN"],
  updateEkatalogAction: ["ADMIN"],
  saveDocumentAction: ["ADMIN"],
  createVendorLoginAction: ["ADMIN"],
  createDecreeDraftAction: ["ADMIN"],
  updateDecreeHeaderAction: ["ADMIN"],
  saveAllocationsAction: ["ADMIN"],
  publishDecreeAction: ["ADMIN"],
  proposePoolAmendmentAction: ["ADMIN"],
  saveOpdAction: ["ADMIN"],
  createOpdStaffAction: ["ADMIN"],
  setUserActiveAction: ["ADMIN"],
  setTreasurerAction: ["ADMIN"],
  saveBudgetAction: ["ADMIN"],
  saveCeilingAction: ["ADMIN"],
  saveRulesAction: ["ADMIN"],
  saveLetterheadAction: ["ADMIN"],
  importDecreeMatrixAction: ["ADMIN"],
  vendorImportAction: ["ADMIN"],
  priorPurchasesImportAction: ["ADMIN"],
  // orders.ts
  submitOrderAction: ["OPD_STAFF"],
  cancelOrderAction: ["OPD_STAFF"],
  confirmDeliveryAction: ["OPD_STAFF"],
  reportFailureAction: ["OPD_STAFF"],
  // payments.ts
  reviewInvoiceAction: ["OPD_STAFF"],
  recordPaymentAction: ["OPD_STAFF"],
  reversePaymentAction: ["OPD_STAFF"],
  paymentsImportAction: ["OPD_STAFF"],
  submitInvoiceAction: ["VENDOR"],
  // offers.ts, vendor.ts
  acceptOfferAction: ["VENDOR"],
  declineOfferAction: ["VENDOR"],
  markOnTheWayAction: ["VENDOR"],
  markHandedOverAction: ["VENDOR"],
  updateContactAction: ["VENDOR"],
  saveMenuItemAction: ["VENDOR"],
  clarifySanctionAction: ["VENDOR"],
  addUnavailableDayAction: ["VENDOR"],
  removeUnavailableDayAction: ["VENDOR"],
  // everyone's own
  markAllReadAction: SIGNED_IN,
  savePushSubscriptionAction: SIGNED_IN,
  removePushSubscriptionAction: SIGNED_IN,
  // Setting up one's own second factor (the use case refuses roles without one).
  confirmMfaAction: SIGNED_IN,
  openMfaEnrolmentAction: SIGNED_IN,
  changePasswordAction: SIGNED_IN,
  issueMfaCodeAction: ["ADMIN"],
  // Signing out without a session does nothing (and writes nothing).
  logoutAction: EVERYONE,
  // public: choosing the language and signing in
  setLocaleAction: EVERYONE,
  loginAction: EVERYONE,
  acceptOfferByLinkAction: EVERYONE,
  declineOfferByLinkAction: EVERYONE,
};

const ids: Record<string, string> = {};
let users: Record<Role, { id: string; sessionVersion: number }>;

/** A form that would do real work if the caller's role were not checked: real ids and plausible values. */
function form(): FormData {
  const f = new FormData();
  const values: Record<string, string> = {
    ...ids,
    reason: "Alasan pengujian yang cukup panjang",
    decision: "CONFIRM",
    level: "SP1",
    code: "UMKM-MATRIX",
    name: "Usaha Matriks",
    ownerName: "Pemilik Matriks",
    username: "akun-matriks",
    password: "kata-sandi-matriks-123",
    active: "false",
    number: "188.45/MATRIX/2027",
    title: "SK matriks",
    effectiveFrom: "2027-01-01",
    fiscalYear: "2026",
    accountCode: "5.1.02.01.01.0052",
    pagu: "1000000",
    maxPerPax: "10000",
    category: "MAKAN",
    whatsapp: "081234567890",
    dailyCapacityPax: "10",
    day: "2026-12-30",
    locale: "en",
    eventName: "Rapat matriks",
    idempotencyKey: "matrix-key",
    pax: "10",
    unitPrice: "20000",
    type: "NOT_DELIVERED",
    evidence: "Tidak datang sama sekali",
    quantityReceived: "10",
    rating: "5",
    step: "commit",
    rows: JSON.stringify([{ row: 2, opd: "DISKOMINFO", supplier: "CV Matriks", date: "2025-01-02", amount: "1000" }]),
    cells: "[]",
    version: "1",
    treasurer: "true",
    method: "LS",
    paidOn: "2026-11-27",
    reference: "SP2D MATRIKS",
    gross: "1.000",
    taxWithheld: "0",
    amount: "1.000",
    bankName: "Bank Matriks",
    bankAccountNumber: "1234567890",
    bankAccountName: "Pemilik Matriks",
  };
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

async function callAs(who: Who, action: ServerAction, fd = form()) {
  signInAs(who, users);
  return callAction(action, fd);
}

describe("the authorisation matrix", () => {
  beforeAll(async () => {
    const db = testDb();
    await seedDemo(db, fixedClock("2026-11-28T03:00:00Z"));
    users = await useDatabase(db);
    const offer = await db.offer.findFirstOrThrow({ where: { status: "PENDING" } });
    const order = await db.order.findFirstOrThrow({ where: { status: "ACCEPTED" } });
    ids.offerId = offer.id;
    ids.orderId = order.id;
    ids.vendorId = offer.vendorId;
    ids.sanctionId = (await db.sanction.findFirstOrThrow({ where: { status: "PROPOSED" } })).id;
    ids.decreeId = (await db.decree.findFirstOrThrow()).id;
    ids.opdId = order.opdId;
    ids.userId = users.OPD_STAFF.id;
    ids.documentId = (await db.vendorDocument.findFirstOrThrow()).id;
    ids.paymentId = (await db.payment.findFirstOrThrow({ where: { reversesId: null } })).id;
  });

  it("has an entry for every server action, and no entry for an action that is gone", async () => {
    const actions = await serverActions();
    expect([...actions.keys()].filter((name) => !(name in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((name) => !actions.has(name))).toEqual([]);
  });

  it("has every route handler that is not a GET behind the same-origin check, which refuses other sites", async () => {
    const api = path.resolve(import.meta.dirname, "..", "..", "app", "api");
    const files = readdirSync(api, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("route.ts"));
    expect(files.length).toBeGreaterThan(5);
    const unguarded: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(api, file), "utf8");
      for (const m of text.matchAll(/export\s+(?:async\s+function|const)\s+(POST|PUT|PATCH|DELETE)\b(.*)/g))
        if (!m[2]!.includes("sameOriginOnly(")) unguarded.push(`${file} ${m[1]}`);
      for (const m of text.matchAll(/export\s+const\s*\{([^}]*)\}/g))
        for (const name of m[1]!.split(",").map((n) => n.trim()))
          if (name !== "GET" && name !== "") unguarded.push(`${file} ${name}`);
    }
    expect(unguarded).toEqual([]);

    let ran = 0;
    const guarded = sameOriginOnly(async () => {
      ran++;
      return new Response("ok");
    });
    const post = (headers: Record<string, string>) =>
      guarded(new Request("http://portal.example/api/auth/signout", { method: "POST", headers }));
    for (const origin of ["https://evil.example", "null", "http://portal.example.evil.example"])
      expect((await post({ host: "portal.example", origin })).status, origin).toBe(403);
    expect((await post({ host: "portal.example" })).status).toBe(403);
    expect(ran).toBe(0);
    expect((await post({ host: "portal.example", origin: "http://portal.example" })).status).toBe(200);
    expect(
      (await post({ host: "x", "x-forwarded-host": "portal.example", origin: "https://portal.example" })).status,
    ).toBe(200);
    expect(ran).toBe(2);
  });

  it("refuses every caller an action is not for, with no write", async () => {
    const actions = await serverActions();
    const before = await fingerprint(testDb());
    const denialsBefore = await testDb().auditLog.count({ where: { action: "auth.denied" } });
    let signedInRefusals = 0;
    const wrote: string[] = [];
    for (const [name, action] of actions) {
      for (const who of EVERYONE.filter((w) => !MATRIX[name]!.includes(w))) {
        const r = await callAs(who, action);
        // Refused means the role check answered: 403 (forbidden()) for a signed-in user of another role, the sign-in
        // page for an anonymous one — never a typed error that would reach the browser as a 500 (issue 16, item 12).
        const digest = r.ok ? "" : String((r.error as { digest?: unknown } | null)?.digest ?? "");
        const refused =
          !r.ok &&
          (who === "ANONYMOUS" ? redirectTarget(r.error) === "/login" : digest === "NEXT_HTTP_ERROR_FALLBACK;403");
        if (!r.ok && isAppError(r.error)) expect.fail(`${name} as ${who} threw ${r.error.code}, which answers 500`);
        expect(refused, `${name} as ${who} was not refused: ${r.ok ? "returned" : String(r.error)}`).toBe(true);
        if (who !== "ANONYMOUS") signedInRefusals++;
        const after = await fingerprint(testDb());
        const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
        if (changed.length) wrote.push(`${name} as ${who}: ${changed.join(", ")}`);
      }
    }
    expect(wrote).toEqual([]);
    // Every refusal of a signed-in user is in the audit trail.
    expect((await testDb().auditLog.count({ where: { action: "auth.denied" } })) - denialsBefore).toBe(
      signedInRefusals,
    );
  });

  it("keeps an agency to its own orders and a vendor to its own offers", async () => {
    const db = testDb();
    const actions = await serverActions();
    const otherOpdOrder = await db.order.findFirstOrThrow({
      where: { status: { in: ["OFFERED", "ACCEPTED"] }, opd: { code: { not: "DISKOMINFO" } } },
    });
    const othersOffer = await db.offer.findFirstOrThrow({
      where: {
        status: "PENDING",
        vendorId: { not: (await db.user.findUniqueOrThrow({ where: { username: "umkm-01" } })).vendorId! },
      },
    });
    const before = await fingerprint(testDb());
    for (const name of ["cancelOrderAction", "confirmDeliveryAction", "reportFailureAction"]) {
      const fd = form();
      fd.set("orderId", otherOpdOrder.id);
      await callAs("OPD_STAFF", actions.get(name)!, fd);
    }
    for (const name of ["acceptOfferAction", "declineOfferAction", "markOnTheWayAction", "markHandedOverAction"]) {
      const fd = form();
      fd.set("offerId", othersOffer.id);
      await callAs("VENDOR", actions.get(name)!, fd);
    }
    // Money: another OPD's payable (its invoice accepted) cannot be checked, paid or reversed; another vendor's
    // delivery cannot be invoiced.
    const ownOpd = (await db.user.findUniqueOrThrow({ where: { id: users.OPD_STAFF.id } })).opdId!;
    const ownVendor = (await db.user.findUniqueOrThrow({ where: { id: users.VENDOR.id } })).vendorId!;
    const othersPayable = await db.payable.findFirstOrThrow({
      where: { opdId: { not: ownOpd }, vendorId: { not: ownVendor }, invoiceStatus: "ACCEPTED", paidOn: null },
    });
    const othersPayment = await db.payment.findFirstOrThrow({
      where: { reversesId: null, payable: { opdId: { not: ownOpd } } },
    });
    for (const name of ["reviewInvoiceAction", "recordPaymentAction", "reversePaymentAction"]) {
      const fd = form();
      fd.set("orderId", othersPayable.orderId);
      fd.set("paymentId", othersPayment.id);
      fd.set("decision", "ACCEPT");
      fd.set("paidOn", "2026-11-27");
      await callAs("OPD_STAFF", actions.get(name)!, fd);
    }
    const fd = form();
    fd.set("orderId", othersPayable.orderId);
    await callAs("VENDOR", actions.get("submitInvoiceAction")!, fd);
    const after = await fingerprint(testDb());
    expect(Object.keys(after).filter((t) => after[t] !== before[t])).toEqual([]);
  });
});
