// Submitting an order: price ceiling, budget reserved atomically, idempotent on the key, and routed at once —
// in one transaction, so no order is ever left SUBMITTED by a crash.
//
// Each submission is checked on its own, from one read shared by the submissions that arrive together (an earlier
// submission with this key, the ceiling, the budget line, the settings, the decree in force and the OPD's pool
// under it). Submissions that arrive together are then routed together (MicroBatcher): one transaction inserts
// them and hands them to the batch router (lib/data/routing/route-order.ts routeBatchInTx), which locks the vendor
// rows of every pool involved, reserves each budget, reads every pool's standings once, applies the routing rule
// to the orders one after another — each seeing the offers chosen before it, exactly as if they had come one by
// one — and writes every decision in one statement. Routings that share vendors no longer queue for each other's
// locks: under load a burst of orders costs one transaction instead of one each.
import { createHash, randomUUID } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import type { Actor } from "@/lib/data/audit";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveSettings, SETTINGS_KEY, type RoutingSettings } from "@/lib/domain/settings";
import { isUniqueViolation } from "@/lib/data/tx";
import { inRawTransaction, rawSql, type RawSql } from "@/lib/db/raw";
import { budgetExceeded } from "@/lib/data/orders/budget";
import { decreeInForceSql } from "@/lib/db/sql/decree";
import {
  routeBatchInTx,
  type AllocationRow,
  type RoutableOrder,
  type RouteOutcome,
} from "@/lib/data/routing/route-order";
import { poolJson, poolJsonSql } from "@/lib/db/sql/routing";
import { queryOne, queryRows } from "@/lib/db/sql/decode";
import { float, int, int8, row, text, uuid } from "@/lib/db/sql/columns";
import { z } from "zod";
import { earliestRoutableDelivery, offerDeadline } from "@/lib/domain/routing";
import { batcherPer, MicroBatcher, oneByOneOnError } from "@/lib/data/batcher";
import { dayAsDate, fiscalYearOf, wibDay } from "@/lib/format";
import { LARGE_ORDER_MIN_RUPIAH, unusuallyLarge } from "@/lib/domain/order-size";
import { orderInputSchema, type OrderInput } from "@/lib/validation/order";
import { OrderStatus } from "@/lib/generated/prisma/enums";
import { vm } from "@/lib/domain/validation-message";

// Built once: zod compiles a schema on its first parse, so one made per call is compiled on every call.
const strictOrderInput = orderInputSchema.strict();

export interface SubmitResult {
  orderId: string;
  number: string;
  status: OrderStatus;
  duplicate: boolean;
  route: RouteOutcome | null;
}

export interface OrderActor extends Actor {
  id: string;
  opdId: string;
}

function payloadHash(input: OrderInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  const canonical = JSON.stringify(rest, Object.keys(rest).sort());
  return createHash("sha256").update(canonical).update(rest.deliveryAt.toISOString()).digest("hex");
}

async function existingResult(
  tx: Tx,
  actor: OrderActor,
  input: OrderInput,
  hash: string,
): Promise<SubmitResult | null> {
  const existing = await tx.order.findUnique({
    where: { placedById_idempotencyKey: { placedById: actor.id, idempotencyKey: input.idempotencyKey } },
    select: { id: true, number: true, status: true, payloadHash: true },
  });
  if (!existing) return null;
  if (existing.payloadHash !== hash) throw new AppError("IDEMPOTENCY_MISMATCH");
  return { orderId: existing.id, number: existing.number, status: existing.status, duplicate: true, route: null };
}

const preflightRow = row({
  i: int,
  existing: row({ id: uuid, number: text, status: z.enum(OrderStatus), payloadHash: text }).nullable(),
  ceiling: int8.nullable(),
  budgetId: uuid.nullable(),
  remaining: int8.nullable(),
  /** Checked by resolveSettings. */
  settings: z.unknown(),
  decreeId: uuid.nullable(),
  pool: poolJson,
});
type Preflight = z.output<typeof preflightRow>;

/** A checked submission, waiting to be routed with the others that arrive with it. */
interface Submission {
  actor: OrderActor;
  input: OrderInput;
  hash: string;
  now: Date;
  order: RoutableOrder;
  fiscalYear: number;
  budgetId: string;
  settings: RoutingSettings;
  decreeId: string | null;
  /** The OPD's pool, each UMKM with its weight in the decree (mm_decree_weights: its largest allocation weight). */
  pool: AllocationRow[];
}

