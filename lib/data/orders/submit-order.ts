// Submitting an order: price ceiling, budget reserved atomically, idempotent on the key, and routed
// at once — all in one transaction, so no order is ever left SUBMITTED by a crash.
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { getSettings } from "@/lib/data/settings/get-settings";
import { routeOrderInTx, ROUTABLE_ORDER_SELECT, type RouteOutcome } from "@/lib/data/routing/route-order";
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

export async function submitOrder(db: Db, clock: Clock, actor: OrderActor, raw: unknown): Promise<SubmitResult> {
  const parsed = orderInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", { issues: parsed.error.flatten().fieldErrors });
  const input = parsed.data;
  if (actor.role !== "OPD_STAFF" || !actor.opdId) throw new AppError("FORBIDDEN");
  const hash = payloadHash(input);
  try {
    return await inTransaction(db, async (tx) => {
      const again = await existingResult(tx, actor, input, hash);
      if (again) return again;
      const now = clock.now();
      if (input.deliveryAt.getTime() <= now.getTime())
        throw new AppError("VALIDATION", { issues: { deliveryAt: ["Waktu antar sudah lewat"] } });
      const fiscalYear = fiscalYearOf(input.deliveryAt);
      const ceiling = await tx.priceCeiling.findUnique({
        where: { category_fiscalYear: { category: input.category, fiscalYear } },
      });
      if (!ceiling) throw new AppError("NO_PRICE_CEILING", { category: input.category, fiscalYear });
      if (BigInt(input.unitPrice) > ceiling.maxPerPax)
        throw new AppError("PRICE_CEILING_EXCEEDED", { max: Number(ceiling.maxPerPax) });
      const total = BigInt(input.unitPrice) * BigInt(input.pax);
      const budget = await tx.budget.findUnique({
        where: { opdId_fiscalYear_accountCode: { opdId: actor.opdId, fiscalYear, accountCode: input.accountCode } },
        select: { id: true },
      });
      if (!budget) throw new AppError("NO_BUDGET", { fiscalYear, accountCode: input.accountCode });
      // Reserve atomically: the row lock and the condition together make overspending impossible.
      const reserved = await tx.$executeRaw`
        UPDATE "Budget" SET committed = committed + ${total}, version = version + 1, "updatedAt" = now()
        WHERE id = ${budget.id}::uuid AND committed + ${total} <= pagu`;
      if (reserved !== 1) {
        const b = await tx.budget.findUniqueOrThrow({
          where: { id: budget.id },
          select: { pagu: true, committed: true },
        });
        throw new AppError("BUDGET_EXCEEDED", { remaining: Number(b.pagu - b.committed), total: Number(total) });
      }
      const [seq] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"Order_number_seq"') AS n`;
      const order = await tx.order.create({
        data: {
          number: `MM-${fiscalYear}-${String(seq!.n).padStart(6, "0")}`,
          opdId: actor.opdId,
          placedById: actor.id,
          budgetId: budget.id,
          eventName: input.eventName,
          deliveryAt: input.deliveryAt,
          deliveryDay: dayAsDate(wibDay(input.deliveryAt)),
          place: input.place,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          pax: input.pax,
          category: input.category,
          unitPrice: BigInt(input.unitPrice),
          total,
          fiscalYear,
          accountCode: input.accountCode,
          method: input.method,
          notes: input.notes ?? null,
          status: "SUBMITTED",
          idempotencyKey: input.idempotencyKey,
          payloadHash: hash,
          createdAt: now,
        },
        select: ROUTABLE_ORDER_SELECT,
      });
      await writeAudit(tx, actor, {
        action: "order.submitted",
        entity: "Order",
        entityId: order.id,
        after: {
          number: order.number,
          pax: input.pax,
          unitPrice: input.unitPrice,
          total,
          accountCode: input.accountCode,
          method: input.method,
        },
      });
      const settings = await getSettings(tx);
      const route = await routeOrderInTx(tx, order, { now, settings, actor });
      return { orderId: order.id, number: order.number, status: route.kind, duplicate: false, route };
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
