// `npm start`: production start — migrations, no demo data, AUTH_SECRET required.
import { launch, parseArgs } from "./lib/launcher";

const args = parseArgs(process.argv.slice(2));
await launch({ mode: "production", port: args.port });
