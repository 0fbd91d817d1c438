import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { authenticateUser } from "@/lib/data/user/authenticate-user";
import { createOpd, createUser } from "@/tests/factories";

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
});
