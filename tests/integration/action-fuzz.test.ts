// Every server action, called by the role it is for with random form input (fast-check): it answers with a
// plain outcome — a result, a redirect, or a typed refusal — never an unexpected error (a 500), never SQL or
// Prisma text, and a refused call writes nothing. FUZZ_RUNS sets the cases per action (1,000 by default).
import { beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import type { Role } from "@/lib/generated/prisma/enums";
import { isAppError } from "@/lib/errors";
import { VENDOR_FORM_FIELDS } from "@/lib/validation/admin-vendor";
import {
  callAction,
  fingerprint,
  redirectTarget,
  serverActions,
  signInAs,
  useDatabase,
  type ServerAction,
} from "@/tests/support/action-harness";

const harness = () => import("@/tests/support/action-harness");
vi.mock("@/lib/auth", () => harness().then((h) => h.authMock()));
vi.mock("@/lib/auth/session", () => harness().then((h) => h.sessionMock()));
vi.mock("next-auth", () => harness().then((h) => h.nextAuthMock()));
vi.mock("next/headers", () => harness().then((h) => h.headersMock()));
vi.mock("next/cache", () => harness().then((h) => h.cacheMock()));
vi.mock("next-intl/server", () => harness().then((h) => h.intlServerMock()));

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** Who each fuzzed action runs as (its own role); sign-in, sign-out and the language switch are left out. */
const AS: Record<string, Role> = {
  decideSanctionAction: "ADMIN",
  reinstateVendorAction: "ADMIN",
  assignEscalatedAction: "ADMIN",
  createVendorAction: "ADMIN",
  updateVendorAction: "ADMIN",
  addVendorMenuItemAction: "ADMIN",
  updateEkatalogAction: "ADMIN",
  saveDocumentAction: "ADMIN",
  createVendorLoginAction: "ADMIN",
  createDecreeDraftAction: "ADMIN",
  updateDecreeHeaderAction: "ADMIN",
  saveAllocationsAction: "ADMIN",
  publishDecreeAction: "ADMIN",
  saveOpdAction: "ADMIN",
  createOpdStaffAction: "ADMIN",
  setUserActiveAction: "ADMIN",
  setTreasurerAction: "ADMIN",
  reviewInvoiceAction: "OPD_STAFF",
  recordPaymentAction: "OPD_STAFF",
  reversePaymentAction: "OPD_STAFF",
  paymentsImportAction: "OPD_STAFF",
  submitInvoiceAction: "VENDOR",
  saveBudgetAction: "ADMIN",
  saveCeilingAction: "ADMIN",
  saveRulesAction: "ADMIN",
  saveLetterheadAction: "ADMIN",
  importDecreeMatrixAction: "ADMIN",
  vendorImportAction: "ADMIN",
  priorPurchasesImportAction: "ADMIN",
  submitOrderAction: "OPD_STAFF",
  cancelOrderAction: "OPD_STAFF",
  confirmDeliveryAction: "OPD_STAFF",
  reportFailureAction: "OPD_STAFF",
  acceptOfferAction: "VENDOR",
  declineOfferAction: "VENDOR",
  markOnTheWayAction: "VENDOR",
  markHandedOverAction: "VENDOR",
  updateContactAction: "VENDOR",
  saveMenuItemAction: "VENDOR",
  clarifySanctionAction: "VENDOR",
  addUnavailableDayAction: "VENDOR",
  removeUnavailableDayAction: "VENDOR",
  markAllReadAction: "OPD_STAFF",
  confirmMfaAction: "ADMIN",
  openMfaEnrolmentAction: "ADMIN",
  changePasswordAction: "VENDOR",
  issueMfaCodeAction: "ADMIN",
};

// The fields the actions read, plus a few they do not.
const FIELDS = [
  "id",
  "orderId",
  "offerId",
  "vendorId",
  "sanctionId",
  "decreeId",
  "opdId",
  "userId",
  "enrolmentCode",
  "clarification",
  "current",
  "next",
  "confirm",
  "documentId",
  "paymentId",
  "treasurer",
  "method",
  "paidOn",
  "reference",
  "gross",
  "taxWithheld",
  "amount",
  "bankName",
  "bankAccountNumber",
  "bankAccountName",
  "note",
  "reason",
  "decision",
  "level",
  ...VENDOR_FORM_FIELDS,
  "hasPp55",
  "username",
  "password",
  "active",
  "number",
  "title",
  "signedOn",
  "effectiveFrom",
  "effectiveTo",
  "fiscalYear",
  "accountCode",
  "accountName",
  "pagu",
  "maxPerPax",
  "category",
  "basis",
  "day",
  "description",
  "pricePerPax",
  "type",
  "issuedOn",
  "expiresOn",
  "version",
  "cell",
  "eventName",
  "deliveryDate",
  "deliveryTime",
  "place",
  "contactName",
  "contactPhone",
  "pax",
  "unitPrice",
  "method",
  "notes",
  "idempotencyKey",
  "deliveredDate",
  "deliveredTime",
  "quantityReceived",
  "rating",
  "evidence",
  "step",
  "rows",
  "ekatalogUrl",
  "kbliCode",
  "responseWindowMinutes",
  "minLeadMinutes",
  "cityHeading",
  "removeLogo",
  "__proto__",
  "constructor",
  "role",
  "status",
  "total",
];

const SQLISH = [
  "' OR '1'='1",
  '\'; DROP TABLE "Order"; --',
  "\\",
  "%",
  "\u0000",
  "${7*7}",
  "<script>alert(1)</script>",
];
// ⟦: a refusal key (lib/domain/validation-message.ts) that reached the reader unwritten.
const LEAK = /prisma|select\s|insert\s|update\s.*set|syntax error|violates|relation "|postgres|stack|at \w+ \(|⟦/i;

describe("server actions under random input", () => {
  let users: Awaited<ReturnType<typeof useDatabase>>;
  let ids: string[];

  beforeAll(async () => {
    const db = testDb();
    await seedDemo(db, fixedClock("2026-11-28T03:00:00Z"));
    users = await useDatabase(db);
    const rows = await db.$queryRaw<{ id: string }[]>`
      (SELECT id::text FROM "Order" LIMIT 5) UNION ALL (SELECT id::text FROM "Offer" LIMIT 5)
      UNION ALL (SELECT id::text FROM "Vendor" LIMIT 3) UNION ALL (SELECT id::text FROM "Sanction" LIMIT 3)
      UNION ALL (SELECT id::text FROM "Decree" LIMIT 2) UNION ALL (SELECT id::text FROM "Opd" LIMIT 3)
      UNION ALL (SELECT id::text FROM "User" LIMIT 3)`;
    ids = rows.map((r) => r.id);
  });

  it(
    `answers ${RUNS} random forms per action with a plain outcome, no leak, and no write when refused`,
    { timeout: 30 * 60_000 },
    async () => {
      const actions = await serverActions();
      const value = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.string({ unit: "grapheme", maxLength: 20 }),
        fc.constantFrom(...ids, ...SQLISH, "", " ", "on", "true", "-1", "0", "1e309", "NaN", "2026-02-30", "99:99"),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        fc.uuid(),
        fc.string({ minLength: 5000, maxLength: 6000 }),
        // Control characters (a NUL byte reaches PostgreSQL as error 22021) and bidirectional overrides.
        fc
          .tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\u0007", "\u001b", "\u202e", "\u2066"))
          .map(([a, c]) => `${a}${c}${a}`),
      );
      const formArb = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 14 });
      for (const [name, role] of Object.entries(AS)) {
        const action = actions.get(name) as ServerAction;
        expect(action, name).toBeTypeOf("function");
        let n = 0;
        await fc.assert(
          fc.asyncProperty(formArb, fc.boolean(), async (fields, withFile) => {
            const fd = new FormData();
            for (const [k, v] of Object.entries(fields)) fd.append(k, v);
            if (withFile) fd.set(["file", "photo", "logo"][n % 3]!, new File([new Uint8Array(n % 300)], "x.xlsx"));
            n++;
            signInAs(role, users);
            const sample = n % 50 === 0;
            const before = sample ? await fingerprint(testDb()) : null;
            const r = await callAction(action, fd);
            if (r.ok) {
              expect(JSON.stringify(r.value ?? null), `${name} leaked`).not.toMatch(LEAK);
              return;
            }
            const target = redirectTarget(r.error);
            const digest = String((r.error as { digest?: unknown } | null)?.digest ?? "");
            const plain = isAppError(r.error) || target !== null || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK");
            expect(plain, `${name} failed with ${String(r.error)} for ${JSON.stringify(fields).slice(0, 300)}`).toBe(
              true,
            );
            if (target) expect(target, `${name} redirect leaked`).not.toMatch(LEAK);
            if (before && (isAppError(r.error) || (target ?? "").includes("error="))) {
              expect(await fingerprint(testDb()), `${name} wrote despite refusing`).toEqual(before);
            }
          }),
          { numRuns: RUNS },
        );
      }
    },
  );
});