/** What routing a batch says about one submission. */
type Routed = SubmitResult | { duplicate: true } | { overBudget: true };

export async function submitOrder(
  db: Db,
  opts: { clock: Clock; actor: OrderActor; input: unknown },
): Promise<SubmitResult> {
  const { clock, actor, input: raw } = opts;
  // Strict here (the browser's form check also sees the form's other fields): an unknown key is refused.
  const input = parseInput(strictOrderInput, raw);
  if (actor.role !== "OPD_STAFF" || !actor.opdId) throw new AppError("FORBIDDEN");
  const hash = payloadHash(input);
  const fiscalYear = fiscalYearOf(input.deliveryAt);
  const total = BigInt(input.unitPrice) * BigInt(input.pax);
  const deliveryDay = dayAsDate(wibDay(input.deliveryAt));
  const now = clock.now();
  // One round trip, shared with the submissions that arrive with this one: an earlier submission with this key,
  // the ceiling, the budget line, the settings, the decree in force and the OPD's pool.
  const pre = await preflightBatcherFor(db).submit({
    placedById: actor.id,
    idempotencyKey: input.idempotencyKey,
    category: input.category,
    fiscalYear,
    opdId: actor.opdId,
    accountCode: input.accountCode,
    deliveryDay,
  });
  if (pre.existing) {
    if (pre.existing.payloadHash !== hash) throw new AppError("IDEMPOTENCY_MISMATCH");
    const e = pre.existing;
    return { orderId: e.id, number: e.number, status: e.status, duplicate: true, route: null };
  }
  if (input.deliveryAt.getTime() <= now.getTime())
    throw new AppError("VALIDATION", { issues: { deliveryAt: [vm("order.deliveryPast")] } });
  // Too short a notice for any vendor to be asked: refused here with the earliest time that still works, instead of
  // going straight to an admin (issue 17: catch mistakes before submit).
  const rules = resolveSettings(pre.settings);
  const earliest = earliestRoutableDelivery(now, rules.minLeadMinutes);
  if (!offerDeadline(now, input.deliveryAt, rules.responseWindowMinutes, rules.minLeadMinutes))
    throw new AppError("VALIDATION", {
      issues: {
        deliveryAt: [vm("order.tooSoon", { earliest: { at: earliest.toISOString() } })],
      },
      earliest: earliest.toISOString(),
    });
  if (input.deliveryAt.getTime() > now.getTime() + MAX_ORDER_AHEAD_DAYS * 86_400_000)
    throw new AppError("VALIDATION", {
      issues: { deliveryAt: [vm("order.tooFarAhead", { days: MAX_ORDER_AHEAD_DAYS })] },
    });
  if (pre.ceiling === null) throw new AppError("NO_PRICE_CEILING", { category: input.category, fiscalYear });
  if (BigInt(input.unitPrice) > BigInt(pre.ceiling))
    throw new AppError("PRICE_CEILING_EXCEEDED", { max: Number(pre.ceiling) });
  if (!pre.budgetId) throw new AppError("NO_BUDGET", { fiscalYear, accountCode: input.accountCode });
  // Plainly over budget: refuse before routing (the reservation while routing is the real, atomic check).
  if (BigInt(pre.remaining ?? 0) < total) throw await budgetExceeded(db, pre.budgetId, total);
  // An unusually large order is sent only once confirmed (lib/domain/order-size.ts); its history is read only for
  // orders big enough to be questioned at all, so everyday orders pay nothing for it.
  if (!input.confirmLarge && total >= BigInt(LARGE_ORDER_MIN_RUPIAH)) {
    const large = await largeOrderCheck(db, actor.opdId, pre.budgetId, Number(total), now);
    if (large) throw large;
  }

  const submission: Submission = {
    actor,
    input,
    hash,
    now,
    fiscalYear,
    budgetId: pre.budgetId,
    settings: rules,
    decreeId: pre.decreeId,
    pool: pre.pool,
    order: {
      id: randomUUID(),
      number: "",
      opdId: actor.opdId,
      status: "SUBMITTED",
      deliveryAt: input.deliveryAt,
      deliveryDay,
      category: input.category,
      pax: input.pax,
      total,
      method: input.method,
      eventName: input.eventName,
    },
  };
  let routed: Routed;
  try {
    routed = await batcherFor(db).submit(submission);
  } catch (e) {
    // A concurrent duplicate (double click) lost the race on the unique key: answer with the first result.
    if (isUniqueViolation(e)) {
      const again = await existingResult(db, actor, input, hash);
      if (again) return again;
    }
    throw e;
  }
  if ("overBudget" in routed) throw await budgetExceeded(db, submission.budgetId, total);
  if (!("orderId" in routed)) {
    const again = await existingResult(db, actor, input, hash);
    if (!again) throw new Error("an order with this idempotency key vanished");
    return again;
  }
  return routed;
}

