// The security headers on every kind of route, and a page that runs its scripts under the nonce policy.
import { expect, test } from "@playwright/test";
import { formsOf } from "../../scripts/bench/load-traffic";

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
};

test("pages carry a nonce policy that changes per request; route handlers and static files their own headers", async ({
  request,
}) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  for (const r of [first, second]) expect(r.headers()).toMatchObject(COMMON);
  const csp = first.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
  // Every script the page ships carries this request's nonce.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);

  const api = await request.get("/api/health");
  expect(api.headers()).toMatchObject(COMMON);
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  const download = await request.get("/api/public/transparansi/csv");
  expect(download.headers()).toMatchObject(COMMON);

  const chunk = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
  const asset = await request.get(chunk);
  expect(asset.status()).toBe(200);
  expect(asset.headers()).toMatchObject(COMMON);

  // Every 404 carries a policy too — a page's, a route handler's, and one where the page proxy does not run.
  for (const path of ["/tidak-ada", "/api/tidak-ada", "/_next/static/tidak-ada.js", "/favicon.ico/tidak-ada"]) {
    const missing = await request.get(path);
    expect(missing.status(), path).toBe(404);
    expect(missing.headers()["content-security-policy"], path).toMatch(/default-src '(self|none)'/);
  }
});

test("a page hydrates under the policy without any violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/login");
  // Next's client runtime ran (it sets window.next once its scripts have executed), and the login form works.
  await expect.poll(() => page.evaluate(() => typeof (window as { next?: unknown }).next)).toBe("object");
  await page.getByLabel("Nama pengguna").fill("walikota");
  await page.getByLabel("Kata sandi").fill("merata-demo-2026");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/mayor$/);
  await page.goto("/dashboard");
  await expect(page.getByRole("img", { name: /Kurva Lorenz/ })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a route handler that changes something refuses another site's request", async ({ request, baseURL }) => {
  const foreign = await request.post("/api/auth/signout", {
    headers: { Origin: "https://evil.example" },
    form: { csrfToken: "x" },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error).toBe("FORBIDDEN");
  // The same request from our own origin reaches Auth.js (which then wants its CSRF token; no 403 from us).
  const own = await request.post("/api/auth/signout", {
    headers: { Origin: new URL(baseURL!).origin },
    form: { csrfToken: "x" },
    maxRedirects: 0,
  });
  expect(own.status()).not.toBe(403);
});

test("behind an HTTPS proxy the session cookie is __Secure-, Secure, HttpOnly and SameSite=Lax", async ({
  request,
}) => {
  const https = { "X-Forwarded-Proto": "https" };
  const page = await request.get("/login", { headers: https });
  const form = formsOf(await page.text()).find((f) => f.has("username"))!;
  const fields = Object.fromEntries(form.fields.filter(([k]) => k.startsWith("$ACTION")));
  const signIn = await request.post("/login", {
    headers: { ...https, Origin: new URL(page.url()).origin },
    multipart: { ...fields, username: "opd-setda", password: "merata-demo-2026" },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(303);
  const cookies = signIn
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);
  const session = cookies.find((c) => c.startsWith("__Secure-authjs.session-token="));
  expect(session, cookies.join("\n")).toBeDefined();
  expect(session).toMatch(/;\s*Secure/i);
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=lax/i);
  // That cookie signs the user in on the next HTTPS request; Auth.js's CSRF cookie takes the __Host- prefix.
  const home = await request.get("/opd", {
    headers: { ...https, Cookie: session!.split(";")[0]! },
    maxRedirects: 0,
  });
  expect(home.status()).toBe(200);
  const csrf = await request.get("/api/auth/csrf", { headers: https });
  const csrfCookie = csrf
    .headersArray()
    .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("__Host-authjs.csrf-token="));
  expect(csrfCookie?.value).toMatch(/;\s*Path=\/;.*Secure/i);
});

test("a server action posted with neither Origin nor a same-site Referer is refused before it runs", async ({
  playwright,
}) => {
  const baseURL = test.info().project.use.baseURL!;
  const bare = await playwright.request.newContext({ baseURL });
  const refused = await bare.post("/login", {
    headers: { "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  // A browser without Origin still sends the page it came from: that passes this check (and meets Next.js's own).
  const withReferer = await bare.post("/login", {
    headers: {
      "next-action": "0".repeat(40),
      "content-type": "text/plain;charset=UTF-8",
      referer: `${new URL(baseURL).origin}/login`,
    },
    data: "[]",
    maxRedirects: 0,
  });
  expect(withReferer.status()).not.toBe(403);
  await bare.dispose();
});
