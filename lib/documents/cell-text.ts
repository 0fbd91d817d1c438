// Text written into a CSV cell must not be read by a spreadsheet as a formula (CSV formula injection, OWASP): a
// cell starting with =, +, -, @, a tab or a carriage return is opened by Excel and LibreOffice as a formula (a
// business named "=HYPERLINK(…)" becomes a live link, or worse). Such text is written with a leading apostrophe,
// which spreadsheets show as text and which a reader can see. Numbers stay numbers (a negative amount is not text).
// The XLSX writers need no such care: exceljs writes strings as string cells, never as formulas
// (tests/integration/public-transparency.test.ts checks both).
const FORMULA_START = /^[=+\-@\t\r]/;

/** `value` safe for a CSV cell: text that would start a formula gets a leading apostrophe. */
export function csvCell<T>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}
