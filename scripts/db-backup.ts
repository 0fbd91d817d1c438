// `npm run db:backup -- [--out <file>]`: a pg_dump (custom format) of DATABASE_URL's database, or of the
// embedded one; by default into backups/mamin-merata-<date>.dump.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { backupDatabase } from "./lib/backup";
import { openProjectDatabase } from "./lib/project-database";

const argv = process.argv.slice(2);
const i = argv.indexOf("--out");
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const out = path.resolve(i >= 0 && argv[i + 1] ? argv[i + 1]! : `backups/mamin-merata-${stamp}.dump`);
mkdirSync(path.dirname(out), { recursive: true });
const db = await openProjectDatabase();
try {
  backupDatabase(db.url, out);
  console.log(`[backup] written ${out}`);
} finally {
  await db.close();
}
