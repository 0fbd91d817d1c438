// One order as a row of the OPD's tables (home and list): the same fields, read and mapped once.
import { rp } from "@/lib/domain/money";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export const ORDER_ROW_SELECT = {
  id: true,
  number: true,
  eventName: true,
  deliveryAt: true,
  pax: true,
  total: true,
  status: true,
  vendor: { select: { name: true } },
} as const;

export interface OrderRow {
  id: string;
  number: string;
  eventName: string;
  deliveryAt: Date;
  pax: number;
  total: number;
  status: OrderStatus;
  vendorName: string | null;
}

export function toOrderRow(o: {
  id: string;
  number: string;
  eventName: string;
  deliveryAt: Date;
  pax: number;
  total: bigint;
  status: OrderStatus;
  vendor: { name: string } | null;
}): OrderRow {
  return {
    id: o.id,
    number: o.number,
    eventName: o.eventName,
    deliveryAt: o.deliveryAt,
    pax: o.pax,
    total: rp(o.total),
    status: o.status,
    vendorName: o.vendor?.name ?? null,
  };
}
