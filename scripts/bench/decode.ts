// What decoding a raw statement's payload at the boundary costs (lib/db/sql/decode.ts, lib/db/sql/routing.ts,
// lib/db/sql/standings.ts): the routing payloads (an order's facts, its routing context) and a vendor's standing row
// (routing reads one per pool vendor per order), decoded by their zod schemas, against the hand-written conversion
// they replaced (the floor: the same fields converted with no checks). No database.
// Prints JSON: nanoseconds per payload for each, and the ratio.
//   npm run bench:decode [-- --n 200000]
import { performance } from "node:perf_hooks";
import { decodeRoutableOrder, decodeRoutingContext } from "@/lib/db/sql/routing";
import { resolveSettings } from "@/lib/domain/settings";
import { decodeRows } from "@/lib/db/sql/decode";
import { standingRow } from "@/lib/db/sql/standings";
import { row, uuid } from "@/lib/db/sql/columns";

const n = Number(process.argv[process.argv.indexOf("--n") + 1] || 200_000) || 200_000;

const order = {
  id: "5f0c1a52-8e43-4d1a-9b1e-0c6f8a1d2e3f",
  number: "MM-2026-000123",
  opdId: "0d2e6042-2dfd-4009-bc16-c62f206c005d",
  status: "OFFERED",
  deliveryAt: "2026-12-01T03:00:00+00:00",
  deliveryDay: "2026-12-01",
  category: "MAKAN",
  pax: 50,
  total: "1750000",
  method: "PENGADAAN_LANGSUNG",
  eventName: "Rapat koordinasi",
};
const context = {
  decreeId: "be82a894-d1f3-469e-aa77-dac0ed74df81",
  round: 2,
  pool: Array.from({ length: 5 }, (_, i) => ({ vendorId: `v-${i}`, weight: 1 })),
  settings: null,
};

// A standing as node-postgres hands it over (int8 as BigInt, timestamptz as Date, text[] as an array).
const standing = {
  i: 3,
  id: "5f0c1a52-8e43-4d1a-9b1e-0c6f8a1d2e40",
  code: "U07",
  name: "Warung Bu Sri",
  status: "ACTIVE",
  ekatalogStatus: "TAYANG",
  dailyCapacityPax: 200,
  categories: ["MAKAN", "KUDAPAN"],
  unavailable: false,
  suspended: false,
  booked: 40n,
  awarded: 12_500_000n,
  pending: 750_000n,
  awardedOrders: 12n,
  lastAwardAt: new Date("2026-11-20T03:00:00Z"),
  prior: null,
};
const pool = Array.from({ length: 12 }, () => ({ ...standing }));

function time(label: string, f: () => unknown): number {
  for (let i = 0; i < 10_000; i++) f(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f();
  return ((performance.now() - t0) * 1e6) / n;
}

const handOrder = time("hand order", () => ({
  ...order,
  deliveryAt: new Date(order.deliveryAt),
  deliveryDay: new Date(`${order.deliveryDay.slice(0, 10)}T00:00:00.000Z`),
  total: BigInt(order.total),
}));
const zodOrder = time("zod order", () => decodeRoutableOrder(order));
const handContext = time("hand context", () => ({ ...context, settings: resolveSettings(context.settings) }));
const zodContext = time("zod context", () => decodeRoutingContext(context));
// Before decoding, the rows were used as they came (a type assertion): the floor is reading them, nothing else.
const handPool = time("hand pool", () => pool.map((r) => r.awarded + r.pending));
// Why row schemas are module constants (ESLint ROW_SCHEMAS_BUILT_ONCE): one built inline is compiled on its first parse,
// on every call. The same one-column row, with its schema built once and built per call.
const lockRow = { id: "5f0c1a52-8e43-4d1a-9b1e-0c6f8a1d2e3f" };
const builtOnce = row({ id: uuid });
const hoisted = time("hoisted", () => decodeRows("bench", builtOnce, [lockRow]));
const inline = time("inline", () => decodeRows("bench", row({ id: uuid }), [lockRow]));
const zodPool = time("zod pool", () => decodeRows("bench", standingRow, pool).map((r) => r.awarded + r.pending));

console.log(
  JSON.stringify({
    n,
    nsPerPayload: {
      routableOrder: { decoded: Math.round(zodOrder), floor: Math.round(handOrder) },
      routingContext: { decoded: Math.round(zodContext), floor: Math.round(handContext) },
      /** A one-column row whose schema is built once, against one built in the call (compiled each time). */
      lockRow: { builtOnce: Math.round(hoisted), builtPerCall: Math.round(inline) },
      /** One order's pool of 12 standings (routing reads one such set per order routed). */
      poolOf12Standings: { decoded: Math.round(zodPool), floor: Math.round(handPool) },
    },
    ratioToFloor: {
      routableOrder: Number((zodOrder / handOrder).toFixed(2)),
      routingContext: Number((zodContext / handContext).toFixed(2)),
      poolOf12Standings: Number((zodPool / handPool).toFixed(2)),
    },
  }),
);
