// Config for Prisma 6's wasm ("js") schema engine. It only needs a reachable PostgreSQL
// for its adapter; `migrate diff` between two schema files does not touch its data.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.MIGRATION_AUTHOR_DATABASE_URL }),
});
