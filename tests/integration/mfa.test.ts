import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createUser } from "@/tests/factories";
import { fixedClock } from "@/lib/clock";
import { authenticateUser } from "@/lib/data/user/authenticate-user";
import { confirmMfaEnrolment } from "@/lib/data/user/mfa/confirm-mfa-enrolment";
import { getMfaEnrolment as getMfa } from "@/lib/data/user/mfa/get-mfa-enrolment";
import { issueMfaEnrolmentCode } from "@/lib/data/user/mfa/issue-mfa-enrolment-code";
import { listMfaAccounts } from "@/lib/data/user/mfa/list-mfa-accounts";
import { openMfaEnrolment } from "@/lib/data/user/mfa/open-mfa-enrolment";
import { totpCode } from "@/lib/auth/totp";
import { isAppError } from "@/lib/errors";

const KEY = "kunci-aplikasi-uji-yang-cukup-panjang-123";
const clock = fixedClock("2026-11-28T03:00:00Z");

const getMfaEnrolment = (db: Parameters<typeof getMfa>[0], actor: Parameters<typeof getMfa>[1]["actor"], key: string) =>
  getMfa(db, { clock, actor, authSecret: key });

/** Another admin issues an enrolment code for `userId`, and its owner types it (the set-up opens). */
async function openWithCode(db: Parameters<typeof getMfa>[0], actor: { id: string; role: "ADMIN" | "MAYOR" }) {
  const other = await createUser(db, {
    role: "ADMIN",
    username: `penerbit-${Math.random().toString(36).slice(2, 10)}`,
  });
  const { code } = await issueMfaEnrolmentCode(db, { clock, actor: { id: other.id, role: "ADMIN" }, userId: actor.id });
  await openMfaEnrolment(db, { clock, actor, code, authSecret: KEY });
}

async function refusal(p: Promise<unknown>): Promise<string | null> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  return isAppError(e) ? e.code : e === null ? null : String(e);
}

