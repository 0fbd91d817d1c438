// Issue 16 (1): a session lasts 12 hours from sign-in whatever is called in between. Auth.js itself (the same
// session options and jwt callback as lib/auth/index.ts) is driven through each of its endpoints for 13 hours, and
// no cookie it hands out may keep a session alive past the lifetime — neither in Auth.js nor in the app's verifier.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Auth } from "@auth/core";
import Credentials from "@auth/core/providers/credentials";
import { encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS, SESSION_OPTIONS, sessionJwt } from "@/lib/auth/session-lifetime";
import { verifySessionToken } from "@/lib/auth/session";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const NAME = "authjs.session-token";
const BASE = "http://localhost:3000/api/auth";
const T0 = new Date("2026-11-29T01:00:00Z").getTime();
const HOUR = 3600_000;

const config = {
  secret: SECRET,
  trustHost: true,
  basePath: "/api/auth",
  ...SESSION_OPTIONS,
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      authorize: () => ({ id: "0b6f5a5e-1f0e-4c55-9a57-3d3f0f3a9c11", role: "OPD_STAFF", sessionVersion: 1 }),
    }),
  ],
  callbacks: { jwt: sessionJwt },
  // The expired tokens this test hands Auth.js on purpose are not worth a log line.
  logger: { error: () => {} },
};

/** A browser's cookie jar, enough for Auth.js's cookies. */
class Jar {
  cookies = new Map<string, string>();
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      const value = v.join("=");
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(k!.trim());
      else this.cookies.set(k!.trim(), value);
    }
  }
}

async function call(
  jar: Jar,
  path: string,
  init: { method?: string; form?: Record<string, string>; json?: unknown } = {},
) {
  const headers: Record<string, string> = { cookie: jar.header(), origin: "http://localhost:3000" };
  let body: string | undefined;
  if (init.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(init.form).toString();
  } else if (init.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json);
  }
  const res = await Auth(new Request(`${BASE}${path}`, { method: init.method ?? "GET", headers, body }), config);
  jar.take(res);
  return res;
}

async function signedIn(): Promise<Jar> {
  const jar = new Jar();
  const { csrfToken } = (await (await call(jar, "/csrf")).json()) as { csrfToken: string };
  await call(jar, "/callback/credentials", { method: "POST", form: { csrfToken, username: "a", password: "b" } });
  expect(jar.cookies.get(NAME)).toBeTruthy();
  return jar;
}

const session = async (jar: Jar) => (await (await call(jar, "/session")).json()) as { user?: unknown } | null;

afterEach(() => {
  vi.useRealTimers();
});

describe("the session's absolute lifetime", () => {
  it("cannot be extended through any Auth.js endpoint: refreshed every hour, it ends 12 hours after sign-in", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    const jar = await signedIn();
    const cookies: string[] = [];
    for (let h = 1; h <= 13; h++) {
      vi.setSystemTime(T0 + h * HOUR - 60_000);
      // Every endpoint a client can call with its cookie: session (read and update), csrf, providers, sign-in page.
      const s = await session(jar);
      const { csrfToken } = (await (await call(jar, "/csrf")).json()) as { csrfToken: string };
      await call(jar, "/session", { method: "POST", json: { csrfToken, data: {} } });
      await call(jar, "/providers");
      await call(jar, "/signin");
      if (jar.cookies.get(NAME)) cookies.push(jar.cookies.get(NAME)!);
      if (h <= 12) expect(s?.user, `hour ${h}`).toBeTruthy();
      else expect(s?.user ?? null, `hour ${h}`).toBeNull();
    }
    // Auth.js cleared the cookie once the lifetime was over, and no cookie it handed out on the way opens past it.
    expect(jar.cookies.get(NAME)).toBeUndefined();
    const past = T0 + SESSION_MAX_AGE_SECONDS * 1000 + 1000;
    for (const c of cookies) expect(await verifySessionToken(c, NAME, SECRET, past)).toBeNull();
    // Before the end they do, and each says when it ends: 12 hours after sign-in, not after the refresh.
    vi.setSystemTime(T0 + 11.99 * HOUR);
    const last = await verifySessionToken(cookies.at(-1)!, NAME, SECRET, T0 + 11.99 * HOUR);
    expect(last?.expires.getTime()).toBe(T0 + SESSION_MAX_AGE_SECONDS * 1000);
  });

  it("is kept by the app's verifier even for a token whose expiry was moved forward", async () => {
    // A token as an older build re-issued it: signed in 13 hours ago, expiry an hour from now.
    const now = Date.now();
    const claims = { uid: "0b6f5a5e-1f0e-4c55-9a57-3d3f0f3a9c11", role: "VENDOR", sv: 1, sid: crypto.randomUUID() };
    const stale = await encode({
      token: { ...claims, at: Math.floor(now / 1000) - 13 * 3600 },
      secret: SECRET,
      salt: NAME,
      maxAge: 3600,
    });
    expect(await verifySessionToken(stale, NAME, SECRET, now)).toBeNull();
    // Without a sign-in time at all it is not one of ours.
    const bare = await encode({ token: claims, secret: SECRET, salt: NAME, maxAge: 3600 });
    expect(await verifySessionToken(bare, NAME, SECRET, now)).toBeNull();
  });
});
