import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { authenticateUser } from "@/lib/data/user/authenticate-user";
import { createOpd, createUser } from "@/tests/factories";
import { isAppError } from "@/lib/errors";

const clock = fixedClock("2026-11-28T03:00:00Z");

describe("authenticateUser", () => {
  it("accepts the right password (case-insensitive username) and audits the login", async () => {
    const db = testDb();
    const opd = await createOpd(db);
    const u = await createUser(db, {
      role: "OPD_STAFF",
      opdId: opd.id,
      username: "opd-uji",
      password: "benar-sekali-123",
    });
    const got = await authenticateUser(db, clock, {
      username: " OPD-Uji ",
      password: "benar-sekali-123",
      ip: "127.0.0.1",
    });
    expect(got).toMatchObject({ id: u.id, role: "OPD_STAFF", opdId: opd.id, vendorId: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.login", entityId: u.id } });
    expect(audit.actorId).toBe(u.id);
    expect(audit.ip).toBe("127.0.0.1");
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lastLoginAt).toEqual(clock.now());
  });

  it("refuses a wrong password, an unknown user and an inactive user alike, auditing each without the password", async () => {
    const db = testDb();
    await createUser(db, { role: "ADMIN", username: "admin-uji", password: "rahasia-admin-1" });
    await createUser(db, { role: "ADMIN", username: "admin-nonaktif", password: "rahasia-admin-1", active: false });
    expect(await authenticateUser(db, clock, { username: "admin-uji", password: "salah" })).toBeNull();
    expect(await authenticateUser(db, clock, { username: "tidak-ada", password: "rahasia-admin-1" })).toBeNull();
    expect(await authenticateUser(db, clock, { username: "admin-nonaktif", password: "rahasia-admin-1" })).toBeNull();
    expect(await authenticateUser(db, clock, { username: "", password: "x" })).toBeNull();
    const failures = await db.auditLog.findMany({ where: { action: "auth.login_failed" } });
    expect(failures.map((f) => (f.after as { reason: string }).reason).sort()).toEqual([
      "inactive",
      "unknown_user",
      "unknown_user",
      "wrong_password",
    ]);
    for (const f of failures) {
      expect(JSON.stringify({ ...f, id: String(f.id) })).not.toContain("rahasia");
      expect(f.actorId).toBeNull();
    }
  });

  it("refuses an account after 10 failures in 15 minutes, even with the right password, and an address after 50", async () => {
    const db = testDb();
    await createUser(db, { role: "ADMIN", username: "admin-diserang", password: "rahasia-admin-2" });
    await createUser(db, { role: "ADMIN", username: "admin-lain", password: "rahasia-admin-3" });
    for (let i = 0; i < 10; i++) {
      expect(
        await authenticateUser(db, clock, { username: "admin-diserang", password: `tebakan-${i}`, ip: "10.0.0.9" }),
      ).toBeNull();
    }
    const refused = await authenticateUser(db, clock, {
      username: "ADMIN-diserang",
      password: "rahasia-admin-2",
      ip: "10.0.0.8",
    }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe("THROTTLED");
    // An unknown username is counted the same way: the refusal says nothing about whether it exists.
    for (let i = 0; i < 10; i++) await authenticateUser(db, clock, { username: "tidak-ada-2", password: "x" });
    await expect(authenticateUser(db, clock, { username: "tidak-ada-2", password: "x" })).rejects.toMatchObject({
      code: "THROTTLED",
    });
    // Another account is not affected; the throttled attempt is audited without counting as a failure.
    expect(await authenticateUser(db, clock, { username: "admin-lain", password: "rahasia-admin-3" })).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.login_throttled" } })).toBe(2);
    // Failures older than the window no longer count.
    await createUser(db, { role: "ADMIN", username: "admin-lama", password: "rahasia-admin-4" });
    await db.$executeRaw`INSERT INTO "AuditLog" (at, action, entity, after)
      SELECT now() - interval '16 minutes', 'auth.login_failed', 'User', '{"username":"admin-lama"}'::jsonb FROM generate_series(1, 12)`;
    expect(await authenticateUser(db, clock, { username: "admin-lama", password: "rahasia-admin-4" })).not.toBeNull();
    // One address: 50 failures across many usernames.
    await db.$executeRaw`INSERT INTO "AuditLog" (at, action, entity, after, ip)
      SELECT now(), 'auth.login_failed', 'User', jsonb_build_object('username', 'u' || g), '10.9.9.9' FROM generate_series(1, 50) g`;
    await expect(
      authenticateUser(db, clock, { username: "admin-lain", password: "rahasia-admin-3", ip: "10.9.9.9" }),
    ).rejects.toMatchObject({ code: "THROTTLED" });
    expect(
      await authenticateUser(db, clock, { username: "admin-lain", password: "rahasia-admin-3", ip: "10.9.9.10" }),
    ).not.toBeNull();
  });
});
