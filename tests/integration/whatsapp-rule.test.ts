// The wa.me number has one rule (lib/domain/whatsapp.ts waNumber, on lib/domain/indonesian-input.ts normalizePhone)
// and one SQL mirror (lib/data/notifications/notify.ts waNumberSql, used by the offer's WhatsApp nudge). The mirror
// once drifted: a vendor who typed "812…" was stored as typed and got `wa.me/812…`, which the dispatcher then
// refused, so the nudge silently failed. The number is now stored in one form by the validation; this checks the SQL
// against the rule on every way people type a number, through the same validation the forms use.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { testDb } from "@/tests/support/integration-setup";
import { createCity } from "@/tests/factories/routing";
import { phoneField } from "@/lib/validation/fields";
import { waNumber } from "@/lib/domain/whatsapp";
import { whatsappNudgeSql } from "@/lib/data/notifications/notify";

const stored = phoneField("Nomor WhatsApp tidak valid");

describe("the WhatsApp number in SQL and in TypeScript", () => {
  it("gives the same wa.me number for every way a vendor types it", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const vendorId = city.vendors[0]!.id;
    const opdId = city.opds[0]!.id;
    const typed = fc
      .tuple(
        fc.constantFrom("0", "+62", "+62 ", "62", "", "(0", "0062"),
        fc.stringMatching(/^8[1-9][0-9]{7,10}$/),
        fc.constantFrom("", " ", "-", "."),
      )
      .map(([prefix, digits, sep]) => {
        const close = prefix === "(0" ? ")" : "";
        return `${prefix}${digits.slice(0, 3)}${close}${sep}${digits.slice(3, 7)}${sep}${digits.slice(7)}`;
      });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(typed, async (raw) => {
        const parsed = stored.safeParse(raw);
        // What the form refuses never reaches the database; what it accepts must read the same in both places.
        if (!parsed.success) return;
        await db.vendor.update({ where: { id: vendorId }, data: { whatsapp: parsed.data } });
        n += 1;
        const note = { kind: "offer.whatsapp", title: `t${n}`, body: "b" };
        await db.$executeRaw(whatsappNudgeSql(opdId, vendorId, note, "Halo", new Date()));
        const row = await db.notification.findFirstOrThrow({ where: { title: `t${n}` }, select: { link: true } });
        expect(row.link).toBe(`https://wa.me/${waNumber(raw)}?text=Halo`);
      }),
      { numRuns: 60 },
    );
    expect(n).toBeGreaterThan(20);
  });
});
