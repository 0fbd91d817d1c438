// Starts (or connects to) PostgreSQL once for the integration suite and builds a migrated
// template database; each test file then gets its own copy (tests/support/integration-setup.ts).
// TEST_DATABASE_URL points at an external server; otherwise a throw-away embedded one is used.
import type { TestProject } from "vitest/node";
import { migrate } from "@/scripts/lib/migrate";
import {
  externalServer,
  recreateDatabase,
  startEmbedded,
  tempDataDir,
  type DatabaseServer,
} from "@/scripts/lib/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

let server: DatabaseServer | undefined;

export async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  server = external
    ? externalServer(external)
    : await startEmbedded({ dataDir: tempDataDir("vitest"), ephemeral: true, log: () => {} });
  const templateDb = `mm_template_${process.pid}`;
  const url = await recreateDatabase(server, templateDb);
  await migrate(url);
  console.log(
    `[integration] PostgreSQL: ${external ? `external ${new URL(external).host}` : "embedded (temporary)"}; template ${templateDb}`,
  );
  project.provide("adminUrl", server.adminUrl);
  project.provide("templateDb", templateDb);
}

export async function teardown() {
  if (!server) return;
  if (!server.embedded) {
    // Leave an external server as we found it.
    const pg = await import("pg");
    const c = new pg.default.Client({ connectionString: server.adminUrl });
    await c.connect();
    const rows = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `mm_%_${process.pid}%`,
    ]);
    for (const r of rows.rows) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(r.datname)} WITH (FORCE)`);
    await c.end();
  }
  await server.stop();
}
