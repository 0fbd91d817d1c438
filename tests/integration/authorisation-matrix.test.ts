// The authorisation matrix: every server action, called by an anonymous visitor and by every role it is not
// for, is refused and writes nothing. A meta-test fails when an action is added without an entry here.
// Object-level cases: an agency cannot touch another agency's order, a vendor cannot answer another's offer.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import type { Role } from "@/lib/generated/prisma/enums";
import { isAppError } from "@/lib/errors";

// The session the actions see, and the Next request context they run in (outside a real request here).
let session: { user: { id: string; role: Role; sessionVersion: number; sid: string }; expires: string } | null = null;
vi.mock("@/lib/auth", () => ({
  auth: async () => session,
  signIn: async () => {
    throw new Error("signIn is not part of the matrix");
  },
  signOut: async () => undefined,
  handlers: {},
}));
vi.mock("next-auth", () => {
  class AuthError extends Error {
    type = "AuthError";
  }
  class CredentialsSignin extends AuthError {
    code = "credentials";
  }
  return { AuthError, CredentialsSignin, default: () => ({}) };
});
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "matrix-test" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

type Who = "ANONYMOUS" | Role;
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
  updateEkatalogAction: ["ADMIN"],
  saveDocumentAction: ["ADMIN"],
  createVendorLoginAction: ["ADMIN"],
  createDecreeDraftAction: ["ADMIN"],
  updateDecreeHeaderAction: ["ADMIN"],
  saveAllocationsAction: ["ADMIN"],
  publishDecreeAction: ["ADMIN"],
  saveOpdAction: ["ADMIN"],
  createOpdStaffAction: ["ADMIN"],
  setUserActiveAction: ["ADMIN"],
  saveBudgetAction: ["ADMIN"],
  saveCeilingAction: ["ADMIN"],
  saveRulesAction: ["ADMIN"],
  importDecreeMatrixAction: ["ADMIN"],
  vendorImportAction: ["ADMIN"],
  priorPurchasesImportAction: ["ADMIN"],
  // orders.ts
  submitOrderAction: ["OPD_STAFF"],
  cancelOrderAction: ["OPD_STAFF"],
  confirmDeliveryAction: ["OPD_STAFF"],
  reportFailureAction: ["OPD_STAFF"],
  // offers.ts, vendor.ts
  acceptOfferAction: ["VENDOR"],
  declineOfferAction: ["VENDOR"],
  markOnTheWayAction: ["VENDOR"],
  markHandedOverAction: ["VENDOR"],
  updateContactAction: ["VENDOR"],
  saveMenuItemAction: ["VENDOR"],
  addUnavailableDayAction: ["VENDOR"],
  removeUnavailableDayAction: ["VENDOR"],
  // everyone's own
  markAllReadAction: SIGNED_IN,
  // Signing out without a session does nothing (and writes nothing).
  logoutAction: EVERYONE,
  // public: choosing the language and signing in
  setLocaleAction: EVERYONE,
  loginAction: EVERYONE,
};

const ACTIONS_DIR = path.resolve(import.meta.dirname, "../../lib/actions");

/** Every exported function of every "use server" module: the server actions. */
async function serverActions(): Promise<Map<string, (...args: unknown[]) => Promise<unknown>>> {
  const found = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const file of readdirSync(ACTIONS_DIR).filter((f) => f.endsWith(".ts"))) {
    const source = readFileSync(path.join(ACTIONS_DIR, file), "utf8");
    if (!/^\s*["']use server["']/.test(source)) continue;
    const mod = (await import(path.join(ACTIONS_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") found.set(name, value as (...args: unknown[]) => Promise<unknown>);
    }
  }
  return found;
}

/** The whole database's content but the audit trail (denials may be audited), as one digest per table. */
async function fingerprint(): Promise<Record<string, string>> {
  const db = testDb();
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('AuditLog', '_prisma_migrations')`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [r] = await db.$queryRawUnsafe<{ h: string | null }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${name}" t`,
    );
    out[name] = r?.h ?? "";
  }
  return out;
}

const ids: Record<string, string> = {};
const users: Partial<Record<Role, { id: string; sessionVersion: number }>> = {};

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
  };
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

async function callAs(who: Who, action: (...args: unknown[]) => Promise<unknown>, fd = form()) {
  if (who === "ANONYMOUS") session = null;
  else {
    const u = users[who]!;
    session = {
      user: { id: u.id, role: who, sessionVersion: u.sessionVersion, sid: "matrix-session" },
      expires: new Date(Date.now() + 3600_000).toISOString(),
    };
  }
  try {
    return { ok: true as const, value: action.length >= 2 ? await action({}, fd) : await action(fd) };
  } catch (e) {
    return { ok: false as const, error: e };
  }
}

describe("the authorisation matrix", () => {
  beforeAll(async () => {
    const db = testDb();
    (globalThis as { prisma?: unknown }).prisma = db; // what lib/db's db() hands out
    await seedDemo(db, fixedClock("2026-11-28T03:00:00Z"));
    for (const [role, username] of [
      ["ADMIN", "admin"],
      ["MAYOR", "walikota"],
      ["OPD_STAFF", "opd-diskominfo"],
      ["VENDOR", "umkm-01"],
    ] as const) {
      users[role] = await db.user.findUniqueOrThrow({
        where: { username },
        select: { id: true, sessionVersion: true },
      });
    }
    const offer = await db.offer.findFirstOrThrow({ where: { status: "PENDING" } });
    const order = await db.order.findFirstOrThrow({ where: { status: "ACCEPTED" } });
    ids.offerId = offer.id;
    ids.orderId = order.id;
    ids.vendorId = offer.vendorId;
    ids.sanctionId = (await db.sanction.findFirstOrThrow({ where: { status: "PROPOSED" } })).id;
    ids.decreeId = (await db.decree.findFirstOrThrow()).id;
    ids.opdId = order.opdId;
    ids.userId = users.OPD_STAFF!.id;
    ids.documentId = (await db.vendorDocument.findFirstOrThrow()).id;
  });

  it("has an entry for every server action, and no entry for an action that is gone", async () => {
    const actions = await serverActions();
    expect([...actions.keys()].filter((name) => !(name in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((name) => !actions.has(name))).toEqual([]);
  });

  it("refuses every caller an action is not for, with no write", async () => {
    const actions = await serverActions();
    const before = await fingerprint();
    const wrote: string[] = [];
    for (const [name, action] of actions) {
      for (const who of EVERYONE.filter((w) => !MATRIX[name]!.includes(w))) {
        const r = await callAs(who, action);
        // Refused means the role check threw (a success ends in a redirect, which throws too).
        const refused = !r.ok && isAppError(r.error) && ["UNAUTHENTICATED", "FORBIDDEN"].includes(r.error.code);
        expect(refused, `${name} as ${who} was not refused: ${r.ok ? "returned" : String(r.error)}`).toBe(true);
        const after = await fingerprint();
        const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
        if (changed.length) wrote.push(`${name} as ${who}: ${changed.join(", ")}`);
      }
    }
    expect(wrote).toEqual([]);
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
    const before = await fingerprint();
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
    const after = await fingerprint();
    expect(Object.keys(after).filter((t) => after[t] !== before[t])).toEqual([]);
  });
});
