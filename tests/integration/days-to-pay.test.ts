// Issue 20: days-to-pay and the payables' stages, read from SQL, compared with the rules they mirror
// (lib/domain/payment.ts daysToPay, payableStage, isOverdue) on the demo city's payments — paid, late, partly paid,
// returned and never invoiced — so a drift between the trigger or a filter and the rule fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { fixedClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { getDaysToPay } from "@/lib/data/dashboard/get-days-to-pay";
import { listPayables } from "@/lib/data/payments/list-payables";
import { averageDays, daysToPay, isOverdue, payableStage, PAYABLE_STAGES } from "@/lib/domain/payment";
import { parsePeriod } from "@/lib/domain/period";
import { wibDay } from "@/lib/format";

const clock = fixedClock("2026-11-28T03:00:00Z");
const TARGET = 14;

beforeAll(async () => {
  await seedDemo(testDb(), clock);
});

async function payables() {
  return (await testDb().payable.findMany()).map((p) => ({
    ...p,
    amount: Number(p.amount),
    paidGross: Number(p.paidGross),
    bastDay: wibDay(p.bastAt),
    paidDay: p.paidOn?.toISOString().slice(0, 10) ?? null,
    invoiceDay: p.invoicedAt ? wibDay(p.invoicedAt) : null,
  }));
}

describe("days to pay", () => {
  it("the demo tells a story: paid within the target, paid late, partly paid, unpaid past the target", async () => {
    const all = await payables();
    const stages = new Set(all.map((p) => payableStage(p)));
    expect([...stages].sort()).toEqual([...PAYABLE_STAGES].sort());
    const paid = all.filter((p) => p.paidDay);
    expect(paid.some((p) => daysToPay(p.bastDay, p.paidDay!) <= TARGET)).toBe(true);
    expect(paid.some((p) => daysToPay(p.bastDay, p.paidDay!) > TARGET)).toBe(true);
    expect(all.some((p) => isOverdue(p.bastDay, "2026-11-28", TARGET, p.paidDay !== null))).toBe(true);
  });

  it("per month and per OPD equal the rule applied to every payable (the trigger mirrors daysToPay)", async () => {
    const all = await payables();
    const period = parsePeriod("year:2026")!;
    const d = await getDaysToPay(testDb(), { clock, period, opdId: null, targetDays: TARGET });
    for (const m of d.months) {
      const rows = all.filter((p) => p.paidDay?.startsWith(m.month));
      const invoiced = rows.filter((p) => p.invoiceDay);
      expect([m.month, m.paidCount, m.avgFromBast, m.avgFromInvoice]).toEqual([
        m.month,
        rows.length,
        averageDays(
          rows.reduce((a, p) => a + daysToPay(p.bastDay, p.paidDay!), 0),
          rows.length,
        ),
        averageDays(
          invoiced.reduce((a, p) => a + daysToPay(p.invoiceDay!, p.paidDay!), 0),
          invoiced.length,
        ),
      ]);
    }
    expect(d.months.some((m) => m.avgFromBast === null)).toBe(true); // months before the demo: no data, not 0
    for (const o of d.byOpd) {
      const rows = all.filter((p) => p.opdId === o.opdId);
      const unpaid = rows.filter((p) => !p.paidDay);
      expect([o.paidCount, o.owedCount, o.owedValue, o.overdue]).toEqual([
        rows.filter((p) => p.paidDay).length,
        unpaid.length,
        unpaid.reduce((a, p) => a + p.amount - p.paidGross, 0),
        unpaid.filter((p) => isOverdue(p.bastDay, "2026-11-28", TARGET, false)).length,
      ]);
    }
    // The oldest overdue first, each past the target.
    const waited = d.overdue.map((o) => o.daysWaited);
    expect(waited).toEqual([...waited].sort((a, b) => b - a));
    expect(waited.every((w) => w > TARGET)).toBe(true);
  });

  it("each stage filter lists exactly the payables the rule puts in that stage", async () => {
    const all = await payables();
    const opdId = all[0]!.opdId;
    for (const stage of PAYABLE_STAGES) {
      const page = await listPayables(testDb(), {
        clock,
        actor: { role: "OPD_STAFF", opdId },
        query: { stage },
        targetDays: TARGET,
      });
      const expected = all.filter((p) => p.opdId === opdId && payableStage(p) === stage).length;
      expect([stage, page.total]).toEqual([stage, expected]);
      expect(page.rows.every((r) => r.stage === stage)).toBe(true);
    }
  });
});
