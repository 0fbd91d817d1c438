// The Mojokerto demo: OPDs, fictional UMKM, a decree in force, budgets, ceilings, users and a few
// months of orders in every state. Idempotent: a marker in Setting makes a second run a no-op.
// Runs in one transaction, so a crash half-way leaves nothing behind.
import { randomUUID, createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { hashPassword } from "@/lib/auth/password";
import { dayAsDate, fiscalYearOf, fiscalYearRange, wibDateTime, wibDay } from "@/lib/format";
import { ekatalogStatusOf } from "@/lib/domain/vendor";
import { rankPool, type PoolVendor } from "@/lib/domain/routing";
import { writeAudit, SYSTEM_ACTOR } from "@/lib/data/audit";
import { offerLinkFor } from "@/lib/data/offers/offer-link-secret";
import { seedPayments } from "@/prisma/seed/seed-payments";
import type { FailureType, MenuCategory, OrderStatus } from "@/lib/generated/prisma/enums";
import { notice, type Note } from "@/lib/data/notifications/notify";
import { supplierKey } from "@/lib/domain/prior-purchase";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  BUDGET_ACCOUNTS,
  DECLINE_REASONS,
  DEMO_PASSWORD,
  EVENT_NAMES,
  FAILURE_STORIES,
  KELURAHAN,
  MENU_TEMPLATES,
  OPDS,
  PLACES,
  PRICE_CEILINGS,
  UMKM,
} from "./mojokerto";

export const DEMO_MARKER = "demo.seed";
const SEED_VERSION = 1;

/**
 * A demo record's id from its kind and key (a uuid-shaped SHA-256 prefix, version 5 bits): the same every time, so the
 * routing rule's stable tie-break (the hash of order and vendor) ranks the demo's vendors the same in every database.
 */
