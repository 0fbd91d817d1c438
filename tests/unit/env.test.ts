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
  it("reads the sweep's period, photo folder and demo shortcut in one place, refusing what would silently misbehave", async () => {
    vi.resetModules();
    const { runtimeEnv } = await import("@/lib/env");
    vi.stubEnv("ROUTING_SWEEP_SECONDS", undefined as unknown as string);
    expect(runtimeEnv().ROUTING_SWEEP_SECONDS).toBe(15);
    vi.stubEnv("ROUTING_SWEEP_SECONDS", "");
    expect(runtimeEnv().ROUTING_SWEEP_SECONDS).toBe(15);
    vi.stubEnv("ROUTING_SWEEP_SECONDS", "0");
    expect(runtimeEnv().ROUTING_SWEEP_SECONDS).toBe(0);
    // A non-number used to become NaN and switch the sweep off without a word.
    vi.stubEnv("ROUTING_SWEEP_SECONDS", "15s");
    expect(() => runtimeEnv()).toThrow(/ROUTING_SWEEP_SECONDS must be a number of seconds/);
    vi.stubEnv("ROUTING_SWEEP_SECONDS", "30");
    vi.stubEnv("DEMO_SKIP_MFA", "yes");
    expect(() => runtimeEnv()).toThrow(/DEMO_SKIP_MFA/);
    vi.stubEnv("DEMO_SKIP_MFA", "1");
    vi.stubEnv("UPLOAD_DIR", "/srv/mamin/uploads");
    expect(runtimeEnv()).toMatchObject({
      ROUTING_SWEEP_SECONDS: 30,
      DEMO_SKIP_MFA: "1",
      UPLOAD_DIR: "/srv/mamin/uploads",
    });
  });

  it("is the only reader of process.env in the app's code (besides Next's own runtime flags)", async () => {
    const { readFileSync, readdirSync, statSync } = await import("node:fs");
    const path = await import("node:path");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const f = path.join(dir, name);
        if (name === "generated" || name === "node_modules") continue;
        if (statSync(f).isDirectory()) walk(f);
        else if (/\.(ts|tsx)$/.test(name)) files.push(f);
      }
    };
    for (const dir of ["lib", "app", "components"]) walk(dir);
    const readers = files.filter(
      (f) => f !== path.join("lib", "env.ts") && /process\.env/.test(readFileSync(f, "utf8")),
    );
    // client-address: the proxy-hops rule takes the raw value as its default argument (env.ts validates it with it).
    expect(readers.sort()).toEqual([path.join("lib", "auth", "client-address.ts")]);
  });
});
