// Gives every test file a fresh database copied from the migrated template.
import { afterAll, beforeAll, inject } from "vitest";
import { createPrisma, type Db } from "@/lib/db/client";
import { randomBytes } from "node:crypto";
import { dropDatabase, recreateDatabase, externalServer } from "@/scripts/lib/postgres";

let prisma: Db | undefined;
let url: string | undefined;
let name: string | undefined;

beforeAll(async () => {
  const server = externalServer(inject("adminUrl"));
  // Unique per test file (pool ids can repeat across files running side by side).
  name = `${inject("templateDb").replace("template", "test")}_${randomBytes(4).toString("hex")}`;
  url = await recreateDatabase(server, name, inject("templateDb"));
  prisma = createPrisma(url, 10);
});

afterAll(async () => {
  await prisma?.$disconnect();
  if (name) await dropDatabase(externalServer(inject("adminUrl")), name);
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