/** What a submission's checks read: who placed it with which key, and what it asks for. */
interface PreflightKey {
  placedById: string;
  idempotencyKey: string;
  category: OrderInput["category"];
  fiscalYear: number;
  opdId: string;
  accountCode: string;
  deliveryDay: Date;
}

/**
 * The checks' reads of every submission that arrives together, in one statement (a row each, in order): under load N
 * submissions cost one round trip, and they then reach the routing batch together.
 */
const preflightBatcherFor = batcherPer(
  (db: Db) =>
    new MicroBatcher<PreflightKey, Preflight>(async (keys) => {
      return queryRows(
        rawSql(db),
        "submitOrder.preflight",
        preflightRow,
        Prisma.sql`
        SELECT k.i,
          (SELECT json_build_object('id', o.id, 'number', o.number, 'status', o.status, 'payloadHash', o."payloadHash")
             FROM "Order" o WHERE o."placedById" = k.placed AND o."idempotencyKey" = k.key) AS existing,
          (SELECT c."maxPerPax" FROM "PriceCeiling" c WHERE c.category = k.cat::"MenuCategory" AND c."fiscalYear" = k.fy) AS ceiling,
          b.id AS "budgetId", b.pagu - b.committed AS remaining,
          (SELECT s.value FROM "Setting" s WHERE s.key = ${SETTINGS_KEY}) AS settings,
          d.id AS "decreeId",
          ${poolJsonSql(Prisma.sql`d.id`, Prisma.sql`k.opd`)} AS pool
        FROM (VALUES ${Prisma.join(
          keys.map(
            (k, i) =>
              Prisma.sql`(${i}::int, ${k.placedById}::uuid, ${k.idempotencyKey}, ${k.category}, ${k.fiscalYear}::int, ${k.opdId}::uuid, ${k.accountCode}, ${k.deliveryDay}::date)`,
          ),
        )}) AS k(i, placed, key, cat, fy, opd, account, day)
        LEFT JOIN "Budget" b ON b."opdId" = k.opd AND b."fiscalYear" = k.fy AND b."accountCode" = k.account
        LEFT JOIN LATERAL (${decreeInForceSql(Prisma.sql`k.day`)}) d ON true
        ORDER BY k.i`,
      );
    }),
);

// One bad submission must not fail the others: a failed batch is routed again one by one.
const batcherFor = batcherPer(
  (db: Db) =>
    new MicroBatcher<Submission, Routed>(
      oneByOneOnError((items) => inRawTransaction(db, (tx) => routeTogether(tx, items))),
    ),
);

const submitOrderLargeOrderCheckRow = row({ median: float.nullable(), n: int, pagu: int8 });

/** The confirmation an unusually large order needs, as the refusal to show (with its words), or null. */
async function largeOrderCheck(
  db: Db,
  opdId: string,
  budgetId: string,
  total: number,
  now: Date,
): Promise<AppError | null> {
  const h = await queryOne(
    db,
    "submitOrder.largeOrderCheck",
    submitOrderLargeOrderCheckRow,
    Prisma.sql`
    SELECT (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY o.total)::float8 FROM "Order" o
              WHERE o."opdId" = ${opdId}::uuid AND o.status <> 'CANCELLED' AND o."createdAt" > ${now}::timestamptz - interval '365 days') AS median,
           (SELECT count(*)::int FROM "Order" o
              WHERE o."opdId" = ${opdId}::uuid AND o.status <> 'CANCELLED' AND o."createdAt" > ${now}::timestamptz - interval '365 days') AS n,
           (SELECT b.pagu FROM "Budget" b WHERE b.id = ${budgetId}::uuid) AS pagu`,
  );
  const large = unusuallyLarge({ total, pagu: Number(h!.pagu), medianTotal: h!.median, ordersCounted: h!.n });
  if (!large) return null;
  const message =
    large.reason === "BUDGET"
      ? vm("order.largeShareOfBudget", { total: { rp: total }, percent: Math.round(large.share * 100) })
      : vm("order.largeAgainstUsual", {
          total: { rp: total },
          times: large.times >= 10 ? String(Math.round(large.times)) : large.times.toFixed(1),
          usual: { rp: Math.round(large.median) },
        });
  return new AppError("VALIDATION", { issues: { confirmLarge: [message] } });
}

