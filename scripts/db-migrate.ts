// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
import { migrate } from "./lib/migrate";
import { openProjectDatabase } from "./lib/project-database";

const db = await openProjectDatabase();
try {
  const r = await migrate(db.url, console.log);
  console.log(`[migrate] ${r.applied.length} applied, ${r.alreadyApplied} already applied`);
} finally {
  await db.close();
}
