// lib/i18n/server.ts: translators built once per locale and namespace, for the request's locale.
import { beforeEach, describe, expect, it, vi } from "vitest";

let requestLocale = "id";
vi.mock("next-intl/server", () => ({ getLocale: async () => requestLocale }));
const { getTranslations, translatorFor } = await import("@/lib/i18n/server");

describe("server translations", () => {
  beforeEach(() => {
    requestLocale = "id";
  });

  it("translates in the request's locale, Bahasa Indonesia by default", async () => {
    expect((await getTranslations("vendorHome"))("title", { name: "Bu Sari" })).toBe("Halo, Bu Sari");
    requestLocale = "en";
    expect((await getTranslations("vendorHome"))("title", { name: "Bu Sari" })).toBe("Hello, Bu Sari");
    requestLocale = "xx"; // an unknown cookie value falls back to Indonesian
    expect((await getTranslations())("vendorHome.portions", { count: 3 })).toBe("3 porsi");
  });

  it("builds one translator per locale and namespace and reuses it", async () => {
    const a = await getTranslations("vendorHome");
    const b = await getTranslations("vendorHome");
    expect(a).toBe(b);
    expect(translatorFor("id", "vendorHome")).toBe(a);
    expect(translatorFor("en", "vendorHome")).not.toBe(a);
    expect(translatorFor("id")).not.toBe(a);
  });

  it("gives the same answers when a message is formatted again with other values", () => {
    const t = translatorFor("en", "vendorHome");
    expect(t("portions", { count: 1 })).toBe("1 portions");
    expect(t("portions", { count: 250 })).toBe("250 portions");
    expect(t("title", { name: "A" })).toBe("Hello, A");
    expect(t("title", { name: "B" })).toBe("Hello, B");
  });

  it("keeps next-intl's behaviour for a missing message: the key, and the error reported", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(translatorFor("id", "vendorHome")("noSuchMessage")).toBe("vendorHome.noSuchMessage");
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
