// `npm run bench:variant -- --from <scenario.json> --out <file.json> [--declines 0.08] [--lapses 0.03]
//  [--failures 0.02] [--seed 1]`
// A scenario "of the same format you have not seen": the same city, decree and orders as --from, with the vendors'
// answers and the failures drawn anew at the given rates (every vendor of the city may decline or let lapse any
// order it is offered — the pool's and the reserve's alike; failures fall on orders, whoever accepts them).
// Deterministic for a seed. For checking the routing targets beyond the samples.
import { readFileSync, writeFileSync } from "node:fs";
import { prng } from "@/prisma/seed/seed-demo";
import { scenarioSchema } from "./scenario";

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const rate = (name: string, fallback: number) => {
  const v = Number(arg(name) ?? fallback);
  if (!(v >= 0 && v <= 1)) {
    console.error(`${name} must be a share between 0 and 1`);
    process.exit(2);
  }
  return v;
};
const from = arg("--from");
const out = arg("--out");
if (!from || !out) {
  console.error(
    "usage: npm run bench:variant -- --from <scenario.json> --out <file.json> [--declines R] [--lapses R] [--failures R] [--seed N]",
  );
  process.exit(2);
}
const declines = rate("--declines", 0.08);
const lapses = rate("--lapses", 0.03);
const failures = rate("--failures", 0.02);
const seed = Number(arg("--seed") ?? 1);
if (declines + lapses > 1) {
  console.error("--declines and --lapses together cannot exceed 1");
  process.exit(2);
}

const s = scenarioSchema.parse(JSON.parse(readFileSync(from, "utf8")));
const rnd = prng(seed);
const responses: { order: string; vendor: string; response: "DECLINE" | "EXPIRE" }[] = [];
for (const o of s.orders) {
  for (const v of s.vendors) {
    const r = rnd.next();
    if (r < declines) responses.push({ order: o.ref, vendor: v.code, response: "DECLINE" });
    else if (r < declines + lapses) responses.push({ order: o.ref, vendor: v.code, response: "EXPIRE" });
  }
}
const types = ["NOT_DELIVERED", "LATE", "SHORT_QUANTITY"] as const;
const failed = s.orders.filter(() => rnd.next() < failures).map((o) => ({ order: o.ref, type: rnd.pick(types) }));
const name = `${s.name}-d${declines}-l${lapses}-f${failures}-s${seed}`;
writeFileSync(out, JSON.stringify({ ...s, name, responses, failures: failed }));
console.log(JSON.stringify({ name, orders: s.orders.length, responses: responses.length, failures: failed.length }));
