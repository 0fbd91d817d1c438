// Issue 17 (8): a user replaces the password an admin gave out; every session of the account ends.
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createUser } from "@/tests/factories";
import { fixedClock } from "@/lib/clock";
import { changePassword } from "@/lib/data/user/change-password";
import { authenticateUser } from "@/lib/data/user/authenticate-user";
import { isAppError } from "@/lib/errors";

const clock = fixedClock("2026-06-01T02:00:00Z");

async function fields(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  return isAppError(e) ? Object.keys((e.details?.issues as object) ?? {}) : e;
}

describe("changing one's password", () => {
  it("needs the current one, follows the policy, ends every session and is audited without a password", async () => {
    const db = testDb();
    const u = await createUser(db, { role: "MAYOR", username: "umkm-ganti", password: "sandi-dari-admin-1" });
    const actor = { id: u.id, role: "MAYOR" as const };
    const before = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(
      await fields(
        changePassword(db, {
          clock,
          actor,
          input: {
            current: "salah",
            next: "sandi-baru-yang-panjang",
            confirm: "sandi-baru-yang-panjang",
          },
        }),
      ),
    ).toEqual(["current"]);
    expect(
      await fields(
        changePassword(db, {
          clock,
          actor,
          input: { current: "sandi-dari-admin-1", next: "pendek", confirm: "pendek" },
        }),
      ),
    ).toContain("next");
    expect(
      await fields(
        changePassword(db, {
          clock,
          actor,
          input: {
            current: "sandi-dari-admin-1",
            next: "sandi-baru-yang-panjang",
            confirm: "lain",
          },
        }),
      ),
    ).toEqual(["confirm"]);
    await changePassword(db, {
      clock,
      actor,
      input: {
        current: "sandi-dari-admin-1",
        next: "sandi-baru-yang-panjang",
        confirm: "sandi-baru-yang-panjang",
      },
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.passwordChangedAt).toEqual(clock.now());
    const signIn = (password: string) => authenticateUser(db, clock, { username: "umkm-ganti", password });
    expect(await signIn("sandi-dari-admin-1")).toBeNull();
    expect(await signIn("sandi-baru-yang-panjang")).toMatchObject({ id: u.id });
    const trail = JSON.stringify(await db.auditLog.findMany({ where: { entityId: u.id } }), (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(trail).toContain("auth.password_changed");
    expect(trail).not.toContain("sandi-baru-yang-panjang");
  });
});
