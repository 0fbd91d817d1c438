// npm run db:backup / db:restore: a pg_dump (custom format) round trip gives back exactly the same data, with the
// database's own rules (the audit trail's append-only trigger) in force again.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDb, testDbUrl } from "@/tests/support/integration-setup";
import { createCity, orderInput } from "@/tests/factories/routing";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { fingerprint } from "@/tests/support/action-harness";
import { backupDatabase, restoreDatabase } from "@/scripts/lib/backup";

describe("backup and restore", () => {
  it("restores a backup exactly, dropping what changed since, with the append-only audit still enforced", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 2, pools: [[0, 1]] });
    const staff = { id: city.opds[0]!.staffId, role: "OPD_STAFF" as const, opdId: city.opds[0]!.id };
    for (let i = 0; i < 3; i++)
      await submitOrder(db, { clock: fixedClock("2026-06-01T02:00:00Z"), actor: staff, input: orderInput() });
    const before = await fingerprint(db, { withAudit: true });
    const dir = mkdtempSync(path.join(tmpdir(), "mm-backup-"));
    const file = path.join(dir, "backup.dump");
    try {
      backupDatabase(testDbUrl(), file);
      expect(statSync(file).size).toBeGreaterThan(10_000);
      // Life goes on after the backup…
      await db.vendor.update({ where: { id: city.vendors[0]!.id }, data: { name: "Diubah setelah cadangan" } });
      await db.opd.create({ data: { code: "OPD-BARU", name: "OPD baru" } });
      await submitOrder(db, { clock: fixedClock("2026-06-01T02:00:00Z"), actor: staff, input: orderInput() });
      expect(await fingerprint(db, { withAudit: true })).not.toEqual(before);
      // …then the backup is restored.
      await db.$disconnect();
      restoreDatabase(testDbUrl(), file);
      expect(await fingerprint(db, { withAudit: true })).toEqual(before);
      await expect(db.$executeRaw`UPDATE "AuditLog" SET action = 'x'`).rejects.toThrow();
      // The rollups' trigger is back too: a new order still adds up.
      const r = await submitOrder(db, { clock: fixedClock("2026-06-01T02:00:00Z"), actor: staff, input: orderInput() });
      expect(r.route?.kind).toBe("OFFERED");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("explains what is missing when a backup cannot be made", () => {
    expect(() => backupDatabase("postgresql://nobody@127.0.0.1:1/none", "/nonexistent/dir/x.dump")).toThrow(
      /pg_dump failed/,
    );
  });
});
