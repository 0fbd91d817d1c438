// Submitting an order: price ceiling, budget reserved atomically, idempotent on the key, and routed
// at once — all in one transaction, so no order is ever left SUBMITTED by a crash.
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import type { Actor } from "@/lib/data/audit";
import { auditInsertSql } from "@/lib/data/audit-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveSettings, SETTINGS_KEY } from "@/lib/domain/settings";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { budgetExceeded } from "@/lib/data/orders/budget";
import { routeOrderInTx, type RoutableOrder, type RouteOutcome } from "@/lib/data/routing/route-order";
import { dayAsDate, fiscalYearOf, wibDay } from "@/lib/format";
import { orderInputSchema, type OrderInput } from "@/lib/validation/order";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

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

interface Preflight {
  existing: { id: string; number: string; status: OrderStatus; payloadHash: string } | null;
  ceiling: bigint | null;
  budgetId: string | null;
  remaining: bigint | null;
  settings: unknown;
}

export async function submitOrder(db: Db, clock: Clock, actor: OrderActor, raw: unknown): Promise<SubmitResult> {
  const input = parseInput(orderInputSchema, raw);
  if (actor.role !== "OPD_STAFF" || !actor.opdId) throw new AppError("FORBIDDEN");
  const hash = payloadHash(input);
  const fiscalYear = fiscalYearOf(input.deliveryAt);
  const total = BigInt(input.unitPrice) * BigInt(input.pax);
  try {
    return await inTransaction(db, async (tx) => {
      // One round trip: an earlier submission with this key, the ceiling, the budget line, the settings.
      const [pre] = await tx.$queryRaw<Preflight[]>`
        SELECT
          (SELECT json_build_object('id', o.id, 'number', o.number, 'status', o.status, 'payloadHash', o."payloadHash")
             FROM "Order" o WHERE o."placedById" = ${actor.id}::uuid AND o."idempotencyKey" = ${input.idempotencyKey}) AS existing,
          (SELECT c."maxPerPax" FROM "PriceCeiling" c WHERE c.category = ${input.category}::"MenuCategory" AND c."fiscalYear" = ${fiscalYear}) AS ceiling,
          (SELECT b.id FROM "Budget" b WHERE b."opdId" = ${actor.opdId}::uuid AND b."fiscalYear" = ${fiscalYear} AND b."accountCode" = ${input.accountCode}) AS "budgetId",
          (SELECT b.pagu - b.committed FROM "Budget" b WHERE b."opdId" = ${actor.opdId}::uuid AND b."fiscalYear" = ${fiscalYear} AND b."accountCode" = ${input.accountCode}) AS remaining,
          (SELECT s.value FROM "Setting" s WHERE s.key = ${SETTINGS_KEY}) AS settings`;
      if (pre!.existing) {
        if (pre!.existing.payloadHash !== hash) throw new AppError("IDEMPOTENCY_MISMATCH");
        return {
          orderId: pre!.existing.id,
          number: pre!.existing.number,
          status: pre!.existing.status,
          duplicate: true,
          route: null,
        };
      }
      const now = clock.now();
      if (input.deliveryAt.getTime() <= now.getTime())
        throw new AppError("VALIDATION", { issues: { deliveryAt: ["Waktu antar sudah lewat"] } });
      if (pre!.ceiling === null) throw new AppError("NO_PRICE_CEILING", { category: input.category, fiscalYear });
      if (BigInt(input.unitPrice) > BigInt(pre!.ceiling))
        throw new AppError("PRICE_CEILING_EXCEEDED", { max: Number(pre!.ceiling) });
      if (!pre!.budgetId) throw new AppError("NO_BUDGET", { fiscalYear, accountCode: input.accountCode });
      // Plainly over budget: refuse before routing (the reservation at the end is the real, atomic check).
      if (BigInt(pre!.remaining ?? 0) < total) throw await budgetExceeded(tx, pre!.budgetId, total);
      const deliveryDay = dayAsDate(wibDay(input.deliveryAt));
      const [order] = await tx.$queryRaw<RoutableOrder[]>`
        WITH o AS (
          INSERT INTO "Order" (id, number, "opdId", "placedById", "budgetId", "eventName", "deliveryAt", "deliveryDay", place, "contactName", "contactPhone",
                               pax, category, "unitPrice", total, "fiscalYear", "accountCode", method, notes, status, "idempotencyKey", "payloadHash", "createdAt", "updatedAt")
          VALUES (gen_random_uuid(), 'MM-' || ${fiscalYear}::text || '-' || lpad(nextval('"Order_number_seq"')::text, 6, '0'), ${actor.opdId}::uuid, ${actor.id}::uuid, ${pre!.budgetId}::uuid, ${input.eventName}, ${input.deliveryAt}, ${deliveryDay}::date,
                  ${input.place}, ${input.contactName}, ${input.contactPhone}, ${input.pax}, ${input.category}::"MenuCategory", ${BigInt(input.unitPrice)}, ${total},
                  ${fiscalYear}, ${input.accountCode}, ${input.method}::"ProcurementMethod", ${input.notes ?? null}, 'SUBMITTED', ${input.idempotencyKey}, ${hash}, ${now}, now())
          RETURNING id, number, "opdId", status::text AS status, "deliveryAt", "deliveryDay", category::text AS category, pax, total, method::text AS method, "eventName"),
        aud AS (${auditInsertSql(actor, {
          action: "order.submitted",
          entity: "Order",
          entityId: Prisma.sql`(SELECT id FROM o)`,
          after: {
            pax: input.pax,
            unitPrice: input.unitPrice,
            total,
            accountCode: input.accountCode,
            method: input.method,
          },
        })})
        SELECT * FROM o`;
      // The budget is reserved in the same statement that records the routing decision: the conditional
      // update under the row lock makes overspending impossible, and the lock is held for that one statement.
      const route = await routeOrderInTx(tx, order!, {
        now,
        settings: resolveSettings(pre!.settings),
        actor,
        reserve: { budgetId: pre!.budgetId, total },
      });
      return { orderId: order!.id, number: order!.number, status: route.kind, duplicate: false, route };
    });
  } catch (e) {
    // A concurrent duplicate (double click) lost the race on the unique key: answer with the first result.
    if (isUniqueViolation(e)) {
      const again = await existingResult(db, actor, input, hash);
      if (again) return again;
    }
    throw e;
  }
}
