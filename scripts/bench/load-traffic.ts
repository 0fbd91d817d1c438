// The load benchmark's traffic: virtual users on keep-alive HTTP connections (undici), each doing what its
// person does in a browser without JavaScript — the pages' own forms, posted to the pages' own server
// actions (the hidden action fields are read from the page, as a browser would), with the session cookie
// Auth.js sets at sign-in. Closed loop, like autocannon: a user sends its next request when the last one has
// answered (after a pause, --think-ms, as a person reads and types; 0 for back to back), so `users` is the
// number of connections. Every request lands on the next app
// instance in turn, so sessions and routing are shared across instances.
//
// Steady state, as autocannon measures it: every user first signs in (not measured — the `login` users'
// sign-ins are the measured logins), then all start together; the first `warmupMs` of traffic warm the
// servers up (the JIT, pools, caches) and are not timed either. Errors count in every phase.
//
//   login        someone signs in (the login form's action; Auth.js sets the session cookie)
//   orderForm    OPD staff open the order form (a fresh idempotency key and the form's action fields)
//   orderSubmit  … and submit it: routed at once, answered with a redirect to the new order
//   vendorInbox  a UMKM owner opens the offers page
//   vendorAnswer … and accepts (or, one time in ten, declines with a reason) the first offer on it
//   dashboard    the mayor's office and the admins read the spread dashboard / the mayor's page
import { randomUUID } from "node:crypto";
import { Parser } from "htmlparser2";
import { FormData, Pool } from "undici";

export type Kind = "login" | "orderForm" | "orderSubmit" | "vendorInbox" | "vendorAnswer" | "dashboard";
export const KINDS: Kind[] = ["login", "orderForm", "orderSubmit", "vendorInbox", "vendorAnswer", "dashboard"];

export interface OpdUser {
  username: string;
  accounts: string[];
}
export interface TrafficPlan {
  ports: number[];
  /** Timed traffic, after the warm-up. */
  durationMs: number;
  /** Untimed traffic first, once every user has signed in. */
  warmupMs: number;
  /** Mean pause of a user between two requests (uniform over ½–1½ of it); 0 = back to back (saturation). */
  thinkMs: number;
  users: { login: number; opd: number; vendor: number; dashboard: number };
  password: string;
  opdUsers: OpdUser[];
  vendorUsers: string[];
  /** Usernames that read dashboards (mayor, admin). */
  dashboardUsers: { username: string; paths: string[] }[];
  /** Ceilings per category for the order form's price. */
  ceilings: Record<string, number>;
  /** Delivery days (YYYY-MM-DD, WIB) orders ask for. */
  deliveryDays: string[];
  log: (m: string) => void;
  /** Called when the timed period begins (after the warm-up) and when the traffic has ended. */
  onTimed?: (phase: "start" | "end") => void;
}

export interface KindStats {
  samples: number[];
  errors: number;
  refused: Record<string, number>;
}
export interface TrafficResult {
  stats: Record<Kind, KindStats>;
  /** Every timed request: when it ended (ms since the timed period began), its kind and latency (ms). */
  timeline: [number, Kind, number][];
  /** Ids of the orders the app said it created (redirected to). */
  acknowledgedOrders: Set<string>;
  errorSamples: string[];
  elapsedMs: number;
}

// ---- pages ----------------------------------------------------------------------------------------------

export interface HtmlForm {
  /** Hidden inputs, inputs with a value and named textareas, in document order. */
  fields: [string, string][];
  has(name: string): boolean;
  get(name: string): string | undefined;
}

/** The forms of a page with the fields a browser would send without the user typing anything. */
export function formsOf(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  let current: [string, string][] | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "form") current = [];
        else if (current && name === "input" && attrs.name && attrs.type !== "submit")
          current.push([attrs.name, attrs.value ?? ""]);
        else if (current && name === "textarea" && attrs.name) current.push([attrs.name, ""]);
      },
      onclosetag(name) {
        if (name === "form" && current) {
          const fields = current;
          forms.push({
            fields,
            has: (n) => fields.some(([k]) => k === n),
            get: (n) => fields.find(([k]) => k === n)?.[1],
          });
          current = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: false },
  );
  parser.write(html);
  parser.end();
  return forms;
}

