// `npm run db:seed`: migrations, then the Mojokerto demo data (idempotent) into DATABASE_URL or the embedded database.
import { createPrisma } from "@/lib/db/client";
import { systemClock } from "@/lib/clock";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { migrate } from "./lib/migrate";
import { openProjectDatabase } from "./lib/project-database";
import { demoAuthSecret } from "./lib/launcher";

// The seeded offers' one-tap links are signed with the secret the demo server checks them with.
process.env.AUTH_SECRET ??= demoAuthSecret();
const database = await openProjectDatabase();
try {
  await migrate(database.url, console.log);
  const prisma = createPrisma(database.url, 4);
  try {
    const r = await seedDemo(prisma, systemClock, console.log);
    if (!r.seeded) console.log("[seed] demo data already present; nothing changed");
  } finally {
    await prisma.$disconnect();
  }
} finally {
  await database.close();
}
