// npm run bench:web [-- --rebuild] — builds the app (unless the build is up to date) and prints, as one
// JSON line, the first-load JavaScript of every page route: the gzip bytes of every script a browser
// fetches on the first visit (the framework's root chunks plus the client chunks of each layout, page
// and boundary on the route — an upper bound), and any heavy library (charts, PDF, Excel) a page's
// client code pulls in (by its client modules and by the marks each library leaves in the chunks). Target: vendor pages ≤ 170 kB gzip; no page ships a library it does not use.
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ensureBuilt } from "../lib/launcher";
import { PROJECT_ROOT } from "../lib/postgres";

const VENDOR_LIMIT = 170 * 1024;
const HEAVY = ["recharts", "d3-", "chart.js", "pdfkit", "@react-pdf", "jspdf", "pdf-lib", "exceljs", "xlsx"];
/** Text a library leaves in a minified chunk (module paths are gone in production builds). */
const MARKERS: Record<string, RegExp> = {
  recharts: /recharts-(wrapper|layer|surface)/,
  "chart.js": /Chart\.register|chartjs-/,
  pdfkit: /PDFDocument|pdfkit/,
  "@react-pdf": /@react-pdf/,
  jspdf: /jsPDF/,
  "pdf-lib": /PDFLib|pdf-lib/,
  exceljs: /exceljs|ExcelJS/,
  xlsx: /SheetJS/,
};
const markerCache = new Map<string, string[]>();
function librariesIn(file: string): string[] {
  let found = markerCache.get(file);
  if (!found) {
    const text = readFileSync(path.join(NEXT, file), "utf8");
    found = Object.entries(MARKERS)
      .filter(([, re]) => re.test(text))
      .map(([lib]) => lib);
    markerCache.set(file, found);
  }
  return found;
}
const NEXT = path.join(PROJECT_ROOT, ".next");

const started = Date.now();
ensureBuilt(process.argv.includes("--rebuild"));
const buildMs = Date.now() - started;

const routes = JSON.parse(readFileSync(path.join(NEXT, "app-path-routes-manifest.json"), "utf8")) as Record<
  string,
  string
>;
const gzipCache = new Map<string, number>();
function gzipBytes(file: string): number {
  let n = gzipCache.get(file);
  if (n === undefined) {
    n = gzipSync(readFileSync(path.join(NEXT, file))).length;
    gzipCache.set(file, n);
  }
  return n;
}

interface RouteWeight {
  firstLoadJsGzip: number;
  chunks: number;
  heavyLibraries: string[];
}
const result: Record<string, RouteWeight> = {};
for (const [entry, route] of Object.entries(routes)) {
  if (!entry.endsWith("/page") || route.startsWith("/_")) continue;
  const dir = path.join(NEXT, "server", "app", entry);
  const buildManifest = path.join(dir, "build-manifest.json");
  const rscManifest = `${dir}_client-reference-manifest.js`;
  if (!existsSync(buildManifest) || !existsSync(rscManifest)) continue;
  const { rootMainFiles } = JSON.parse(readFileSync(buildManifest, "utf8")) as { rootMainFiles: string[] };
  const g = globalThis as unknown as { __RSC_MANIFEST?: Record<string, unknown> };
  g.__RSC_MANIFEST = {};
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[entry].
  new Function(readFileSync(rscManifest, "utf8"))();
  const manifest = Object.values(g.__RSC_MANIFEST)[0] as {
    entryJSFiles: Record<string, string[]>;
    clientModules: Record<string, unknown>;
  };
  const files = new Set<string>(rootMainFiles);
  for (const list of Object.values(manifest.entryJSFiles)) for (const f of list) files.add(f.replace(/^\/_next\//, ""));
  const heavy = new Set<string>();
  for (const mod of Object.keys(manifest.clientModules)) {
    for (const lib of HEAVY) if (mod.includes(`/node_modules/${lib}`)) heavy.add(lib.replace(/-$/, ""));
  }
  for (const f of files) for (const lib of librariesIn(f)) heavy.add(lib);
  result[route] = {
    firstLoadJsGzip: [...files].reduce((a, f) => a + gzipBytes(f), 0),
    chunks: files.size,
    heavyLibraries: [...heavy].sort(),
  };
}

const vendorRoutes = Object.entries(result).filter(([r]) => r.startsWith("/vendor"));
const vendorMax = Math.max(0, ...vendorRoutes.map(([, w]) => w.firstLoadJsGzip));
console.log(
  JSON.stringify({
    buildMs,
    routes: result,
    vendor: { maxFirstLoadJsGzip: vendorMax, limit: VENDOR_LIMIT, ok: vendorMax <= VENDOR_LIMIT },
    heavyLibraries: Object.fromEntries(
      Object.entries(result)
        .filter(([, w]) => w.heavyLibraries.length > 0)
        .map(([r, w]) => [r, w.heavyLibraries]),
    ),
  }),
);
