import { invoke } from "@tauri-apps/api/core";
import type { CatalogDiff, CatalogStatus, ChartTheme, ChartView, CommandError, Edit, ExportDone, ExportKind, LedgerView, Paper, SessionView, UsageComparison } from "./types";

// The only place the window calls the desktop shell.

export const api = {
  sessionView: () => invoke<SessionView>("session_view"),
  applyEdit: (edit: Edit) => invoke<SessionView>("apply_edit", { edit }),
  addTemplate: (template: string) => invoke<SessionView>("add_template", { template }),
  undo: () => invoke<SessionView>("undo"),
  redo: () => invoke<SessionView>("redo"),
  newProject: () => invoke<SessionView | null>("new_project"),
  openExample: () => invoke<SessionView | null>("open_example"),
  scenarioLedger: (id: string) => invoke<LedgerView>("scenario_ledger", { id }),
  charts: (theme: ChartTheme) => invoke<ChartView[]>("charts", { theme }),
  exportFile: (kind: ExportKind, paper: Paper, ledgers: boolean) =>
    invoke<ExportDone | null>("export", { kind, paper, ledgers }),
  openExport: () => invoke<void>("open_export"),
  showExport: () => invoke<void>("show_export"),
  catalogStatus: () => invoke<CatalogStatus[]>("catalog_status"),
  refreshPrices: (source: string) => invoke<CatalogDiff[]>("refresh_prices", { source }),
  acceptRefresh: () => invoke<SessionView>("accept_refresh"),
  discardRefresh: () => invoke<void>("discard_refresh"),
  restoreCatalog: (platform: string) => invoke<SessionView>("restore_catalog", { platform }),
  tokenStatus: () => invoke<boolean>("token_status"),
  setRailwayToken: (token: string) => invoke<void>("set_railway_token", { token }),
  clearRailwayToken: () => invoke<void>("clear_railway_token"),
  importRailway: (projectId: string, days: number, projectToken: boolean) =>
    invoke<UsageComparison>("import_railway", { projectId, days, projectToken }),
  calibrateWorkload: () => invoke<SessionView>("calibrate_workload"),
  cancelFetch: () => invoke<void>("cancel_fetch"),
  filesView: () => invoke<FilesView>("files_view"),
  openFile: () => invoke<SessionView | null>("open_file"),
  openRecent: (path: string) => invoke<SessionView | null>("open_recent", { path }),
  save: () => invoke<SessionView | null>("save"),
  saveAs: () => invoke<SessionView | null>("save_as"),
  autosave: () => invoke<void>("autosave"),
  restoreRecovery: () => invoke<SessionView | null>("restore_recovery"),
  discardRecovery: () => invoke<void>("discard_recovery"),
  requestClose: () => invoke<void>("request_close"),
};

export interface FilesView {
  recent: [string, string][];
  recovery: boolean;
}

/** The message to show for a failed command, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (typeof e === "object" && e !== null && "message" in e) {
    const msg = (e as CommandError).message;
    if (typeof msg === "string" && msg.length > 0) return msg;
  }
  if (typeof e === "string" && e.length > 0) return e;
  return "Something went wrong, and no reason was given.";
}

/** The field a failed edit is about, if the shell said. */
export function errorPath(e: unknown): string | null {
  if (typeof e === "object" && e !== null && "path" in e) {
    const p = (e as CommandError).path;
    return typeof p === "string" ? p : null;
  }
  return null;
}
