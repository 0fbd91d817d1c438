// The state of a two-step import form (upload → row-by-row report → import everything), shared by the
// vendor import and the previous year's purchases.
export interface ImportReportRow {
  row: number;
  /** What identifies the row to the reader (a vendor code, an OPD code). */
  code: string;
  name: string;
  errors: string[];
}

export interface ImportReport {
  rows: ImportReportRow[];
  valid: number;
  invalid: number;
}

export interface ImportState {
  message?: string;
  ok?: boolean;
  report?: ImportReport;
  /** The parsed rows, carried to the confirm step (validated again there). */
  rows?: unknown[];
  created?: number;
}