/** How far ahead an order may be placed: a year (budgets and the decree are yearly; a typo of the year is caught). */
export const MAX_ORDER_AHEAD_DAYS = 366;

const submitOrderInsertRow = row({ id: uuid, number: text });

/** Inserts, reserves, routes and writes a batch of checked submissions in the caller's transaction. */
async function routeTogether(tx: RawSql, items: Submission[]): Promise<Routed[]> {
  // New orders, numbered; a key already used (a double click in the same batch, or just committed) is skipped.
  const inserted = await queryRows(
    tx,
    "submitOrder.insert",
    submitOrderInsertRow,
    Prisma.sql`
    INSERT INTO "Order" (id, number, "opdId", "placedById", "budgetId", "eventName", "deliveryAt", "deliveryDay", place, "contactName", "contactPhone",
                         pax, category, "unitPrice", total, "fiscalYear", "accountCode", method, notes, status, "idempotencyKey", "payloadHash", "createdAt", "updatedAt")
    SELECT v.id, 'MM-' || v.fy::text || '-' || lpad(nextval('"Order_number_seq"')::text, 6, '0'), v.opd, v.placed, v.budget, v.event, v.at, v.day,
           v.place, v.cname, v.cphone, v.pax, v.cat::"MenuCategory", v.price, v.total, v.fy, v.account, v.method::"ProcurementMethod", v.notes, 'SUBMITTED',
           v.key, v.hash, v.created, now()
    FROM (VALUES ${Prisma.join(
      items.map(
        (
          s,
          i,
        ) => Prisma.sql`(${i}::int, ${s.order.id}::uuid, ${s.fiscalYear}::int, ${s.actor.opdId}::uuid, ${s.actor.id}::uuid, ${s.budgetId}::uuid,
          ${s.input.eventName}, ${s.input.deliveryAt}::timestamptz, ${s.order.deliveryDay}::date, ${s.input.place}, ${s.input.contactName},
          ${s.input.contactPhone}, ${s.input.pax}::int, ${s.input.category}, ${BigInt(s.input.unitPrice)}::bigint, ${s.order.total}::bigint,
          ${s.input.accountCode}, ${s.input.method}, ${s.input.notes ?? null}, ${s.input.idempotencyKey}, ${s.hash}, ${s.now}::timestamptz)`,
      ),
    )}) AS v(i, id, fy, opd, placed, budget, event, at, day, place, cname, cphone, pax, cat, price, total, account, method, notes, key, hash, created)
    ORDER BY v.i
    ON CONFLICT ("placedById", "idempotencyKey") DO NOTHING
    RETURNING id, number`,
  );
  const numberOf = new Map(inserted.map((r) => [r.id, r.number]));
  const live = items.filter((s) => numberOf.has(s.order.id));
  for (const s of live) s.order = { ...s.order, number: numberOf.get(s.order.id)! };

  // Routed together (routeBatchInTx): every pool's vendors locked, each budget reserved in submission order, the rule
  // applied to the orders one after another, every decision written in one statement. Orders whose budget was refused
  // go (they were never visible).
  const routed = await routeBatchInTx(
    tx,
    live.map((s) => ({
      order: s.order,
      decreeId: s.decreeId,
      pool: s.pool,
      settings: s.settings,
      round: 1,
      now: s.now,
      actor: s.actor,
      reserve: { budgetId: s.budgetId, amount: s.order.total },
      alsoAudit: [
        {
          actor: s.actor,
          action: "order.submitted",
          entity: "Order",
          entityId: s.order.id,
          after: {
            pax: s.input.pax,
            unitPrice: s.input.unitPrice,
            total: s.order.total,
            accountCode: s.input.accountCode,
            method: s.input.method,
          },
        },
      ],
    })),
  );
  const refused = live.filter((_, k) => "overBudget" in routed[k]!);
  if (refused.length > 0)
    await tx.$executeRaw`DELETE FROM "Order" WHERE id = ANY(${refused.map((s) => s.order.id)}::uuid[])`;
  return items.map((s): Routed => {
    if (!numberOf.has(s.order.id)) return { duplicate: true };
    const r = routed[live.indexOf(s)]!;
    if ("overBudget" in r) return { overBudget: true };
    return { orderId: s.order.id, number: s.order.number, status: r.route.kind, duplicate: false, route: r.route };
  });
}
