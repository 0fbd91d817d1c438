// `npm run db:restore -- --in <file> --yes`: replaces DATABASE_URL's database (or the embedded one) with a backup
// made by db:backup, in one transaction. Destructive, so it asks for --yes; stop the app first.
import { existsSync } from "node:fs";
import path from "node:path";
import { restoreDatabase } from "./lib/backup";
import { openProjectDatabase } from "./lib/project-database";

const argv = process.argv.slice(2);
const i = argv.indexOf("--in");
const file = i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]!) : null;
if (!file || !existsSync(file)) {
  console.error("usage: npm run db:restore -- --in <backup.dump> --yes   (a file made by npm run db:backup)");
  process.exit(2);
}
if (!argv.includes("--yes")) {
  console.error(`This replaces everything in the database with ${file}. Stop the app, then run again with --yes.`);
  process.exit(2);
}
const db = await openProjectDatabase();
try {
  restoreDatabase(db.url, file);
  console.log(`[restore] restored ${file}`);
} finally {
  await db.close();
}
