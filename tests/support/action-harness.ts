// Calling server actions outside a Next.js request, as a chosen user: the claims Auth.js's session cookie would
// carry, a request's headers and cookies, no cache to revalidate, messages as their keys. Test files install the
// mocks with one line each, e.g.
// `vi.mock("@/lib/auth/session", () => import("@/tests/support/action-harness").then((h) => h.sessionMock()))`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionClaims } from "@/lib/auth/session";

export type Who = "ANONYMOUS" | Role;
export type ServerAction = (...args: unknown[]) => Promise<unknown>;

let session: SessionClaims | null = null;

/** The session cookie as lib/auth/session.ts would read it: the user signInAs chose. */
export function sessionMock() {
  return { readSession: async () => session, verifySessionToken: async () => session };
}

export function authMock() {
  return {
    auth: async () => {
      throw new Error("pages and actions read the session through lib/auth/session.ts");
    },
    signIn: async () => {
      throw new Error("signIn is not called in these tests");
    },
    signOut: async () => undefined,
    handlers: {},
  };
}

export function nextAuthMock() {
  class AuthError extends Error {
    type = "AuthError";
  }
  class CredentialsSignin extends AuthError {
    code = "credentials";
  }
  return { AuthError, CredentialsSignin, default: () => ({}) };
}

export function headersMock() {
  return {
    headers: async () => new Headers({ "user-agent": "action-harness" }),
    cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
  };
}

export function cacheMock() {
  return { revalidatePath: () => undefined, revalidateTag: () => undefined };
}

/** Messages come back as their keys (the text is not what these tests look at). */
export function intlServerMock() {
  const t = (key: string) => key;
  return { getTranslations: async () => t, getLocale: async () => "id" };
}

/** Makes lib/db's db() hand out the test database, and loads the demo users the harness signs in as. */
export async function useDatabase(db: Db): Promise<Record<Role, { id: string; sessionVersion: number }>> {
  (globalThis as { prisma?: unknown }).prisma = db;
  // The demo's admin and mayor, as the demo runs them: without a second factor (lib/auth/totp.ts).
  process.env.DEMO_SKIP_MFA = "1";
  // lib/env reads it (db() itself hands out the client above).
  process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";
  const out = {} as Record<Role, { id: string; sessionVersion: number }>;
  for (const [role, username] of [
    ["ADMIN", "admin"],
    ["MAYOR", "walikota"],
    ["OPD_STAFF", "opd-diskominfo"],
    ["VENDOR", "umkm-01"],
  ] as const) {
    out[role] = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } });
  }
  return out;
}

export function signInAs(who: Who, users: Record<Role, { id: string; sessionVersion: number }>): void {
  session =
    who === "ANONYMOUS"
      ? null
      : {
          userId: users[who].id,
          role: who,
          sessionVersion: users[who].sessionVersion,
          sid: "harness-session",
          expires: new Date(Date.now() + 3600_000),
        };
}

const ACTIONS_DIR = path.resolve(import.meta.dirname, "../../lib/actions");

/** Every exported function of every "use server" module: the server actions. */
export async function serverActions(): Promise<Map<string, ServerAction>> {
  const found = new Map<string, ServerAction>();
  for (const file of readdirSync(ACTIONS_DIR).filter((f) => f.endsWith(".ts"))) {
    const source = readFileSync(path.join(ACTIONS_DIR, file), "utf8");
    if (!/^\s*["']use server["']/.test(source)) continue;
    const mod = (await import(path.join(ACTIONS_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") found.set(name, value as ServerAction);
    }
  }
  return found;
}

/** Calls an action the way a form does (with the previous state first for useActionState forms). */
export async function callAction(
  action: ServerAction,
  fd: FormData,
): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: action.length >= 2 ? await action({}, fd) : await action(fd) };
  } catch (e) {
    return { ok: false, error: e };
  }
}

/** A redirect Next.js throws to end an action (its digest names the target). */
export function redirectTarget(e: unknown): string | null {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT") ? (digest.split(";")[2] ?? "") : null;
}

/** The whole database's content (but the audit trail, unless asked), as one digest per table. */
export async function fingerprint(db: Db, opts: { withAudit?: boolean } = {}): Promise<Record<string, string>> {
  const skip = opts.withAudit ? ["_prisma_migrations"] : ["AuditLog", "_prisma_migrations"];
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY(${skip}))`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [r] = await db.$queryRawUnsafe<{ h: string | null }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${name}" t`,
    );
    out[name] = r?.h ?? "";
  }
  return out;
}
