import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createOpdStaff } from "@/lib/data/admin/opds/create-opd-staff";
import { listCeilings } from "@/lib/data/admin/opds/list-ceilings";
import { listOpdsWithMoney } from "@/lib/data/admin/opds/list-opds-with-money";
import { saveBudget } from "@/lib/data/admin/opds/save-budget";
import { saveCeiling } from "@/lib/data/admin/opds/save-ceiling";
import { saveOpd } from "@/lib/data/admin/opds/save-opd";
import { saveRules } from "@/lib/data/admin/opds/save-rules";
import { setUserActive } from "@/lib/data/admin/opds/set-user-active";
import { getSettings } from "@/lib/data/settings/get-settings";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { authenticateUser } from "@/lib/data/user/authenticate-user";
import { submitOrder } from "@/lib/data/orders/submit-order";

const clock = fixedClock("2026-06-01T02:00:00Z");
const admin = { id: "00000000-0000-4000-8000-0000000000ad", role: "ADMIN" as const };

async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

describe("OPDs, staff accounts and budgets", () => {
  it("creates and edits an OPD, adds a staff login that works, and deactivation ends it", async () => {
    const db = testDb();
    const code = `DINAS-${Date.now() % 100000}`;
    const { id } = await saveOpd(db, {
      actor: admin,
      opdId: null,
      input: { code, name: "Dinas Uji Coba", address: "", headName: "" },
    });
    await expectCode(saveOpd(db, { actor: admin, opdId: null, input: { code, name: "Dinas Kembar" } }), "CONFLICT");
    await saveOpd(db, { actor: admin, opdId: id, input: { code, name: "Dinas Uji Coba Baru", headName: "Drs. Budi" } });
    expect(await db.opd.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Dinas Uji Coba Baru",
      headName: "Drs. Budi",
    });

    const username = `staf-${Date.now() % 100000}`;
    await createOpdStaff(db, {
      actor: admin,
      opdId: id,
      input: { username, name: "Staf Uji", email: "", password: "kata-sandi-staf" },
    });
    await expectCode(
      createOpdStaff(db, { actor: admin, opdId: id, input: { username, name: "Kembar", password: "kata-sandi-staf" } }),
      "CONFLICT",
    );
    const user = (await authenticateUser(db, clock, { username, password: "kata-sandi-staf" }))!;
    expect(user).toMatchObject({ role: "OPD_STAFF", opdId: id });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await setUserActive(db, { actor: admin, userId: user.id, active: false });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.active).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await authenticateUser(db, clock, { username, password: "kata-sandi-staf" })).toBeNull();
    await expectCode(setUserActive(db, { actor: admin, userId: admin.id, active: false }), "INVALID_STATE");
  });

  it("sets a pagu per kode rekening, never below what orders have already committed", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]], budget: 10_000_000 });
    const opdId = city.opds[0]!.id;
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId };
    await submitOrder(db, { clock, actor: staff, input: orderInput() }); // commits 2.000.000
    await expectCode(
      saveBudget(db, {
        actor: admin,
        opdId: opdId,
        input: {
          fiscalYear: "2026",
          accountCode: "5.1.02.01.01.0052",
          accountName: "Rapat",
          pagu: "1000000",
        },
      }),
      "VALIDATION",
    );
    await saveBudget(db, {
      actor: admin,
      opdId: opdId,
      input: {
        fiscalYear: "2026",
        accountCode: "5.1.02.01.01.0052",
        accountName: "Belanja Makanan dan Minuman Rapat",
        pagu: "2500000",
      },
    });
    await saveBudget(db, {
      actor: admin,
      opdId: opdId,
      input: {
        fiscalYear: "2026",
        accountCode: "5.1.02.01.01.0053",
        accountName: "Jamuan Tamu",
        pagu: "5000000",
      },
    });
    await expectCode(
      saveBudget(db, {
        actor: admin,
        opdId: opdId,
        input: {
          fiscalYear: "2026",
          accountCode: "rekening",
          accountName: "x",
          pagu: "-1",
        },
      }),
      "VALIDATION",
    );
    const list = (await listOpdsWithMoney(db, { actor: admin, fiscalYear: 2026 })).find((o) => o.id === opdId)!;
    expect(list.budgets.map((b) => [b.accountCode, b.pagu, b.committed])).toEqual([
      ["5.1.02.01.01.0052", 2_500_000, 2_000_000],
      ["5.1.02.01.01.0053", 5_000_000, 0],
    ]);
    expect(
      await db.auditLog.count({
        where: { action: { in: ["budget.updated", "budget.created"] }, after: { path: ["opdId"], equals: opdId } },
      }),
    ).toBe(2);
  });
});

describe("price ceilings and rules", () => {
  it("upserts a ceiling per category and year", async () => {
    const db = testDb();
    await saveCeiling(db, {
      actor: admin,
      input: {
        category: "MINUMAN",
        fiscalYear: "2030",
        maxPerPax: "8000",
        basis: "SSH 2030",
      },
    });
    await saveCeiling(db, {
      actor: admin,
      input: { category: "MINUMAN", fiscalYear: "2030", maxPerPax: "9000", basis: "" },
    });
    await expectCode(
      saveCeiling(db, { actor: admin, input: { category: "MINUMAN", fiscalYear: "2030", maxPerPax: "10" } }),
      "VALIDATION",
    );
    const c = (await listCeilings(db, { actor: admin })).filter((x) => x.fiscalYear === 2030);
    expect(c).toEqual([expect.objectContaining({ category: "MINUMAN", maxPerPax: 9000, basis: null })]);
  });

  it("saves the rules as a whole, refusing SP3 at or below SP2 and unknown fields", async () => {
    const db = testDb();
    const rules = { ...DEFAULT_SETTINGS, responseWindowMinutes: 90, suspensionDays: 14 };
    await saveRules(db, { actor: admin, input: rules });
    expect(await getSettings(db)).toEqual(rules);
    await expectCode(saveRules(db, { actor: admin, input: { ...rules, sp3AfterFailures: 2 } }), "VALIDATION");
    await expectCode(saveRules(db, { actor: admin, input: { ...rules, extra: 1 } }), "VALIDATION");
    await expectCode(saveRules(db, { actor: { id: admin.id, role: "MAYOR" }, input: rules }), "FORBIDDEN");
    // The reads authorise their caller too.
    await expectCode(listCeilings(db, { actor: { id: admin.id, role: "OPD_STAFF" } }), "FORBIDDEN");
    await expectCode(listOpdsWithMoney(db, { actor: { id: admin.id, role: "MAYOR" }, fiscalYear: 2026 }), "FORBIDDEN");
    expect(await getSettings(db)).toEqual(rules);
    expect(await db.auditLog.count({ where: { action: "settings.updated" } })).toBe(1);
  });
});
