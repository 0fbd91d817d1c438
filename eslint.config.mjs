import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

// Text fields, selects and text areas come from the shared primitives (components/ui/field.tsx: Input, Select,
// Textarea), not from a class string written again in each form (issue 19: seven copies, three heights).
// Why input was refused is a key of the message catalogue (lib/domain/validation-message.ts `vm`), written in the
// reader's language where it is shown — never text in one language inside a rule (issue 18).
const REFUSALS_BY_KEY = [
  {
    selector:
      "CallExpression[callee.property.name=/^(min|max|length|regex|int|email|url|uuid|refine|positive|nonnegative)$/] > :matches(Literal[value=/\\s/], TemplateLiteral)",
    message: 'Give a rule\'s message as a refusal key: vm("area.key") (lib/domain/validation-message.ts).',
  },
  {
    selector: "Property[key.name=/^(message|error)$/] > :matches(Literal[value=/\\s/], TemplateLiteral)",
    message: 'Give a refusal\'s message as a key: vm("area.key") (lib/domain/validation-message.ts).',
  },
  {
    selector: "Property[key.name='issues'] ArrayExpression > :matches(Literal, TemplateLiteral)",
    message: 'A refusal\'s field messages are keys: vm("area.key") (lib/domain/validation-message.ts).',
  },
  {
    selector: "CallExpression[callee.object.name='errors'][callee.property.name='push'] > Literal",
    message: 'An import report\'s reasons are keys: vm("import.key") (lib/domain/validation-message.ts).',
  },
];

// Shared SQL lives in one module (lib/db/sql/, issue 19): a fragment is never imported sideways from a use case's
// file. The order state machine's helper and the notification writer keep their own statements (they are the one way
// to change an order's state and to write a notice).
const SQL_FROM_ITS_MODULE = {
  selector:
    "ImportDeclaration[source.value=/^@\\/lib\\/data\\/(?!orders\\/transition-order$|notifications\\/notify$)/] > ImportSpecifier[imported.name=/Sql$/]",
  message: "Import shared SQL from lib/db/sql/ (move the fragment there if a second use case needs it).",
};

// A raw statement's rows are decoded at the boundary (queryRows / queryOne / queryCount in lib/db/sql/decode.ts, with
// a zod row schema), never typed by assertion: `$queryRaw<Row[]>` compiles whatever the columns are (issue 19).
const ROWS_DECODED = {
  selector:
    ":matches(TaggedTemplateExpression[tag.property.name=/^\\$queryRaw(Unsafe)?$/], CallExpression[callee.property.name=/^\\$queryRaw(Unsafe)?$/])[typeArguments]",
  message: "Decode a statement's rows: queryRows/queryOne/queryCount (lib/db/sql/decode.ts) with a row schema.",
};

// A row schema is built once, at module level: zod compiles a schema on its first parse, so one written inline in a
// statement's call is compiled again on every call (measured by `npm run bench:decode`: inlineSchema).
const ROW_SCHEMAS_BUILT_ONCE = {
  selector:
    "CallExpression[callee.name=/^query(Rows|One)$/] > CallExpression:matches([callee.name='row'], [callee.object.name=/^(z|zod)$/])",
  message: "Build the row schema once, at module level (a schema made per call is compiled on every call).",
};

const CONTROLS_FROM_PRIMITIVES = {
  selector:
    "JSXOpeningElement[name.name=/^(input|select|textarea)$/] > JSXAttribute[name.name='className'] > Literal[value=/border-slate-300/], JSXOpeningElement[name.name=/^(input|select|textarea)$/] > JSXAttribute[name.name='className'] > JSXExpressionContainer > Identifier[name=/^(input|inputClass|field)$/]",
  message: "Use Input, Select or Textarea from @/components/ui/field (one look for every form).",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
      // One translator per locale and namespace for the whole process (lib/i18n/server.ts), not one per request.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next-intl/server",
              importNames: ["getTranslations"],
              message: "Use getTranslations from @/lib/i18n/server (translators built once per locale).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/i18n/server.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Pages and route handlers compose use cases (lib/data): no Prisma query or SQL of their own.
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.object.type='MemberExpression'][callee.object.object.type='CallExpression'][callee.object.object.callee.name='db']",
          message: "No Prisma queries in app/: call a use case in lib/data (it takes db() and does the query).",
        },
        {
          selector:
            "MemberExpression[property.name=/^\\$(queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe|transaction)$/]",
          message: "No SQL or transactions in app/: they belong to a use case in lib/data.",
        },
        CONTROLS_FROM_PRIMITIVES,
      ],
    },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/env.ts", "lib/http.ts", "lib/generated/**"],
    rules: {
      "no-restricted-syntax": ["error", ...REFUSALS_BY_KEY, SQL_FROM_ITS_MODULE, ROWS_DECODED, ROW_SCHEMAS_BUILT_ONCE],
    },
  },
  {
    // Order state changes go through lib/data/orders/transition-order.ts (checked against the state machine); the
    // set-based statements that move many orders at once check their moves there too and are named here.
    files: ["lib/**/*.ts", "prisma/seed/**/*.ts"],
    ignores: [
      "lib/data/orders/transition-order.ts",
      "lib/data/routing/route-order.ts",
      "lib/data/offers/accept-offer.ts",
      "lib/generated/**",
      // Operators' configuration errors (English) and a bilingual cross-site refusal: no refusal keys there.
      "lib/env.ts",
      "lib/http.ts",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.object.property.name='order'][callee.property.name=/^(update|updateMany|upsert)$/]",
          message: "Change an order's state with transitionOrder (lib/data/orders/transition-order.ts).",
        },
        {
          selector: 'TemplateElement[value.raw=/UPDATE\\s+"Order"/]',
          message: "Change an order's state with transitionOrderSql (lib/data/orders/transition-order.ts).",
        },
        ...REFUSALS_BY_KEY,
        SQL_FROM_ITS_MODULE,
        ROWS_DECODED,
        ROW_SCHEMAS_BUILT_ONCE,
      ],
    },
  },
  {
    files: ["components/**/*.tsx"],
    ignores: ["components/ui/field.tsx"],
    rules: { "no-restricted-syntax": ["error", CONTROLS_FROM_PRIMITIVES] },
  },
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    "node_modules/**",
    "tools/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
