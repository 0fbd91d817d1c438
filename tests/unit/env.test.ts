import { afterEach, describe, expect, it, vi } from "vitest";

const base = { DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db" };

async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const k of ["NODE_ENV", "DATABASE_URL", "AUTH_SECRET", "DASHBOARD_CACHE_SECONDS", "OCDS_PREFIX"])
    vi.stubEnv(k, vars[k] as string);
  return (await import("@/lib/env")).env;
}

afterEach(() => vi.unstubAllEnvs());

describe("env", () => {
  it("fails fast with a clear message when AUTH_SECRET is missing in production", async () => {
    const env = await loadEnv({ ...base, NODE_ENV: "production", AUTH_SECRET: undefined });
    expect(() => env()).toThrow(/AUTH_SECRET is required in production/);
  });
  it("refuses a short production secret", async () => {
    const env = await loadEnv({ ...base, NODE_ENV: "production", AUTH_SECRET: "short" });
    expect(() => env()).toThrow(/AUTH_SECRET/);
  });
  it("requires a database URL", async () => {
    const env = await loadEnv({ NODE_ENV: "development", DATABASE_URL: "not a url" });
    expect(() => env()).toThrow(/DATABASE_URL/);
  });
  it("accepts a development setup without a secret", async () => {
    const env = await loadEnv({ ...base, NODE_ENV: "development" });
    expect(env().DATABASE_URL).toBe(base.DATABASE_URL);
    expect(env().DATABASE_POOL_MAX).toBe(10);
    expect(env().DASHBOARD_CACHE_SECONDS).toBe(15);
  });
  it("takes the dashboards' snapshot age in whole seconds, 0 for always live, and refuses nonsense", async () => {
    expect((await loadEnv({ ...base, DASHBOARD_CACHE_SECONDS: "0" }))().DASHBOARD_CACHE_SECONDS).toBe(0);
    expect((await loadEnv({ ...base, DASHBOARD_CACHE_SECONDS: "60" }))().DASHBOARD_CACHE_SECONDS).toBe(60);
    await expect(loadEnv({ ...base, DASHBOARD_CACHE_SECONDS: "-1" }).then((e) => e())).rejects.toThrow(
      /DASHBOARD_CACHE_SECONDS/,
    );
  });
  it("publishes under a test ocid prefix until the city's own is set, and refuses one not of the registered form", async () => {
    expect((await loadEnv(base))().OCDS_PREFIX).toBe("ocds-test00");
    expect((await loadEnv({ ...base, OCDS_PREFIX: "ocds-b5fd17" }))().OCDS_PREFIX).toBe("ocds-b5fd17");
    await expect(loadEnv({ ...base, OCDS_PREFIX: "ocds-mamin-mjk" }).then((e) => e())).rejects.toThrow(
      /OCDS_PREFIX must be ocds- followed by the six characters/,
    );
  });
});
