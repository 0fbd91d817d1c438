// Notifications as templates (issue 18): every template has a title and a body in both languages with the same
// placeholders, every label a notification names exists in both, and the values are written each language's way.
import { describe, expect, it } from "vitest";
import id from "@/messages/id.json";
import en from "@/messages/en.json";
import { asNoticeParams, NOTICE_TEMPLATES, noticeValues } from "@/lib/domain/notices";
import { renderNotice } from "@/lib/i18n/notices";

type Tree = Record<string, unknown>;
// The message's arguments (a select's branches, "yes {…}" / "other {…}", are its text, not arguments).
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/(?<!(?:yes|no|other) )\{(\w+)[,}]/g)].map((m) => m[1]!))].sort();

describe("notification templates", () => {
  it("has a title and a body for every template in both languages, with the same placeholders, and no other", () => {
    for (const messages of [id, en] as Tree[]) {
      const notices = messages.notices as Record<string, { title: string; body: string }>;
      expect(
        Object.keys(notices)
          .filter((k) => k !== "escalation")
          .sort(),
      ).toEqual([...NOTICE_TEMPLATES].sort());
    }
    for (const t of NOTICE_TEMPLATES) {
      const a = (id.notices as unknown as Record<string, { title: string; body: string }>)[t]!;
      const b = (en.notices as unknown as Record<string, { title: string; body: string }>)[t]!;
      expect(placeholders(b.title), `${t} title`).toEqual(placeholders(a.title));
      expect(placeholders(b.body), `${t} body`).toEqual(placeholders(a.body));
    }
    expect(Object.keys(en.notices.escalation).sort()).toEqual(Object.keys(id.notices.escalation).sort());
  });

  it("writes amounts, instants, days and labels the reader's way", () => {
    const params = {
      number: "MM-2026-000001",
      opd: "DISKOMINFO",
      net: { rp: 1_250_000 },
      tax: { rp: 0 },
      paidOn: { day: "2026-07-31" },
    };
    expect(renderNotice("paymentRecordedInFull", params, "id")).toEqual({
      title: "Pesanan MM-2026-000001 sudah dibayar lunas",
      body: expect.stringMatching(/^DISKOMINFO membayar Rp\s?1\.250\.000 .* pada 31 Jul 2026\.$/),
    });
    expect(renderNotice("paymentRecordedInFull", params, "en").body).toMatch(/31 Jul 2026\.$/);
    const escalated = { number: "MM-1", eventName: "Rapat", reason: { label: "notices.escalation.TOO_LATE" } };
    expect(renderNotice("orderEscalated", escalated, "en").body).toBe(
      "Rapat: the delivery is too close to offer it again.",
    );
    expect(
      renderNotice(
        "sanctionProposed",
        {
          level: { label: "status.sanctionLevel.SP2" },
          number: "MM-1",
          failure: { label: "orderDetail.failTypes.NOT_DELIVERED" },
          evidence: "Tidak datang",
        },
        "id",
      ).title,
    ).toBe(`Usulan sanksi ${id.status.sanctionLevel.SP2}`);
    const expiring = {
      document: { label: "adminVendors.docTypes.HALAL" },
      expired: "yes",
      expiresOn: { day: "2026-06-15" },
    };
    expect(renderNotice("documentExpiringVendor", expiring, "id").title).toBe(
      "Sertifikat halal Anda sudah habis 15 Jun 2026",
    );
    expect(renderNotice("documentExpiringVendor", { ...expiring, expired: "no" }, "en").title).toBe(
      "Your Halal certificate expires 15 Jun 2026",
    );
    // An unknown label shows its key, never breaks the message.
    expect(
      noticeValues(
        { x: { label: "no.such.key" } },
        { rupiah: String, dateTime: String, date: String, label: (k) => k },
      ),
    ).toEqual({
      x: "no.such.key",
    });
  });

  it("reads only a well-formed parameter map back from the database", () => {
    expect(asNoticeParams({ a: "x", b: 2, c: { rp: 1 }, d: { at: "2026-01-01T00:00:00Z" } })).not.toBeNull();
    for (const bad of [null, "x", [1], { a: { rp: 1, at: "x" } }, { a: { other: 1 } }, { a: null }, { a: true }])
      expect(asNoticeParams(bad)).toBeNull();
  });
});
