// Prisma CLI config. Must not throw when DATABASE_URL is unset: `npm install` runs
// `prisma generate` through postinstall on machines with no database at all.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