describe("two-step verification for admins and the mayor", () => {
  it("enrols with a code from the app, then asks for a code at sign-in; a recovery code works once", async () => {
    const db = testDb();
    const admin = await createUser(db, { role: "ADMIN", username: "admin-mfa", password: "rahasia-admin-mfa-1" });
    const actor = { id: admin.id, role: "ADMIN" as const };
    // Not enrolled yet: the password alone signs in (the app then sends them to /account/mfa).
    expect(
      await authenticateUser(db, clock, { username: "admin-mfa", password: "rahasia-admin-mfa-1" }, KEY),
    ).not.toBeNull();

    // Without an enrolment code from another admin, nothing to set up is shown.
    expect(await getMfaEnrolment(db, actor, KEY)).toMatchObject({ required: true, needsCode: true, pending: null });
    await openWithCode(db, actor);
    const started = await getMfaEnrolment(db, actor, KEY);
    expect(started.required).toBe(true);
    expect(started.pending?.uri).toContain("otpauth://totp/");
    expect(started.pending?.qrSvg).toContain("<svg");
    const stored = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(stored.totpSecret).not.toContain(started.pending!.secret); // encrypted at rest
    // Reloading the page keeps the same pending secret.
    expect((await getMfaEnrolment(db, actor, KEY)).pending?.secret).toBe(started.pending!.secret);

    expect(await refusal(confirmMfaEnrolment(db, { clock, actor, code: "000000", authSecret: KEY }))).toBe(
      "VALIDATION",
    );
    const secret = started.pending!.secret;
    const { recoveryCodes } = await confirmMfaEnrolment(db, {
      clock,
      actor,
      code: totpCode(secret, clock.now()),
      authSecret: KEY,
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(
      await refusal(confirmMfaEnrolment(db, { clock, actor, code: totpCode(secret, clock.now()), authSecret: KEY })),
    ).toBe("INVALID_STATE");
    const status = await getMfaEnrolment(db, actor, KEY);
    expect(status).toMatchObject({ required: true, recoveryLeft: 10, pending: null });

    // A minute later (the enrolment's own code is spent).
    const later = fixedClock("2026-11-28T03:01:00Z");
    const signIn = (code?: string) =>
      authenticateUser(db, later, { username: "admin-mfa", password: "rahasia-admin-mfa-1", code }, KEY);
    expect(await refusal(signIn())).toBe("MFA_REQUIRED");
    expect(await signIn("123456")).toBeNull();
    // A wrong password with a right code is still a wrong password (and does not spend the code).
    expect(
      await authenticateUser(
        db,
        later,
        { username: "admin-mfa", password: "salah", code: totpCode(secret, later.now()) },
        KEY,
      ),
    ).toBeNull();
    expect(await signIn(totpCode(secret, later.now()))).toMatchObject({ id: admin.id });
    expect(await signIn(recoveryCodes[0])).toMatchObject({ id: admin.id });
    expect(await signIn(recoveryCodes[0])).toBeNull();
    expect((await getMfaEnrolment(db, actor, KEY)).recoveryLeft).toBe(9);

    const failures = await db.auditLog.findMany({ where: { action: "auth.login_failed", entityId: admin.id } });
    expect(failures.map((f) => (f.after as { reason: string }).reason).sort()).toEqual([
      "wrong_code",
      "wrong_code",
      "wrong_password",
    ]);
    // The enrolment's code cannot sign in either (its step is spent).
    expect(
      await authenticateUser(
        db,
        clock,
        { username: "admin-mfa", password: "rahasia-admin-mfa-1", code: totpCode(secret, clock.now()) },
        KEY,
      ),
    ).toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.mfa_enabled", entityId: admin.id } })).toBe(1);
    const trail = JSON.stringify(await db.auditLog.findMany({ where: { entityId: admin.id } }), (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(trail).not.toContain(secret);
    for (const c of recoveryCodes) expect(trail).not.toContain(c);
  });

  it("takes each authenticator code once: a replay, an older code and a racing second sign-in are refused", async () => {
    const db = testDb();
    const admin = await createUser(db, { role: "ADMIN", username: "admin-replay", password: "rahasia-admin-replay-1" });
    const actor = { id: admin.id, role: "ADMIN" as const };
    await openWithCode(db, actor);
    const secret = (await getMfaEnrolment(db, actor, KEY)).pending!.secret;
    await confirmMfaEnrolment(db, { clock, actor, code: totpCode(secret, clock.now()), authSecret: KEY });
    const at = (iso: string) => fixedClock(iso);
    const signIn = (c: ReturnType<typeof fixedClock>, code: string) =>
      authenticateUser(db, c, { username: "admin-replay", password: "rahasia-admin-replay-1", code }, KEY);

    const t1 = at("2026-11-28T03:05:00Z");
    const code1 = totpCode(secret, t1.now());
    expect(await signIn(t1, code1)).toMatchObject({ id: admin.id });
    // The same code again, within the same 30 seconds: refused.
    expect(await signIn(t1, code1)).toBeNull();
    // Ten seconds on, the code is still within the allowed drift — and still spent.
    expect(await signIn(at("2026-11-28T03:05:10Z"), code1)).toBeNull();

    // Two sign-ins racing with one fresh code: exactly one gets in.
    const t2 = at("2026-11-28T03:06:00Z");
    const code2 = totpCode(secret, t2.now());
    const raced = await Promise.all([signIn(t2, code2), signIn(t2, code2), signIn(t2, code2)]);
    expect(raced.filter((r) => r !== null)).toHaveLength(1);

    // A code of the step before the last accepted one (still within drift) is refused as older.
    const t3 = at("2026-11-28T03:07:00Z");
    expect(await signIn(t3, totpCode(secret, t3.now()))).toMatchObject({ id: admin.id });
    expect(await signIn(t3, totpCode(secret, new Date(t3.now().getTime() - 30_000)))).toBeNull();

    const reasons = (await db.auditLog.findMany({ where: { action: "auth.login_failed", entityId: admin.id } })).map(
      (f) => (f.after as { reason: string }).reason,
    );
    expect(reasons).toEqual(Array(5).fill("reused_code"));
  });

  it("needs an enrolment code another admin issued: single use, not for oneself, expiring, and a fresh secret", async () => {
    const db = testDb();
    const admin = await createUser(db, { role: "ADMIN", username: "admin-baru", password: "rahasia-admin-baru-1" });
    const other = await createUser(db, { role: "ADMIN", username: "admin-lama", password: "rahasia-admin-lama-1" });
    const actor = { id: admin.id, role: "ADMIN" as const };
    const issuer = { id: other.id, role: "ADMIN" as const };
    // With the password alone: no secret shown, and confirming is refused.
    expect((await getMfaEnrolment(db, actor, KEY)).pending).toBeNull();
    expect(await refusal(confirmMfaEnrolment(db, { clock, actor, code: "123456", authSecret: KEY }))).toBe(
      "VALIDATION",
    );
    expect(await refusal(openMfaEnrolment(db, { clock, actor, code: "abcd-efgh-jkmn", authSecret: KEY }))).toBe(
      "VALIDATION",
    );
    // Nobody issues their own; a vendor or agency account gets none.
    expect(await refusal(issueMfaEnrolmentCode(db, { clock, actor, userId: admin.id }))).toBe("VALIDATION");
    const opd = await db.opd.create({ data: { code: "OPD-ENR", name: "Dinas Enrol" } });
    const clerk = await createUser(db, { role: "OPD_STAFF", opdId: opd.id });
    expect(await refusal(issueMfaEnrolmentCode(db, { clock, actor: issuer, userId: clerk.id }))).toBe("NOT_FOUND");
    expect(
      await refusal(issueMfaEnrolmentCode(db, { clock, actor: { id: clerk.id, role: "OPD_STAFF" }, userId: admin.id })),
    ).toBe("FORBIDDEN");

    // A code expires after 24 hours; a newer one replaces an older one.
    const old = await issueMfaEnrolmentCode(db, { clock, actor: issuer, userId: admin.id });
    const late = fixedClock("2026-11-29T03:00:01Z");
    expect(await refusal(openMfaEnrolment(db, { clock: late, actor, code: old.code, authSecret: KEY }))).toBe(
      "VALIDATION",
    );
    const first = await issueMfaEnrolmentCode(db, { clock, actor: issuer, userId: admin.id });
    const second = await issueMfaEnrolmentCode(db, { clock, actor: issuer, userId: admin.id });
    expect(await refusal(openMfaEnrolment(db, { clock, actor, code: first.code, authSecret: KEY }))).toBe("VALIDATION");
    // Typed in capitals with spaces: still the code.
    await openMfaEnrolment(db, {
      clock,
      actor,
      code: `  ${second.code.toUpperCase().replace(/-/g, " ")} `,
      authSecret: KEY,
    });
    const secret = (await getMfaEnrolment(db, actor, KEY)).pending!.secret;
    await confirmMfaEnrolment(db, { clock, actor, code: totpCode(secret, clock.now()), authSecret: KEY });
    // Spent: it opens nothing again, and the account is enrolled.
    expect(await refusal(openMfaEnrolment(db, { clock, actor, code: second.code, authSecret: KEY }))).toBe(
      "INVALID_STATE",
    );
    expect(await db.mfaEnrolmentCode.count({ where: { userId: admin.id, usedAt: { not: null } } })).toBe(1);
    // The admins' account list shows it enrolled; only admins read that list.
    const accounts = await listMfaAccounts(db, { clock, actor: issuer });
    expect(accounts.find((a) => a.id === admin.id)).toMatchObject({ enabledAt: clock.now(), codeExpiresAt: null });
    expect(await refusal(listMfaAccounts(db, { clock, actor: { id: clerk.id, role: "OPD_STAFF" } }))).toBe("FORBIDDEN");
    const trail = JSON.stringify(await db.auditLog.findMany({ where: { entityId: admin.id } }), (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(trail).toContain("auth.mfa_enrolment_code_issued");
    for (const c of [old.code, first.code, second.code]) expect(trail).not.toContain(c);
  });

  it("opens with a fresh secret, so one seen before the code (by whoever had only the password) is useless", async () => {
    const db = testDb();
    const admin = await createUser(db, { role: "MAYOR", username: "walikota-baru" });
    const actor = { id: admin.id, role: "MAYOR" as const };
    await openWithCode(db, actor);
    const seen = (await getMfaEnrolment(db, actor, KEY)).pending!.secret;
    await openWithCode(db, actor);
    const now = (await getMfaEnrolment(db, actor, KEY)).pending!.secret;
    expect(now).not.toBe(seen);
    expect(
      await refusal(confirmMfaEnrolment(db, { clock, actor, code: totpCode(seen, clock.now()), authSecret: KEY })),
    ).toBe("VALIDATION");
  });

  it("is asked of the mayor too, not of agency staff, who cannot enrol either", async () => {
    const db = testDb();
    const staff = await createUser(db, { role: "MAYOR", username: "walikota-uji", password: "rahasia-walikota-1" });
    expect((await getMfaEnrolment(db, { id: staff.id, role: "MAYOR" }, KEY)).required).toBe(true);
    const opd = await db.opd.create({ data: { code: "OPD-MFA", name: "Dinas MFA" } });
    const clerk = await createUser(db, { role: "OPD_STAFF", opdId: opd.id, password: "rahasia-staf-mfa-1" });
    const s = await getMfaEnrolment(db, { id: clerk.id, role: "OPD_STAFF" }, KEY);
    expect(s).toMatchObject({ required: false, pending: null });
    expect(
      await refusal(
        confirmMfaEnrolment(db, { clock, actor: { id: clerk.id, role: "OPD_STAFF" }, code: "123456", authSecret: KEY }),
      ),
    ).toBe("FORBIDDEN");
  });
});
