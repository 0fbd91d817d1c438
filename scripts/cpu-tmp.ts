import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { FormData, Pool } from "undici";
import { formsOf } from "./bench/load-traffic";
const port = Number(process.env.PORT ?? 3300);
const origin = `http://127.0.0.1:${port}`;
const pid = Number(execSync(`ss -ltnp 'sport = :${port}' | grep -o 'pid=[0-9]*' | head -1`).toString().trim().slice(4));
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const pool = new Pool(origin, { connections: 1 });
async function get(path: string, c = "") { const r = await pool.request({ path, method: "GET", headers: c ? { cookie: c } : {} }); return { status: r.statusCode, body: await r.body.text(), headers: r.headers }; }
async function post(path: string, c: string, fields: [string, string][]) { const fd = new FormData(); for (const [k, v] of fields) fd.append(k, v); const r = await pool.request({ path, method: "POST", headers: { ...(c ? { cookie: c } : {}), origin }, body: fd }); await r.body.text(); return { status: r.statusCode, location: r.headers.location, headers: r.headers }; }
async function login(u: string) {
  const lp = await get("/login"); const lf = formsOf(lp.body).find((f) => f.has("username"))!;
  const r = await post("/login", "", [...lf.fields.filter(([k]) => k.startsWith("$ACTION")), ["username", u], ["password", "merata-demo-2026"]]);
  return String([r.headers["set-cookie"]].flat().find((c) => String(c).startsWith("authjs.session-token"))).split(";")[0]!;
}
async function measure(name: string, n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn();
  const c0 = cpu(); const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(name.padEnd(12), "cpu ms/req", ((cpu() - c0) / n).toFixed(1), "wall", ((performance.now() - t0) / n).toFixed(1));
}
const O = await login("opd-setda"), V = await login("umkm-01"), M = await login("walikota");
const n = Number(process.env.N ?? 100);
const all: Record<string, () => Promise<unknown>> = {
  health: () => get("/api/health"), notfound: () => get("/nope"), loginpage: () => get("/login"),
  form: () => get("/opd/orders/new", O), opdhome: () => get("/opd", O), vendor: () => get("/vendor", V),
  dashboard: () => get("/dashboard", M), mayor: () => get("/mayor", M),
};
const page = await get("/opd/orders/new", O);
const form = formsOf(page.body).find((f) => f.has("idempotencyKey"))!;
all.submit = async () => { const r = await post("/opd/orders/new", O, [...form.fields.filter(([k]) => k.startsWith("$ACTION")), ["idempotencyKey", crypto.randomUUID()], ["eventName", "Rapat"], ["deliveryDate", "2026-12-05"], ["deliveryTime", "10:00"], ["place", "Aula"], ["contactName", "Budi"], ["contactPhone", "081234567890"], ["pax", "20"], ["category", "MAKAN"], ["unitPrice", "30000"], ["accountCode", "5.1.02.01.01.0052"], ["method", "PENGADAAN_LANGSUNG"], ["notes", ""]]); if (r.status !== 303) throw new Error(`submit ${r.status}`); };
for (const name of process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(all)) await measure(name, n, all[name]!);
await pool.close();