// ---- one user's connection state -------------------------------------------------------------------------

class Session {
  private cookies = new Map<string, string>();
  private turn: number;
  constructor(
    private readonly pools: { pool: Pool; origin: string }[],
    index: number,
  ) {
    this.turn = index;
  }
  get signedIn(): boolean {
    return [...this.cookies.keys()].some((k) => k.includes("session-token"));
  }
  private take(setCookie: string | string[] | undefined) {
    for (const c of [setCookie ?? []].flat()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  async send(
    method: "GET" | "POST",
    path: string,
    form?: [string, string][],
  ): Promise<{ status: number; location: string | null; body: string; ms: number }> {
    const target = this.pools[this.turn++ % this.pools.length]!;
    const headers: Record<string, string> = { "user-agent": "mamin-merata-bench-load" };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let body: FormData | undefined;
    if (form) {
      body = new FormData();
      for (const [k, v] of form) body.append(k, v);
      headers.origin = target.origin;
    }
    const t0 = performance.now();
    const res = await target.pool.request({ method, path, headers, body });
    const text = await res.body.text();
    const ms = performance.now() - t0;
    this.take(res.headers["set-cookie"]);
    const loc = res.headers.location ? new URL(String(res.headers.location), target.origin) : null;
    const location = loc ? loc.pathname + loc.search : null;
    return { status: res.statusCode, location, body: text, ms };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The text of the first alert on a page (what a refused form says), for the report. */
function alertText(html: string): string {
  const m = /role="alert"[^>]*>(.{0,300}?)<\/(?:p|div)>/s.exec(html);
  return (
    (m?.[1] ?? "")
      .replace(/<[^>]+>/g, "")
      .trim()
      .slice(0, 120) || "(no message)"
  );
}

export async function runTraffic(plan: TrafficPlan): Promise<TrafficResult> {
  const total = plan.users.login + plan.users.opd + plan.users.vendor + plan.users.dashboard;
  const pools = plan.ports.map((port) => {
    const origin = `http://127.0.0.1:${port}`;
    return { origin, pool: new Pool(origin, { connections: total, keepAliveTimeout: 30_000, headersTimeout: 60_000 }) };
  });
  const stats = Object.fromEntries(KINDS.map((k) => [k, { samples: [], errors: 0, refused: {} }])) as unknown as Record<
    Kind,
    KindStats
  >;
  const acknowledgedOrders = new Set<string>();
  const errorSamples: string[] = [];
  const timeline: [number, Kind, number][] = [];
  // Until every user has signed in, nothing runs and nothing is timed; then warm-up, then the timed period.
  let timedFrom = Infinity;
  let deadline = Infinity;
  /** A request that began within the timed period is timed (one that began in the warm-up is not). */
  const timed = (kind: Kind, ms: number): boolean => {
    const now = performance.now();
    if (now - ms < timedFrom) return false;
    stats[kind].samples.push(ms);
    timeline.push([Math.round(now - timedFrom), kind, Math.round(ms * 10) / 10]);
    return true;
  };
  const ok = (kind: Kind, ms: number) => void timed(kind, ms);
  const refused = (kind: Kind, ms: number, why: string) => {
    if (timed(kind, ms)) stats[kind].refused[why] = (stats[kind].refused[why] ?? 0) + 1;
  };
  const error = (kind: Kind, why: string) => {
    stats[kind].errors++;
    if (errorSamples.length < 20) errorSamples.push(`${kind}: ${why}`);
  };
  const running = () => performance.now() < deadline;
  /** A person's pause before the next click (none when measuring saturation). */
  const think = () => (plan.thinkMs > 0 ? sleep(plan.thinkMs * (0.5 + Math.random())) : Promise.resolve());

  /** Signs `username` in on `s`; true when the session cookie came back. */
  async function signIn(s: Session, username: string, kind: Kind | null): Promise<boolean> {
    const page = await s.send("GET", "/login");
    const form = formsOf(page.body).find((f) => f.has("username"));
    if (!form) {
      error(kind ?? "login", `no login form (HTTP ${page.status})`);
      return false;
    }
    const fields = form.fields.filter(([k]) => k !== "username" && k !== "password");
    const r = await s.send("POST", "/login", [...fields, ["username", username], ["password", plan.password]]);
    if (r.status === 303 && s.signedIn) {
      if (kind) ok(kind, r.ms);
      return true;
    }
    error(kind ?? "login", `sign-in of ${username}: HTTP ${r.status} ${alertText(r.body)}`);
    return false;
  }

  const guard = async (kind: Kind, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      error(kind, e instanceof Error ? e.message : String(e));
      await sleep(100);
    }
  };

  async function loginUser(i: number, _k: number, ready: () => Promise<void>) {
    await ready();
    const everyone = [
      ...plan.opdUsers.map((u) => u.username),
      ...plan.vendorUsers,
      ...plan.dashboardUsers.map((u) => u.username),
    ];
    while (running()) {
      await think();
      await guard("login", async () => {
        await signIn(new Session(pools, i), pick(everyone), "login");
      });
    }
  }

  async function opdUser(i: number, k: number, ready: () => Promise<void>) {
    const user = plan.opdUsers[k % plan.opdUsers.length]!;
    const s = new Session(pools, i);
    if (!(await signIn(s, user.username, null))) return;
    await ready();
    const categories = Object.keys(plan.ceilings);
    while (running()) {
      let form: HtmlForm | undefined;
      await think();
      await guard("orderForm", async () => {
        const page = await s.send("GET", "/opd/orders/new");
        form = formsOf(page.body).find((f) => f.has("idempotencyKey"));
        if (page.status === 200 && form) ok("orderForm", page.ms);
        else error("orderForm", `HTTP ${page.status}${page.location ? ` → ${page.location}` : ""}`);
      });
      if (!form) continue;
      const category = pick(categories);
      const ceiling = plan.ceilings[category]!;
      const unitPrice = Math.max(1000, Math.floor((ceiling * (0.5 + Math.random() * 0.5)) / 500) * 500);
      const filled: [string, string][] = [
        ...form.fields.filter(([k]) => k.startsWith("$ACTION") || k === "idempotencyKey"),
        ["eventName", `Rapat koordinasi beban uji ${randomUUID().slice(0, 8)}`],
        ["deliveryDate", pick(plan.deliveryDays)],
        ["deliveryTime", pick(["09:00", "10:30", "12:00", "13:30"])],
        ["place", "Aula Kantor"],
        ["contactName", "Petugas Uji"],
        ["contactPhone", "081234567890"],
        ["pax", String(10 + Math.floor(Math.random() * 50))],
        ["category", category],
        ["unitPrice", String(unitPrice)],
        ["accountCode", pick(user.accounts)],
        ["method", Math.random() < 0.9 ? "PENGADAAN_LANGSUNG" : "E_PURCHASING"],
        ["notes", ""],
      ];
      await think(); // filling the form in
      if (!running()) break;
      await guard("orderSubmit", async () => {
        const r = await s.send("POST", "/opd/orders/new", filled);
        const id = r.location?.match(/^\/opd\/orders\/([^/?]+)/)?.[1];
        if (r.status === 303 && id && UUID.test(id)) {
          ok("orderSubmit", r.ms);
          acknowledgedOrders.add(id);
        } else if (r.status === 200) refused("orderSubmit", r.ms, alertText(r.body));
        else error("orderSubmit", `HTTP ${r.status}${r.location ? ` → ${r.location}` : ""}`);
      });
    }
  }

  /**
   * One connection looks after several UMKM (every vendor account is looked after by some connection, so
   * no offer waits for an owner who is not there): it opens the next owner's offers page and answers the
   * first offer on it; an empty page passes to the next owner.
   */
  async function vendorUser(i: number, k: number, ready: () => Promise<void>) {
    const mine = plan.vendorUsers.filter((_, j) => j % plan.users.vendor === k);
    const sessions: Session[] = [];
    for (const username of mine) {
      const s = new Session(pools, i);
      if (await signIn(s, username, null)) sessions.push(s);
    }
    await ready();
    let idle = 0;
    for (let turn = 0; running() && sessions.length > 0; turn++) {
      const s = sessions[turn % sessions.length]!;
      let answer: HtmlForm | undefined;
      await think();
      await guard("vendorInbox", async () => {
        const page = await s.send("GET", "/vendor");
        if (page.status !== 200) return error("vendorInbox", `HTTP ${page.status}`);
        ok("vendorInbox", page.ms);
        const offers = formsOf(page.body).filter((f) => f.has("offerId"));
        const decline = Math.random() < 0.1;
        answer = offers.find((f) => f.has("reason") === decline) ?? offers[0];
      });
      if (!answer) {
        // Nobody here has an offer yet: look again in a moment, as a person would.
        if (++idle >= sessions.length) {
          idle = 0;
          await sleep(250);
        }
        continue;
      }
      idle = 0;
      const fields = answer.fields.map(([name, value]): [string, string] =>
        name === "reason" ? [name, "Kapasitas dapur penuh pada hari itu"] : [name, value],
      );
      await think(); // reading the offer
      if (!running()) break;
      await guard("vendorAnswer", async () => {
        const r = await s.send("POST", "/vendor", fields);
        const done = r.location?.match(/[?&]done=(\w+)/)?.[1];
        const code = r.location?.match(/[?&]error=(\w+)/)?.[1];
        if (r.status === 303 && done) ok("vendorAnswer", r.ms);
        else if (r.status === 303 && code) refused("vendorAnswer", r.ms, code);
        else error("vendorAnswer", `HTTP ${r.status}${r.location ? ` → ${r.location}` : ""}`);
      });
      turn--; // the same owner looks again: there may be more offers
    }
  }

  async function dashboardUser(i: number, k: number, ready: () => Promise<void>) {
    const user = plan.dashboardUsers[k % plan.dashboardUsers.length]!;
    const s = new Session(pools, i);
    if (!(await signIn(s, user.username, null))) return;
    await ready();
    let n = i;
    while (running()) {
      await think();
      await guard("dashboard", async () => {
        const path = user.paths[n++ % user.paths.length]!;
        const r = await s.send("GET", path);
        if (r.status === 200 && r.body.includes("</html>")) ok("dashboard", r.ms);
        else error("dashboard", `${path}: HTTP ${r.status}${r.location ? ` → ${r.location}` : ""}`);
      });
    }
  }

  type User = (i: number, k: number, ready: () => Promise<void>) => Promise<void>;
  const workers: ((ready: () => Promise<void>) => Promise<void>)[] = [];
  const group = (count: number, user: User) => {
    for (let k = 0; k < count; k++) {
      const i = workers.length;
      workers.push((ready) => user(i, k, ready));
    }
  };
  group(plan.users.login, loginUser);
  group(plan.users.opd, opdUser);
  group(plan.users.vendor, vendorUser);
  group(plan.users.dashboard, dashboardUser);
  // The start line: a user that has signed in waits for the others (one that could not sign in counts as there).
  let waiting = workers.length;
  let go!: () => void;
  const allThere = new Promise<void>((resolve) => (go = resolve));
  const arrive = () => {
    if (--waiting > 0) return;
    timedFrom = performance.now() + plan.warmupMs;
    deadline = timedFrom + plan.durationMs;
    setTimeout(() => plan.onTimed?.("start"), plan.warmupMs);
    plan.log(
      `[load] ${total} users signed in; ${plan.warmupMs / 1000} s warm-up, then ${plan.durationMs / 1000} s timed`,
    );
    go();
  };
  plan.log(`[load] ${total} users signing in on ${plan.ports.length} instances`);
  await Promise.all(
    workers.map(async (w) => {
      let there = false;
      const ready = async () => {
        if (!there) {
          there = true;
          arrive();
        }
        await allThere;
      };
      try {
        await w(ready);
      } finally {
        if (!there) {
          there = true;
          arrive();
        }
      }
    }),
  );
  const elapsedMs = performance.now() - timedFrom;
  plan.onTimed?.("end");
  await Promise.all(pools.map((p) => p.pool.close()));
  return { stats, timeline, acknowledgedOrders, errorSamples, elapsedMs };
}
