// `npm run demo` [-- --port N] [--fresh] [--dev]: the Mojokerto demo on http://localhost:3000.
import { launch, parseArgs } from "./lib/launcher";

const args = parseArgs(process.argv.slice(2));
await launch({ mode: args.dev ? "dev" : "demo", port: args.port, fresh: args.fresh });
