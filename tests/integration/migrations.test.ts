import { describe, expect, it } from "vitest";
import pg from "pg";
import { testDb, testDbUrl } from "@/tests/support/integration-setup";
import { listMigrations, migrate } from "@/scripts/lib/migrate";
import { createBudget, createOpd, createOrder, createUser, createVendor } from "@/tests/factories";

describe("migration runner", () => {
  it("records every migration in _prisma_migrations with Prisma's sha256 checksum, and is a no-op the second time", async () => {
    const rows = await testDb().$queryRaw<
      { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }[]
    >`
      SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`;
    const files = listMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, r] of rows.entries()) {
      expect(r.checksum).toBe(files[i]!.checksum);
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
    const again = await migrate(testDbUrl());
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(files.length);
  });

  it("serialises concurrent runs with an advisory lock", async () => {
    const results = await Promise.all([migrate(testDbUrl()), migrate(testDbUrl()), migrate(testDbUrl())]);
    expect(results.every((r) => r.applied.length === 0)).toBe(true);
  });
});

describe("database constraints make impossible states impossible", () => {
  async function scene() {
    const db = testDb();
    const opd = await createOpd(db);
    const vendorA = await createVendor(db);
    const vendorB = await createVendor(db);
    const staff = await createUser(db, { role: "OPD_STAFF", opdId: opd.id });
    const budget = await createBudget(db, opd.id, 2026, 10_000_000);
    const order = await createOrder(db, {
      opdId: opd.id,
      placedById: staff.id,
      budgetId: budget.id,
      status: "OFFERED",
      deliveryAt: new Date("2026-12-01T03:00:00Z"),
    });
    return { db, opd, vendorA, vendorB, staff, budget, order };
  }

  const offer = (
    orderId: string,
    vendorId: string,
    round: number,
    status: "PENDING" | "ACCEPTED" | "DECLINED" = "PENDING",
  ) => ({
    orderId,
    vendorId,
    round,
    status,
    value: 1_500_000n,
    pax: 50,
    deliveryDay: new Date("2026-12-01T00:00:00Z"),
    offeredAt: new Date("2026-11-28T01:00:00Z"),
    expiresAt: new Date("2026-11-28T03:00:00Z"),
    respondedAt: status === "PENDING" ? null : new Date("2026-11-28T01:30:00Z"),
  });

  it("allows at most one pending-or-accepted offer per order", async () => {
    const { db, order, vendorA, vendorB } = await scene();
    await db.offer.create({ data: offer(order.id, vendorA.id, 1) });
    await expect(db.offer.create({ data: offer(order.id, vendorB.id, 2) })).rejects.toThrow();
    await expect(db.offer.create({ data: offer(order.id, vendorB.id, 2, "ACCEPTED") })).rejects.toThrow();
    // A declined offer beside the live one is fine.
    await db.offer.create({ data: offer(order.id, vendorB.id, 2, "DECLINED") });
    expect(await db.offer.count({ where: { orderId: order.id } })).toBe(2);
  });

  it("keeps committed budget within the pagu", async () => {
    const { db, budget } = await scene();
    await expect(db.budget.update({ where: { id: budget.id }, data: { committed: 10_000_001n } })).rejects.toThrow();
    await db.budget.update({ where: { id: budget.id }, data: { committed: 10_000_000n } });
  });

  it("refuses an order whose total is not unit price × pax, or an awarded order without a vendor", async () => {
    const { db, order } = await scene();
    await expect(db.order.update({ where: { id: order.id }, data: { total: 1n } })).rejects.toThrow();
    await expect(db.order.update({ where: { id: order.id }, data: { status: "ACCEPTED" } })).rejects.toThrow();
  });

  it("refuses the same idempotency key twice for one user", async () => {
    const { db, order, opd, staff, budget } = await scene();
    const again = createOrder(db, {
      opdId: opd.id,
      placedById: staff.id,
      budgetId: budget.id,
      deliveryAt: new Date("2026-12-02T03:00:00Z"),
    });
    const second = await again;
    await expect(
      db.order.update({ where: { id: second.id }, data: { idempotencyKey: order.idempotencyKey } }),
    ).rejects.toThrow();
  });

  it("ties a user to exactly what its role says", async () => {
    const { db, opd, vendorA } = await scene();
    await expect(createUser(db, { role: "OPD_STAFF" })).rejects.toThrow();
    await expect(createUser(db, { role: "VENDOR", vendorId: vendorA.id, opdId: opd.id })).rejects.toThrow();
    await expect(createUser(db, { role: "ADMIN", opdId: opd.id })).rejects.toThrow();
    await createUser(db, { role: "MAYOR" });
  });

  it("keeps the audit log append-only, even for the table owner", async () => {
    const db = testDb();
    await db.auditLog.create({ data: { action: "test.append", entity: "Test" } });
    await expect(db.auditLog.updateMany({ data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    const c = new pg.Client({ connectionString: testDbUrl() });
    await c.connect();
    await expect(c.query('TRUNCATE "AuditLog"')).rejects.toThrow(/append-only/);
    await c.end();
    expect(await db.auditLog.count({ where: { action: "test.append" } })).toBe(1);
  });
});
