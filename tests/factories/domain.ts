// Plain inputs of the pure rules (lib/domain), shared by their unit tests: a vendor as routing ranks it and as the
// what-if replays it, each with the defaults a test overrides.
import type { PoolVendor } from "@/lib/domain/routing";
import type { ReplayVendor } from "@/lib/domain/what-if";

/** A pool vendor: active, both main categories, room for 200 portions, nothing awarded yet. */
export function poolVendor(id: string, over: Partial<PoolVendor> = {}): PoolVendor {
  return {
    vendorId: id,
    code: id.toUpperCase(),
    name: `UMKM ${id}`,
    weight: 1,
    status: "ACTIVE",
    suspended: false,
    categories: ["MAKAN", "KUDAPAN"],
    unavailableOnDay: false,
    ekatalogStatus: "TAYANG",
    capacityPax: 200,
    bookedPax: 0,
    awardedValue: 0n,
    pendingValue: 0n,
    awardedOrders: 0,
    lastAwardAt: null,
    priorOutcome: null,
    ...over,
  };
}

/** A vendor of the what-if replay: active, both main categories, TAYANG, room for 1,000 portions. */
export function replayVendor(id: string, over: Partial<ReplayVendor> = {}): ReplayVendor {
  return {
    id,
    code: id,
    name: id,
    status: "ACTIVE",
    suspended: false,
    categories: ["MAKAN", "KUDAPAN"],
    capacityPax: 1000,
    ekatalogStatus: "TAYANG",
    unavailableDays: new Set(),
    ...over,
  };
}
