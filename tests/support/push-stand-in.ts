// A stand-in for a browser vendor's push service, on loopback over HTTPS (web-push speaks only HTTPS): it records
// each request so a test can check it and decrypt the payload with the subscription's own keys. Its certificate is
// made once per checkout (by the Playwright config, before the app starts, so the app can be told to trust it).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DIR = fileURLToPath(new URL("../../test-results/push-stand-in/", import.meta.url));

/** The stand-in's key and self-signed certificate for 127.0.0.1, made if missing. */
export function pushStandInCertificate(): { keyFile: string; certFile: string } {
  const keyFile = path.join(DIR, "key.pem");
  const certFile = path.join(DIR, "cert.pem");
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    mkdirSync(DIR, { recursive: true });
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "30",
        "-keyout",
        keyFile,
        "-out",
        certFile,
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
      ],
      { stdio: "ignore" },
    );
  }
  return { keyFile, certFile };
}

export interface PushRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface PushStandIn {
  base: string;
  received: PushRequest[];
  close(): Promise<void>;
}

/** Starts the stand-in on a free port; every request is answered 201 Created, as a push service accepts a message. */
export async function startPushStandIn(): Promise<PushStandIn> {
  const { keyFile, certFile } = pushStandInCertificate();
  const received: PushRequest[] = [];
  const server: Server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = 201;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    base: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
