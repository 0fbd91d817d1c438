// Refusals from message keys (issue 18): every key a rule uses exists in both languages with the same placeholders,
// a refusal reads in the reader's language — the schema's own message, one a use case writes with values (rupiah,
// instants), and a rule without a message of its own (never zod's English) — and no key is left unwritten.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import id from "@/messages/id.json";
import en from "@/messages/en.json";
import { hasValidationKey, validationKeysOf, vm } from "@/lib/domain/validation-message";
import { validationIssues, validationText } from "@/lib/i18n/validation";
import { parseInput } from "@/lib/validation/parse";
import { orderInputSchema } from "@/lib/validation/order";
import { budgetSchema } from "@/lib/validation/admin-money";
import { vendorSchema } from "@/lib/validation/admin-vendor";
import { isAppError } from "@/lib/errors";

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree, prefix = ""): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]!))].sort();

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === "generated") return [];
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });

const refusedIn = (locale: "id" | "en", schema: z.ZodType, input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (e) {
    if (isAppError(e)) return validationIssues(e.details?.issues as Record<string, string[]>, locale)!;
  }
  throw new Error("not refused");
};

const order = {
  idempotencyKey: "k".repeat(20),
  eventName: "Rapat koordinasi",
  deliveryAt: new Date("2026-12-01T03:00:00Z"),
  place: "Aula",
  contactName: "Sri",
  contactPhone: "0812 3456 7890",
  pax: "50",
  category: "MAKAN",
  unitPrice: "25.000",
  accountCode: "5.1.02.01.01.0052",
  method: "PENGADAAN_LANGSUNG",
};

describe("refusal messages", () => {
  it("has every key in both languages with the same placeholders", () => {
    const a = new Map(leaves(id.validation as Tree));
    const b = new Map(leaves(en.validation as Tree));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [k, text] of a) expect(placeholders(b.get(k)!), k).toEqual(placeholders(text));
  });

  it("knows every key the code names", () => {
    const known = new Set(leaves(id.validation as Tree).map(([k]) => k));
    const used = new Set<string>();
    for (const file of [...sources("lib"), ...sources("components")])
      for (const m of readFileSync(file, "utf8").matchAll(/\bvm\(\s*"([\w.]+)"/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(150);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
    // Amounts named by label (validation.amounts.*) are keys too.
    for (const k of Object.keys(id.validation.amounts)) expect(known.has(`amounts.${k}`)).toBe(true);
  });

  it("writes a schema's refusal in the reader's language", () => {
    const bad = { ...order, eventName: "ab", pax: "1e3", contactPhone: "12345" };
    const inId = refusedIn("id", orderInputSchema, bad);
    const inEn = refusedIn("en", orderInputSchema, bad);
    expect(inId.eventName).toEqual(["Nama kegiatan minimal 3 huruf"]);
    expect(inEn.eventName).toEqual(["The event name needs at least 3 letters"]);
    expect(inEn.pax![0]).toMatch(/^Write the number of portions in figures/);
    expect(inEn.contactPhone![0]).toMatch(/^Not a valid mobile number/);
  });

  it("names an amount by its label in each language", () => {
    const bad = { fiscalYear: 2026, accountCode: "5.1.02.01.01.0052", accountName: "Mamin", pagu: "-5" };
    expect(refusedIn("id", budgetSchema, bad).pagu![0]).toMatch(/^Pagu harus berupa angka|^Pagu tidak boleh negatif/);
    expect(refusedIn("en", budgetSchema, bad).pagu![0]).toMatch(/^The budget \(pagu\)/);
  });

  it("writes values the reader's way: rupiah and instants in WIB", () => {
    const text = vm("order.tooSoon", { earliest: { at: "2026-12-01T04:30:00.000Z" } });
    expect(validationText(text, "id")).toBe(
      "Terlalu mendadak: UMKM perlu waktu menjawab dan menyiapkan. Waktu antar paling cepat 1 Des 2026 11.30 WIB",
    );
    expect(validationText(text, "en")).toBe(
      "Too short notice: vendors need time to answer and prepare. The earliest delivery time is 1 Dec 2026 11:30 WIB",
    );
    const owed = vm("payment.overOwed", { owed: { rp: 1_250_000 } });
    expect(validationText(owed, "id")).toMatch(/Rp\s?1\.250\.000/);
    expect(validationText(owed, "en")).toMatch(/^More than what is still owed \(Rp\s?1\.250\.000\)$/);
  });

  it("keeps the words around a key (an import report's column) and writes only the key", () => {
    const line = `Kapasitas harian: ${vm("import.sameAsRow", { row: 2 })}`;
    expect(validationText(line, "en")).toBe("Kapasitas harian: the same as row 2");
    expect(validationText("plain words", "en")).toBe("plain words");
  });

  it("names a rule without a message of its own by its kind, never in zod's English", () => {
    const schema = z.object({ note: z.string().max(5), n: z.number().int().min(2), kind: z.enum(["A", "B"]) }).strict();
    const inId = refusedIn("id", schema, { note: "panjang sekali", n: 1, kind: "C", extra: 1 });
    const inEn = refusedIn("en", schema, { note: "panjang sekali", n: 1, kind: "C", extra: 1 });
    expect(inId.note).toEqual(["Paling panjang 5 huruf"]);
    expect(inEn.note).toEqual(["At most 5 characters"]);
    expect(inEn.n).toEqual(["At least 2"]);
    expect(inEn.kind).toEqual(["Choose one of the options"]);
    expect(inEn.form).toEqual(["Unknown field"]);
    const missing = refusedIn("en", z.object({ name: z.string() }), {});
    expect(missing.name).toEqual(["Required"]);
  });

  it("leaves no key unwritten and no zod text in a whole vendor row refused in English", () => {
    const issues = refusedIn("en", vendorSchema, {
      code: "a",
      name: "x",
      ownerName: "y",
      nib: "12",
      npwp: "1",
      address: "z",
      kelurahan: "Atlantis",
      whatsapp: "12",
      email: "nope",
      dailyCapacityPax: "banyak",
      hasPp55: "on",
    });
    const all = Object.values(issues).flat();
    expect(all.length).toBeGreaterThanOrEqual(9);
    for (const text of all) {
      expect(hasValidationKey(text), text).toBe(false);
      expect(text).not.toMatch(/Invalid input|Too small|Too big|expected/);
    }
    expect(issues.kelurahan![0]).toMatch(/^This kelurahan is not in Kota Mojokerto; choose one of: .*Kranggan/);
  });

  it("reads a token's key and values back", () => {
    expect(validationKeysOf(vm("import.unknownOpdCode", { code: "X⟧Y" }))).toEqual([
      { key: "import.unknownOpdCode", values: { code: "X⟧Y" } },
    ]);
    expect(validationText(vm("import.unknownOpdCode", { code: "X⟧Y" }), "en")).toBe('agency code "X⟧Y" is not known');
  });
});
