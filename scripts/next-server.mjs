// The web server the launcher starts (`npm run demo`, `npm start`, `npm run dev`): Next.js's own request handler
// behind Node's HTTP server, for one reason — the app must know the address of the connection a request came over.
// `next start` keeps only X-Forwarded-For, which any client may write, and drops the connection's address when the
// client sent one. Here every request gets `x-mm-peer` set to the connection's address (always overwritten, so a
// client cannot supply it); lib/auth/client-address.ts takes the client's address from it and TRUSTED_PROXY_HOPS.
// Usage: node scripts/next-server.mjs start|dev <port>. Stops cleanly on SIGTERM and SIGINT.
import http from "node:http";

const [mode = "start", portArg = "3000"] = process.argv.slice(2);
const dev = mode === "dev";
const port = Number(portArg);
process.env.NODE_ENV ??= dev ? "development" : "production";

const { default: next } = await import("next");
const app = next({ dev, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// The same name as PEER_HEADER in lib/auth/client-address.ts.
const PEER_HEADER = "x-mm-peer";

const server = http.createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
// As `next start`: idle keep-alive connections are not closed before a proxy in front would reuse them.
server.keepAliveTimeout = 65_000;
server.listen(port, () => {
  console.log(`[server] listening on http://localhost:${port} (${dev ? "development" : "production"})`);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 8_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
