// The shape of a use case (issue 19, point 4; the README's layering): every exported function of lib/data takes its
// database handle and one options object — never a row of positional arguments whose order a caller can get wrong —
// and a use case that acts for someone (an `actor` in its options) authorises that someone itself, whoever called it.
// Read from the source with the TypeScript parser, so a new use case is held to it without a list to keep.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const DATA = path.join(process.cwd(), "lib", "data");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return name.endsWith(".ts") ? [full] : [];
  });
}

interface ExportedFunction {
  file: string;
  name: string;
  params: ts.NodeArray<ts.ParameterDeclaration>;
  body: string;
  source: ts.SourceFile;
}

function exportedFunctions(): ExportedFunction[] {
  return files(DATA).flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    return source.statements.flatMap((s) =>
      ts.isFunctionDeclaration(s) &&
      s.name &&
      s.body &&
      s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) &&
      s.modifiers.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)
        ? [
            {
              file: path.relative(process.cwd(), file),
              name: s.name.text,
              params: s.parameters,
              body: s.body.getText(source),
              source,
            },
          ]
        : [],
    );
  });
}

// Building blocks that run inside a caller's transaction or retry loop, and the sweeps' jobs: they are not use cases
// a page or an action calls, and take what the statement needs. Each is named, with why.
const BUILDING_BLOCKS: Record<string, string> = {
  withRetry: "retries a transaction",
  inTransaction: "opens a transaction",
  lockOrder: "the first lock of every order transition",
  lockVendors: "the vendor locks routing takes",
  writeAudit: "an audit row in the caller's transaction",
  notify: "a notice in the caller's transaction",
  transitionOrder: "the order state machine's one helper",
  routeBatchInTx: "routing inside the caller's transaction",
  rerouteOrdersInTx: "routing inside the caller's transaction",
  routeOrderInTx: "routing inside the caller's transaction",
  readRoutingContexts: "routing inside the caller's transaction",
  readFailureRecord: "a statement of the failure transaction",
  releaseBudget: "a statement of the cancellation transaction",
  budgetExceeded: "builds a refusal",
  insertAccount: "a statement of the login-creating transactions",
  updateWithVersion: "a statement of the vendor-editing transactions",
  storeScan: "a statement of the document-saving transaction",
  openCode: "a read of the MFA steps",
  expireDueOffers: "the sweep's job (db, clock, batch size)",
  routeStrandedOrders: "the sweep's job (db, clock, batch size)",
  checkInvariants: "the benchmark's and tests' measure of the database",
  rememberLocale: "the locale cookie's echo in the session's transaction",
  authenticateUser: "the sign-in (no actor yet: the credentials are the input)",
  lockDraft: "a decree draft's lock in the editing transactions",
  requireTreasurer: "the payments' authorisation helper",
  recordPaymentInTx: "a payment inside the import's transaction (its caller authorises)",
  prepareAmendmentDraft: "the amendment inside a sanction's or an admin's transaction (its caller authorises)",
  dispatchOutbox: "the sweep's job (db, clock, channels)",
  drainOutbox: "the sweep's job (db, clock, channels)",
  loadReplay: "the replay both what-ifs read (their callers authorise)",
  lockAcceptedOrder: "the first statements of confirming or failing an order (it refuses a stranger's order)",
  failInTx: "a failure inside the confirming or reporting transaction",
  checkPaymentRows: "the payment import's check, for its preview and its commit",
  checkPriorRows: "the prior-purchase import's check, for its preview and its commit",
  checkVendorRows: "the vendor import's check, for its preview and its commit",
  lockPayable: "a payable locked inside the invoice and payment transactions",
  isTreasurer: "the payments' authorisation helper",
};

describe("use cases", () => {
  const all = exportedFunctions();

  it("are found (the parser reads lib/data)", () => {
    expect(all.length).toBeGreaterThan(80);
    expect(all.map((f) => f.name)).toContain("submitOrder");
  });

  it("take their handle and one options object", () => {
    const positional = all
      .filter((f) => !(f.name in BUILDING_BLOCKS))
      .filter((f) => f.params.length > 2)
      .map((f) => `${f.file}: ${f.name}(${f.params.map((p) => p.name.getText(f.source)).join(", ")})`);
    expect(positional).toEqual([]);
  });

  it("authorise the actor they act for", () => {
    const CHECKS =
      /requireAdmin|requireOneOf|requireOwnVendorId|requireOwnOpdId|requireOwnVendor|requireOwnOpd|requireSignedIn|orderScopeFor|actor\.role|role !==|role ===|mayAct|authorise/;
    const unchecked = all
      .filter((f) => !(f.name in BUILDING_BLOCKS))
      .filter((f) => f.params.some((p) => /\bactor\b/.test(p.getText(f.source))))
      .filter((f) => !CHECKS.test(f.body))
      .map((f) => `${f.file}: ${f.name}`);
    expect(unchecked).toEqual([]);
  });

  it("one use case to a file (its verb is its name)", () => {
    // One verb with two callers: the vendor's own menu item and an admin's on its behalf share one rule and audit.
    const SAME_VERB = new Set(["saveMenuItemForVendor"]);
    const byFile = new Map<string, string[]>();
    for (const f of all)
      if (!(f.name in BUILDING_BLOCKS) && !SAME_VERB.has(f.name))
        byFile.set(f.file, [...(byFile.get(f.file) ?? []), f.name]);
    expect(
      [...byFile].filter(([, names]) => names.length > 1).map(([file, names]) => `${file}: ${names.join(", ")}`),
    ).toEqual([]);
  });

  it("the building blocks named above still exist (a stale name would hide a use case)", () => {
    const names = new Set(all.map((f) => f.name));
    expect(Object.keys(BUILDING_BLOCKS).filter((n) => !names.has(n))).toEqual([]);
  });
});