function demoId(kind: string, key: string): string {
  const h = createHash("sha256").update(`mamin-merata-demo|${kind}|${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Small deterministic PRNG (mulberry32), so every demo database looks the same. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

/** Fictional officials for the demo OPDs' letters. */
const DEMO_SIGNERS = [
  "Dra. Sri Lestari, M.Si.",
  "Agus Prasetyo, S.T., M.T.",
  "Dr. Rina Wulandari, S.E.",
  "Bambang Suryanto, S.Sos.",
  "Yuni Kartika, S.Kom., M.M.",
  "Hendro Wibowo, S.H.",
];

export const opdUsername = (code: string) => `opd-${code.toLowerCase()}`;
export const vendorUsername = (i: number) => `umkm-${String(i + 1).padStart(2, "0")}`;

export interface DemoLogin {
  username: string;
  role: string;
  name: string;
}

export interface SeedResult {
  seeded: boolean;
  counts?: Record<string, number>;
}

export async function isDemoSeeded(db: Db): Promise<boolean> {
  return (await db.setting.findUnique({ where: { key: DEMO_MARKER } })) !== null;
}

export function demoLogins(): DemoLogin[] {
  return [
    { username: "admin", role: "ADMIN", name: "Admin Diskopukmperindag" },
    { username: "walikota", role: "MAYOR", name: "Kantor Wali Kota" },
    ...OPDS.map((o) => ({ username: opdUsername(o.code), role: "OPD_STAFF", name: o.name })),
    ...UMKM.map(([name], i) => ({ username: vendorUsername(i), role: "VENDOR", name })),
  ];
}

export async function seedDemo(db: Db, clock: Clock, log: (m: string) => void = () => {}): Promise<SeedResult> {
  if (await isDemoSeeded(db)) return { seeded: false };
  // Hash outside the transaction: argon2 is deliberately slow.
  const logins = demoLogins();
  const hashes = await Promise.all(logins.map(() => hashPassword(DEMO_PASSWORD)));
  const counts = await db.$transaction((tx) => seedInTransaction(tx, clock, hashes), {
    timeout: 120_000,
    maxWait: 30_000,
  });
  log(
    `[seed] demo data: ${Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ")}`,
  );
  return { seeded: true, counts };
}

interface VendorRow {
  id: string;
  code: string;
  name: string;
  categories: MenuCategory[];
  prices: Record<string, number>;
  capacity: number;
}

async function seedInTransaction(tx: Tx, clock: Clock, hashes: string[]): Promise<Record<string, number>> {
  // A concurrent seeder would fail here on the marker's primary key, rolling back everything.
  await tx.setting.create({
    data: { key: DEMO_MARKER, value: { version: SEED_VERSION, seededAt: clock.now().toISOString() } },
  });
  const rnd = prng(20261128);
  const now = clock.now();
  const today = wibDay(now);
  const fiscalYear = fiscalYearOf(now);

  // --- OPDs
  const opds = OPDS.map((o) => ({ id: randomUUID(), ...o }));
  await tx.opd.createMany({
    // Fictional signing officials (name, NIP, title) and phones, so the demo's letters print as they would be signed.
    data: opds.map((o, i) => ({
      id: o.id,
      code: o.code,
      name: o.name,
      address: `Jl. Gajah Mada No. ${100 + i}, Kota Mojokerto`,
      phone: `0321${String(321100 + i * 17)}`,
      headName: DEMO_SIGNERS[i % DEMO_SIGNERS.length],
      headNip: `19${70 + (i % 20)}0${1 + (i % 9)}1${i % 10}20050${1 + (i % 9)}${1 + (i % 2)}${String(1 + i).padStart(3, "0")}`,
      headTitle: "Pejabat Pembuat Komitmen",
      isDemo: true,
    })),
  });

  // --- Vendors (fictional), menus, documents, e-Katalog progress
  const vendors: VendorRow[] = [];
  const vendorData: Prisma.VendorCreateManyInput[] = [];
  const menuData: Prisma.VendorMenuItemCreateManyInput[] = [];
  const docData: Prisma.VendorDocumentCreateManyInput[] = [];
  UMKM.forEach(([name, owner, categories], i) => {
    const code = `UMKM-${String(i + 1).padStart(2, "0")}`;
    const id = demoId("vendor", code);
    const place = KELURAHAN[i % KELURAHAN.length]!;
    // Pilot progress: about a third live, most in process, a few not started.
    const stage = i % 3 === 0 ? 3 : i % 7 === 5 ? 0 : i % 2 === 0 ? 2 : 1;
    const checklist = {
      ekHasNib: stage >= 1,
      ekHasNpwp: stage >= 1,
      ekHasPirt: stage >= 2,
      ekHasHalal: stage >= 2 && i % 4 !== 1,
      kbliCode: stage >= 2 ? "56210" : null,
      ekInaprocAccount: stage >= 2,
      ekProductLive: stage >= 3,
      ekatalogUrl: stage >= 3 ? `https://katalog.inaproc.id/demo/${code.toLowerCase()}` : null,
    };
    const capacity = rnd.int(6, 30) * 10;
    const prices: Record<string, number> = {};
    for (const c of categories) {
      const tpl = MENU_TEMPLATES[c];
      for (const item of tpl.slice(0, 2)) {
        const price = item.base + rnd.int(-2, 6) * 1000;
        prices[c] = Math.max(prices[c] ?? 0, price);
        menuData.push({ vendorId: id, category: c, name: item.name, pricePerPax: BigInt(price) });
      }
    }
    const nib = `99${String(1000000000 + i * 7919).padStart(11, "0")}`;
    vendorData.push({
      id,
      code,
      name,
      ownerName: owner,
      nib,
      npwp: `99.${String(100 + i)}.${String(200 + i)}.${i % 10}-602.000`,
      address: `Jl. Contoh Demo No. ${i + 3}, ${place.kelurahan}`,
      kelurahan: place.kelurahan,
      kecamatan: place.kecamatan,
      whatsapp: `62812300${String(4100 + i * 37).padStart(5, "0")}`,
      dailyCapacityPax: capacity,
      ekatalogStatus: ekatalogStatusOf(checklist),
      ...checklist,
      hasPp55: i % 2 === 0,
      bankName: "Bank Jatim",
      bankAccountNumber: `0${String(1_234_500_000 + i * 7_777).slice(0, 10)}`,
      bankAccountName: owner,
      isDemo: true,
    });
    const issued = dayAsDate(`${fiscalYear - 1}-0${1 + (i % 9)}-15`);
    docData.push({ vendorId: id, type: "NIB", number: nib, issuedOn: issued });
    if (checklist.ekHasNpwp)
      docData.push({
        vendorId: id,
        type: "NPWP",
        number: `99.${100 + i}.${200 + i}.${i % 10}-602.000`,
        issuedOn: issued,
      });
    if (checklist.ekHasPirt) {
      // Two PIRT certificates run out within a month, so the expiry warnings have something to show.
      const expires =
        i % 8 === 2
          ? new Date(dayAsDate(today).getTime() + (10 + i) * 86_400_000)
          : dayAsDate(`${fiscalYear + 3}-06-30`);
      docData.push({
        vendorId: id,
        type: "PIRT",
        number: `P-IRT 2${String(3516000000 + i * 131).slice(0, 12)}-${fiscalYear + 3}`,
        issuedOn: issued,
        expiresOn: expires,
      });
    }
    if (checklist.ekHasHalal)
      docData.push({
        vendorId: id,
        type: "HALAL",
        number: `ID35110000${String(1234567 + i * 17)}`,
        issuedOn: issued,
        expiresOn: dayAsDate(`${fiscalYear + 4}-01-31`),
      });
    vendors.push({ id, code, name, categories, prices, capacity });
  });
  await tx.vendor.createMany({ data: vendorData });
  await tx.vendorMenuItem.createMany({ data: menuData });
  await tx.vendorDocument.createMany({ data: docData });
  // A couple of days off, so "unavailable" shows up in profiles and routing.
  const offDays = [
    { vendorId: vendors[5]!.id, day: wibDay(new Date(now.getTime() + 3 * 86_400_000)), reason: "Hajatan keluarga" },
    { vendorId: vendors[11]!.id, day: wibDay(new Date(now.getTime() + 5 * 86_400_000)), reason: "Libur" },
  ];
  const daysOff = new Set(offDays.map((o) => `${o.vendorId}|${o.day}`));
  await tx.vendorUnavailableDay.createMany({ data: offDays.map((o) => ({ ...o, day: dayAsDate(o.day) })) });

  // --- Price ceilings and budgets for this fiscal year and the next (set ahead, as admins do, so orders
  // for early next year can be placed in December)
  await tx.priceCeiling.createMany({
    data: [fiscalYear, fiscalYear + 1].flatMap((year) =>
      PRICE_CEILINGS.map((c) => ({
        category: c.category,
        fiscalYear: year,
        maxPerPax: BigInt(c.maxPerPax),
        basis: c.basis,
      })),
    ),
  });
  const ceilings = Object.fromEntries(PRICE_CEILINGS.map((c) => [c.category, c.maxPerPax])) as Record<
    MenuCategory,
    number
  >;

  // --- The decree in force: 3–5 UMKM per OPD, spread so every UMKM serves several OPDs.
  const decreeId = randomUUID();
  const effectiveFrom = `${fiscalYear}-01-02`;
  await tx.decree.create({
    data: {
      id: decreeId,
      number: `DEMO 188.45/${fiscalYear % 100}/417.101/${fiscalYear}`,
      title: "Penetapan UMKM Penyedia Makanan dan Minuman bagi Perangkat Daerah (contoh demo)",
      signedOn: dayAsDate(`${fiscalYear - 1}-12-20`),
      effectiveFrom: dayAsDate(effectiveFrom),
      status: "IN_FORCE",
      publishedAt: wibDateTime(`${fiscalYear - 1}-12-20`, "10:00"),
      notes: "Data demo — bukan SK yang sebenarnya.",
    },
  });
  const pools = new Map<string, VendorRow[]>();
  let cursor = 0;
  const allocationData: Prisma.AllocationCreateManyInput[] = [];
  for (const [idx, opd] of opds.entries()) {
    const size = 3 + (idx % 3);
    const pool: VendorRow[] = [];
    for (let k = 0; k < size; k++) {
      const v = vendors[(cursor + k * 5) % vendors.length]!;
      if (!pool.includes(v)) pool.push(v);
    }
    cursor += 1;
    pools.set(opd.id, pool);
    for (const v of pool) allocationData.push({ decreeId, opdId: opd.id, vendorId: v.id, weight: 1 });
  }
  await tx.allocation.createMany({ data: allocationData });

  // --- Users
  const logins = demoLogins();
  await tx.user.createMany({
    data: logins.map((l, i) => {
      const opd = l.role === "OPD_STAFF" ? opds.find((o) => opdUsername(o.code) === l.username) : undefined;
      const vendor = l.role === "VENDOR" ? vendors[Number(l.username.slice(5)) - 1] : undefined;
      return {
        username: l.username,
        name:
          l.role === "OPD_STAFF"
            ? `Staf Pengadaan ${opd?.code}`
            : l.role === "VENDOR"
              ? (UMKM[Number(l.username.slice(5)) - 1]?.[1] ?? l.name)
              : l.name,
        passwordHash: hashes[i]!,
        role: l.role as "ADMIN" | "MAYOR" | "OPD_STAFF" | "VENDOR",
        opdId: opd?.id ?? null,
        vendorId: vendor?.id ?? null,
        // The demo's OPD accounts also act as their OPD's treasurer, so one login walks the whole payment story.
        treasurer: l.role === "OPD_STAFF",
        isDemo: true,
      };
    }),
  });
  const users = await tx.user.findMany({
    select: { id: true, username: true, opdId: true, vendorId: true, role: true },
  });
  const staffOf = new Map(users.filter((u) => u.opdId).map((u) => [u.opdId!, u.id]));
  const vendorUserOf = new Map(users.filter((u) => u.vendorId).map((u) => [u.vendorId!, u.id]));
  const adminId = users.find((u) => u.username === "admin")!.id;

  // --- Orders: the last ~4 months (within this fiscal year) and the next two weeks.
  const { start: fyStart } = fiscalYearRange(fiscalYear);
  const windowStart = Math.max(fyStart.getTime(), now.getTime() - 120 * 86_400_000);
  const awarded = new Map<string, number>(vendors.map((v) => [v.id, 0]));
  const awardedCount = new Map<string, number>(vendors.map((v) => [v.id, 0]));
  const booked = new Map<string, number>(); // vendorId|day → pax
  const committed = new Map<string, number>(); // opdId|account → rupiah
  const orders: Prisma.OrderCreateManyInput[] = [];
  const offers: Prisma.OfferCreateManyInput[] = [];
  const decisions: Prisma.RoutingDecisionCreateManyInput[] = [];
  const fulfilments: Prisma.FulfilmentCreateManyInput[] = [];
  const sanctions: Prisma.SanctionCreateManyInput[] = [];
  // What each failure's sanction proposal says, by its index in `sanctions` (for the admins' notification).
  const proposalStory = new Map<number, { number: string; type: FailureType; evidence: string }>();
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  const failuresByVendor = new Map<string, number>();
  const budgetIds = new Map<string, string>();
  for (const opd of opds) for (const a of BUDGET_ACCOUNTS) budgetIds.set(`${opd.id}|${a.code}`, randomUUID());

  // Choose with the routing rule itself (lib/domain/routing.ts rankPool): least (awarded + pending) among the eligible,
  // then fewer orders, longest since the last award, the stable hash — with the standings the demo has built so far.
  // One vendor was suspended (SP2) ten days ago and leaves every pool from then on. The method is chosen after the
  // vendor (e-purchasing only from a TAYANG one), so the ranking is the direct-procurement one.
  const suspended = vendors[7]!;
  const suspendedFrom = new Date(now.getTime() - 10 * 86_400_000);
  const isSuspended = (v: VendorRow, day: string) => v === suspended && day >= wibDay(suspendedFrom);
  const pendingValue = new Map<string, number>();
  const ekatalogOf = new Map(vendorData.map((v) => [v.id!, v.ekatalogStatus ?? "BELUM"]));
  const lastAward = new Map<string, Date>();
  // Ties are broken by the stable hash of the order's number (not its random id), so the demo is the same every time.
  const choose = (
    orderKey: string,
    pool: VendorRow[],
    category: MenuCategory,
    day: string,
    pax: number,
    prior: Map<string, "DECLINED" | "EXPIRED">,
  ) =>
    rankPool(
      { orderId: orderKey, category, pax, method: "PENGADAAN_LANGSUNG" },
      pool.map((v): PoolVendor => ({
        vendorId: v.id,
        code: v.code,
        name: v.name,
        weight: 1,
        status: "ACTIVE",
        suspended: isSuspended(v, day),
        categories: v.categories,
        unavailableOnDay: daysOff.has(`${v.id}|${day}`),
        ekatalogStatus: ekatalogOf.get(v.id) ?? "BELUM",
        capacityPax: v.capacity,
        bookedPax: booked.get(`${v.id}|${day}`) ?? 0,
        awardedValue: BigInt(awarded.get(v.id)!),
        pendingValue: BigInt(pendingValue.get(v.id) ?? 0),
        awardedOrders: awardedCount.get(v.id)!,
        lastAwardAt: lastAward.get(v.id) ?? null,
        priorOutcome: prior.get(v.id) ?? null,
      })),
      true,
    );

  let seq = 0;
  let futureCount = 0;
  let recentFailures = 0;
  const totalDays = Math.floor((now.getTime() + 14 * 86_400_000 - windowStart) / 86_400_000);
  for (let d = 0; d <= totalDays; d++) {
    const dayStart = new Date(windowStart + d * 86_400_000);
    const day = wibDay(dayStart);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const perDay = rnd.int(1, 4);
    for (let k = 0; k < perDay; k++) {
      const opd = rnd.pick(opds);
      const pool = pools.get(opd.id)!;
      const category: MenuCategory = rnd.chance(0.55) ? "MAKAN" : rnd.chance(0.8) ? "KUDAPAN" : "MINUMAN";
      const pax = rnd.int(2, 15) * 10;
      const ceiling = ceilings[category];
      const unitPrice = Math.min(ceiling, Math.round((ceiling * (0.6 + rnd.next() * 0.35)) / 500) * 500);
      const total = unitPrice * pax;
      const deliveryAt = wibDateTime(day, `${String(rnd.int(8, 13)).padStart(2, "0")}:${rnd.pick(["00", "30"])}`);
      const past = deliveryAt < now;
      // Every third upcoming order is still waiting for its vendor's answer, offered minutes ago.
      const waiting = !past && futureCount++ % 3 === 0;
      const pendingAt = new Date(now.getTime() - rnd.int(5, 60) * 60_000);
      let createdAt = new Date(deliveryAt.getTime() - rnd.int(2, 6) * 86_400_000);
      if (waiting) createdAt = new Date(pendingAt.getTime() - 3 * 3600_000);
      if (createdAt > now) createdAt = new Date(now.getTime() - rnd.int(1, 48) * 3600_000);
      const account = rnd.chance(0.8) ? BUDGET_ACCOUNTS[0] : BUDGET_ACCOUNTS[1];
      const id = randomUUID();
      seq += 1;
      const number = `MM-${fiscalYear}-${String(seq).padStart(6, "0")}`;
      const offeredAt = new Date(createdAt.getTime() + 60_000);
      // Vendors that already declined or let this order's offer lapse.
      const exclude = new Map<string, "DECLINED" | "EXPIRED">();
      let status: OrderStatus;
      let vendorId: string | null = null;
      let round = 0;
      let awardedAt: Date | null = null;
      let cancelReason: string | null = null;
      let cancelledAt: Date | null = null;
      let lastOfferId = "";
      let escalatedAt: Date | null = null;

      const roll = rnd.next();
      const wantsCancel = !waiting && roll < 0.05;
      const declineFirst = roll >= 0.05 && roll < 0.17;
      const escalate = !past && !waiting && roll >= 0.17 && roll < 0.2;
      // Round 1 (and maybe a decline), then the accepting round.
      const offerRound = (kind: "DECLINED" | "EXPIRED" | "ACCEPTED" | "PENDING" | "WITHDRAWN", at: Date) => {
        const { candidates, exclusions } = choose(number, pool, category, day, pax, exclude);
        round += 1;
        const decisionId = randomUUID();
        const chosen = candidates[0];
        decisions.push({
          id: decisionId,
          orderId: id,
          round,
          decidedAt: at,
          chosenVendorId: chosen?.vendorId ?? null,
          candidates: candidates.map((c) => ({ ...c })),
          exclusions: exclusions.map((e) => ({ ...e })),
          outcome: chosen ? "OFFERED" : "ESCALATED",
        });
        if (!chosen) return null;
        const expiresAt = new Date(at.getTime() + 2 * 3600_000);
        lastOfferId = randomUUID();
        offers.push({
          id: lastOfferId,
          orderId: id,
          vendorId: chosen.vendorId,
          decisionId,
          round,
          status: kind,
          value: BigInt(total),
          pax,
          deliveryDay: dayAsDate(day),
          offeredAt: at,
          expiresAt,
          respondedAt:
            kind === "DECLINED" || kind === "ACCEPTED"
              ? new Date(at.getTime() + rnd.int(5, 90) * 60_000)
              : kind === "WITHDRAWN"
                ? at
                : null,
          reason:
            kind === "DECLINED" ? rnd.pick(DECLINE_REASONS) : kind === "WITHDRAWN" ? "Pesanan dibatalkan OPD" : null,
        });
        if (kind === "DECLINED" || kind === "EXPIRED") exclude.set(chosen.vendorId, kind);
        if (kind === "PENDING") {
          // A pending offer holds its value and its portions, as routing counts them.
          pendingValue.set(chosen.vendorId, (pendingValue.get(chosen.vendorId) ?? 0) + total);
          booked.set(`${chosen.vendorId}|${day}`, (booked.get(`${chosen.vendorId}|${day}`) ?? 0) + pax);
        }
        return chosen;
      };

      if (escalate) {
        for (const v of pool) exclude.set(v.id, "DECLINED");
        // Everyone in the pool had declined or let the offer lapse.
        for (const v of pool.filter((p) => p.categories.includes(category)).slice(0, 2)) {
          exclude.delete(v.id);
          const kind = rnd.chance(0.5) ? "DECLINED" : "EXPIRED";
          offerRound(kind, new Date(offeredAt.getTime() + round * 2.5 * 3600_000));
          exclude.set(v.id, kind);
        }
        offerRound("DECLINED", new Date(offeredAt.getTime() + (round + 1) * 2.5 * 3600_000)); // records the empty decision
        offers.pop();
        status = "ESCALATED";
        escalatedAt = new Date(offeredAt.getTime() + round * 2.5 * 3600_000);
      } else {
        if (declineFirst) offerRound(rnd.chance(0.7) ? "DECLINED" : "EXPIRED", offeredAt);
        const second = waiting ? pendingAt : new Date(offeredAt.getTime() + (declineFirst ? 2.2 * 3600_000 : 0));
        if (waiting) {
          const v = offerRound("PENDING", second);
          status = v ? "OFFERED" : "ESCALATED";
          if (!v) escalatedAt = second;
        } else if (wantsCancel) {
          const v = offerRound("WITHDRAWN", second);
          status = "CANCELLED";
          cancelReason = "Kegiatan ditunda oleh pimpinan";
          cancelledAt = new Date(second.getTime() + 3600_000);
          void v;
        } else {
          const v = offerRound("ACCEPTED", second);
          if (!v && past) {
            // Nobody in the pool could take it and the day has passed: the OPD called the event off.
            status = "CANCELLED";
            cancelReason = "Tidak ada UMKM yang sanggup pada tanggal tersebut; kegiatan dibatalkan";
            cancelledAt = new Date(second.getTime() + 3 * 3600_000);
          } else if (!v) {
            status = "ESCALATED";
            escalatedAt = second;
          } else {
            vendorId = v.vendorId;
            awardedAt = new Date(second.getTime() + 30 * 60_000);
            lastAward.set(v.vendorId, awardedAt);
            // About one in twenty fails; the last ten days hold at least three, so admins always find proposals
            // to decide.
            const chance = rnd.chance(0.05);
            const recent = now.getTime() - deliveryAt.getTime() < 10 * 86_400_000;
            const failed = past && (chance || (recent && recentFailures < 3 && seq % 4 === 0));
            if (failed && recent) recentFailures += 1;
            status = !past ? "ACCEPTED" : failed ? "FAILED" : "DELIVERED";
            // Accepted value counts as awarded even if the vendor then fails (as routing counts it).
            awarded.set(v.vendorId, awarded.get(v.vendorId)! + total);
            awardedCount.set(v.vendorId, awardedCount.get(v.vendorId)! + 1);
            if (status !== "FAILED") {
              booked.set(`${v.vendorId}|${day}`, (booked.get(`${v.vendorId}|${day}`) ?? 0) + pax);
            }
            if (status === "DELIVERED") {
              const late = rnd.chance(0.85) ? 0 : rnd.int(5, 40);
              fulfilments.push({
                orderId: id,
                offerId: lastOfferId,
                vendorId: v.vendorId,
                outcome: "DELIVERED",
                onTheWayAt: new Date(deliveryAt.getTime() - 40 * 60_000),
                deliveredAt: new Date(deliveryAt.getTime() + late * 60_000),
                lateMinutes: late,
                quantityReceived: pax,
                rating: late > 20 ? 3 : rnd.pick([4, 5, 5]),
                reportedById: staffOf.get(opd.id)!,
                createdAt: new Date(deliveryAt.getTime() + (late + 30) * 60_000),
              });
            } else if (status === "FAILED") {
              const story = rnd.pick(FAILURE_STORIES);
              const n = (failuresByVendor.get(v.vendorId) ?? 0) + 1;
              failuresByVendor.set(v.vendorId, n);
              offers[offers.length - 1]!.status = "FAILED";
              fulfilments.push({
                orderId: id,
                offerId: lastOfferId,
                vendorId: v.vendorId,
                outcome: "FAILED",
                failureType: story.type,
                evidence: story.evidence,
                reportedById: staffOf.get(opd.id)!,
                createdAt: new Date(deliveryAt.getTime() + 2 * 3600_000),
              });
              // Proposals older than two weeks were decided by the admin: a first failure confirmed as SP1, later
              // ones settled at SP1 after clarification (so no vendor but the demo's one SP2 is suspended).
              const proposedAt = new Date(deliveryAt.getTime() + 2 * 3600_000);
              const decided = now.getTime() - proposedAt.getTime() > 14 * 86_400_000;
              proposalStory.set(sanctions.length, { number, type: story.type, evidence: story.evidence });
              sanctions.push({
                vendorId: v.vendorId,
                orderId: id,
                level: decided || n === 1 ? "SP1" : n === 2 ? "SP2" : "SP3",
                status: decided ? "CONFIRMED" : "PROPOSED",
                cause: `${number}: ${story.evidence}`,
                proposedAt,
                ...(decided
                  ? {
                      decidedById: adminId,
                      decidedAt: new Date(proposedAt.getTime() + 2 * 86_400_000),
                      startsAt: new Date(proposedAt.getTime() + 2 * 86_400_000),
                      decisionReason: "Teguran tertulis (SP1) setelah klarifikasi dengan OPD dan UMKM.",
                    }
                  : {}),
              });
            }
          }
        }
      }
      if (status !== "CANCELLED" && status !== "FAILED") {
        const key = `${opd.id}|${account.code}`;
        committed.set(key, (committed.get(key) ?? 0) + total);
      }
      orders.push({
        id,
        number,
        opdId: opd.id,
        placedById: staffOf.get(opd.id)!,
        budgetId: budgetIds.get(`${opd.id}|${account.code}`)!,
        decreeId,
        eventName: rnd.pick(EVENT_NAMES),
        deliveryAt,
        deliveryDay: dayAsDate(day),
        place: rnd.pick(PLACES),
        contactName: `Staf Pengadaan ${opd.code}`,
        contactPhone: `62813000${String(seq).padStart(5, "0")}`,
        pax,
        category,
        unitPrice: BigInt(unitPrice),
        total: BigInt(total),
        fiscalYear,
        accountCode: account.code,
        method: ekatalogOf.get(vendorId!) === "TAYANG" && rnd.chance(0.5) ? "E_PURCHASING" : "PENGADAAN_LANGSUNG",
        status,
        idempotencyKey: createHash("sha256").update(`demo-${number}`).digest("hex").slice(0, 32),
        payloadHash: createHash("sha256").update(`${opd.code}|${day}|${pax}|${category}|${unitPrice}`).digest("hex"),
        vendorId,
        awardedAt,
        escalatedAt,
        cancelledAt,
        cancelReason,
        createdAt,
      });
    }
  }

  sanctions.push({
    vendorId: suspended.id,
    level: "SP2",
    status: "CONFIRMED",
    cause: "Dua kali menyatakan sanggup lalu tidak mengirim pesanan (demo).",
    startsAt: suspendedFrom,
    endsAt: new Date(suspendedFrom.getTime() + 30 * 86_400_000),
    proposedAt: new Date(suspendedFrom.getTime() - 86_400_000),
    decidedById: adminId,
    decidedAt: suspendedFrom,
    decisionReason: "Dikonfirmasi setelah klarifikasi dengan OPD dan UMKM.",
  });

  // Budgets: the pagu comfortably above what the orders use.
  const budgets: Prisma.BudgetCreateManyInput[] = [];
  for (const [i, opd] of opds.entries()) {
    for (const a of BUDGET_ACCOUNTS) {
      const used = committed.get(`${opd.id}|${a.code}`) ?? 0;
      const base = a.code.endsWith("0052") ? 120_000_000 + (i % 5) * 40_000_000 : 40_000_000 + (i % 4) * 15_000_000;
      const pagu = Math.max(base, Math.ceil((used * 1.6) / 5_000_000) * 5_000_000);
      budgets.push({
        id: budgetIds.get(`${opd.id}|${a.code}`)!,
        opdId: opd.id,
        fiscalYear,
        accountCode: a.code,
        accountName: a.name,
        pagu: BigInt(pagu),
        committed: BigInt(used),
      });
    }
  }
  await tx.budget.createMany({ data: budgets });
  await tx.budget.createMany({
    data: budgets.map((b) => ({
      opdId: b.opdId,
      fiscalYear: fiscalYear + 1,
      accountCode: b.accountCode,
      accountName: b.accountName,
      pagu: b.pagu,
    })),
  });
  await tx.order.createMany({ data: orders });
  await tx.routingDecision.createMany({ data: decisions });
  await tx.offer.createMany({ data: offers });
  await tx.fulfilment.createMany({ data: fulfilments });
  // What the OPDs owe for the deliveries, and what they paid (prisma/seed/seed-payments.ts).
  const orderById = new Map(orders.map((o) => [o.id as string, o]));
  const vendorInfo = new Map(
    vendorData.map((v) => [
      v.id as string,
      { hasPp55: Boolean(v.hasPp55), npwp: v.npwp ?? null, ownerName: v.ownerName },
    ]),
  );
  const money = await seedPayments(tx, {
    rnd,
    now,
    delivered: fulfilments
      .filter((f) => f.outcome === "DELIVERED")
      .map((f) => {
        const o = orderById.get(f.orderId)!;
        return {
          orderId: f.orderId,
          orderNumber: o.number,
          opdId: o.opdId,
          vendorId: f.vendorId,
          fiscalYear: o.fiscalYear,
          amount: (f.quantityReceived ?? o.pax) * Number(o.unitPrice),
          bastAt: new Date(f.createdAt as Date),
        };
      }),
    vendors: vendorInfo,
    staffOf,
    vendorUserOf,
  });
  await tx.sanction.createMany({ data: sanctions });
  await tx.vendor.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });

  // The year before the decree, as the admins would import it: a handful of caterers took almost everything.
  const big = ["CV Boga Rasa Mandiri", "Katering Sari Nikmat", "UD Prima Jaya Catering", "CV Lestari Sejahtera Boga"];
  const small = ["Warung Bu Sri", "Dapur Mbak Tini", "Kue Basah Bu Har", "Nasi Kotak Pak Darmo", "Snack Ibu Ana"];
  const prior: Prisma.PriorPurchaseCreateManyInput[] = [];
  for (const o of opds) {
    const n = 10 + Math.floor(rnd.next() * 14);
    for (let i = 0; i < n; i++) {
      const fromBig = rnd.next() < 0.88;
      const name = fromBig
        ? big[Math.floor(rnd.next() ** 2 * big.length)]!
        : small[Math.floor(rnd.next() * small.length)]!;
      const amount = fromBig
        ? 1_500_000 + Math.round(rnd.next() * 90) * 50_000
        : 300_000 + Math.round(rnd.next() * 18) * 50_000;
      const month = 1 + Math.floor(rnd.next() * 12);
      const day = 1 + Math.floor(rnd.next() * 28);
      prior.push({
        fiscalYear: fiscalYear - 1,
        opdId: o.id,
        supplierName: name,
        supplierKey: supplierKey(name),
        purchasedOn: new Date(Date.UTC(fiscalYear - 1, month - 1, day)),
        amount: BigInt(amount),
        importedAt: clock.now(),
        importedById: adminId,
      });
    }
  }
  await tx.priorPurchase.createMany({ data: prior });
  await tx.$executeRaw`SELECT setval('"Order_number_seq"', ${seq}::bigint, true)`;

  // In-app notifications for what is waiting.
  for (const o of offers.filter((x) => x.status === "PENDING")) {
    const order = orders.find((x) => x.id === o.orderId)!;
    // As routing writes it: the template and its parameters, and the one-tap link.
    const note = notice(
      "offer.new",
      "offerNew",
      {
        number: order.number,
        pax: order.pax,
        eventName: order.eventName,
        expiresAt: { at: new Date(o.expiresAt as Date).toISOString() },
      },
      offerLinkFor({ id: o.id as string, vendorId: o.vendorId as string, expiresAt: new Date(o.expiresAt as Date) }),
    );
    notifications.push(sentNotification(vendorUserOf.get(o.vendorId)!, note, o.offeredAt as Date));
  }
  for (const [i, s] of sanctions.entries()) {
    const story = proposalStory.get(i);
    if (s.status !== "PROPOSED" || !story) continue;
    const note = notice(
      "sanction.proposed",
      "sanctionProposed",
      {
        level: { label: `status.sanctionLevel.${s.level}` },
        number: story.number,
        failure: { label: `orderDetail.failTypes.${story.type}` },
        evidence: story.evidence,
      },
      "/admin",
    );
    notifications.push(sentNotification(adminId, note, s.proposedAt as Date));
  }
  await tx.notification.createMany({ data: notifications });

  const counts = {
    OPD: opds.length,
    UMKM: vendors.length,
    allocations: allocationData.length,
    users: logins.length,
    orders: orders.length,
    offers: offers.length,
    sanctions: sanctions.length,
    invoices: money.invoices,
    payments: money.payments,
    "purchases before the decree": prior.length,
  };
  await writeAudit(tx, SYSTEM_ACTOR, { action: "seed.demo", entity: "Setting", entityId: DEMO_MARKER, after: counts });
  return counts;
}

/** An in-app notification already delivered at `at`, as the outbox writes one (template, parameters and text). */
function sentNotification(userId: string, note: Note, at: Date): Prisma.NotificationCreateManyInput {
  return {
    userId,
    kind: note.kind,
    title: note.title,
    body: note.body,
    template: note.template,
    params: note.params,
    link: note.link,
    status: "SENT",
    sentAt: at,
    createdAt: at,
  };
}
