// Gives every test file a fresh database copied from the migrated template.
import { afterAll, beforeAll, inject } from "vitest";
import { createPrisma, type Db } from "@/lib/db/client";
import { recreateDatabase, externalServer } from "@/scripts/lib/postgres";

let prisma: Db | undefined;
let url: string | undefined;

beforeAll(async () => {
  const server = externalServer(inject("adminUrl"));
  const name = `${inject("templateDb").replace("template", "test")}_${process.env.VITEST_POOL_ID ?? "0"}`;
  url = await recreateDatabase(server, name, inject("templateDb"));
  prisma = createPrisma(url, 10);
});

afterAll(async () => {
  await prisma?.$disconnect();
});

/** The Prisma client on this test file's own database. */
export function testDb(): Db {
  if (!prisma) throw new Error("testDb() used outside a test");
  return prisma;
}

export function testDbUrl(): string {
  if (!url) throw new Error("testDbUrl() used outside a test");
  return url;
}
