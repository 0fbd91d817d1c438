// The project's own database: DATABASE_URL when set, otherwise the embedded PostgreSQL whose
// data persists in .data/postgres (see resolveDataDir for the root fallback).
import { ensureDatabase, externalServer, resolveDataDir, startEmbedded } from "./postgres";

export const EMBEDDED_DB_NAME = "mamin_merata";

export interface ProjectDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openProjectDatabase(log: (m: string) => void = console.log): Promise<ProjectDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) {
    log(`[db] using DATABASE_URL (${new URL(given).host})`);
    const server = externalServer(given);
    return { url: given, embedded: false, close: server.stop };
  }
  const port = process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : 54329;
  const server = await startEmbedded({ dataDir: resolveDataDir("postgres", log), port, log });
  const url = await ensureDatabase(server, EMBEDDED_DB_NAME);
  log(`[db] embedded PostgreSQL 15 on 127.0.0.1:${new URL(url).port} (data: ${server.dataDir})`);
  return { url, embedded: true, close: server.stop };
}
