// Helper process for the crash test: starts an embedded PostgreSQL in the given folder, prints
// its URL, then waits to be killed (SIGKILL leaves the server orphaned, as a crashed launcher would).
import { startEmbedded } from "@/scripts/lib/postgres";

const dataDir = process.argv[2]!;
const server = await startEmbedded({ dataDir, log: () => {} });
console.log(`READY ${server.adminUrl}`);
process.on("SIGTERM", () => void server.stop().then(() => process.exit(0)));
setInterval(() => {}, 1000);
