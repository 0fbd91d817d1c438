// Helper process for the crash test: places orders as fast as it can until it is killed (SIGKILL).
import { createPrisma } from "@/lib/db/client";
import { fixedClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { orderInput } from "@/tests/factories/routing";

const [url, cityJson] = process.argv.slice(2);
const city = JSON.parse(cityJson!) as { opds: { id: string; staffId: string }[] };
const db = createPrisma(url!, 8);
const clock = fixedClock("2026-05-04T01:00:00Z");
let placed = 0;
const worker = async (w: number) => {
  for (let k = 0; ; k++) {
    const opd = city.opds[(w + k) % city.opds.length]!;
    await submitOrder(db, {
      clock,
      actor: { id: opd.staffId, role: "OPD_STAFF", opdId: opd.id },
      input: orderInput({ deliveryAt: new Date("2026-05-07T03:00:00Z"), pax: 20 }),
    });
    placed++;
    if (placed % 10 === 0) console.log(`PLACED ${placed}`);
  }
};
await Promise.all([0, 1, 2, 3, 4, 5].map(worker));
