// Authors the next migration offline: `npm run db:migration:new -- <name>`.
// Diffs the schema as of the last migration (prisma/migrations/schema.snapshot.prisma) against
// prisma/schema.prisma with Prisma 6's wasm schema engine (Prisma 7's CLI needs a native engine
// binary it cannot download here) and writes prisma/migrations/<timestamp>_<name>/migration.sql.
// Review the SQL and append what Prisma cannot express (CHECKs, partial indexes, triggers).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR } from "./lib/migrate";
import {
  PROJECT_ROOT,
  ensureDatabase,
  externalServer,
  startEmbedded,
  tempDataDir,
  type DatabaseServer,
} from "./lib/postgres";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const toolDir = path.join(PROJECT_ROOT, "tools", "migration-author");
const cli = path.join(toolDir, "node_modules", "prisma", "build", "index.js");
if (!existsSync(cli)) {
  console.log("[migration] installing Prisma 6's wasm schema engine into tools/migration-author (once)");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: toolDir, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Prisma 6 wants `url` in the datasource block; Prisma 7 keeps it in prisma.config.ts.
function forPrisma6(schemaPath: string, out: string) {
  const text = readFileSync(schemaPath, "utf8").replace(
    /datasource db \{\s*provider\s*=\s*"postgresql"\s*\}/,
    'datasource db {\n  provider = "postgresql"\n  url      = env("MIGRATION_AUTHOR_DATABASE_URL")\n}',
  );
  writeFileSync(out, text);
}

const snapshot = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
const work = path.join(toolDir, ".work");
mkdirSync(work, { recursive: true });
const toSchema = path.join(work, "to.prisma");
forPrisma6(path.join(PROJECT_ROOT, "prisma", "schema.prisma"), toSchema);
const fromArgs: string[] = [];
if (existsSync(snapshot)) {
  const fromSchema = path.join(work, "from.prisma");
  forPrisma6(snapshot, fromSchema);
  fromArgs.push("--from-schema-datamodel", fromSchema);
} else {
  fromArgs.push("--from-empty");
}

let server: DatabaseServer | undefined;
try {
  // The engine's adapter needs a live connection, though a schema-to-schema diff reads no data.
  const given = process.env.DATABASE_URL;
  server = given
    ? externalServer(given)
    : await startEmbedded({ dataDir: tempDataDir("migration"), ephemeral: true, log: () => {} });
  const url = given ?? (await ensureDatabase(server, "postgres"));
  const r = spawnSync(
    process.execPath,
    [
      cli,
      "migrate",
      "diff",
      "--config",
      path.join(toolDir, "prisma.config.mjs"),
      ...fromArgs,
      "--to-schema-datamodel",
      toSchema,
      "--script",
    ],
    {
      cwd: toolDir,
      encoding: "utf8",
      env: {
        ...process.env,
        MIGRATION_AUTHOR_DATABASE_URL: url,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        // Never executed by a schema-to-schema diff with the js engine; only checked to exist.
        PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
        PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
      },
    },
  );
  if (r.status !== 0) {
    console.error(r.stderr || r.stdout);
    process.exitCode = 1;
  } else if (/^\s*(-- This is an empty migration\.)?\s*$/.test(r.stdout)) {
    console.log("[migration] prisma/schema.prisma has no changes since the last migration; nothing written");
  } else {
    const ts = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${ts}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), r.stdout);
    copyFileSync(path.join(PROJECT_ROOT, "prisma", "schema.prisma"), snapshot);
    if (!existsSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"))) {
      writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
    }
    console.log(
      `[migration] wrote ${path.relative(PROJECT_ROOT, dir)}/migration.sql — review it, then npm run db:migrate`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  await server?.stop();
}
