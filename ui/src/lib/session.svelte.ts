// The window's state: the session view from the shell, which step is
// open, the message beside each field whose last edit was refused.

import { api, errorMessage, errorPath, type FilesView } from "./api";
import type { ChartTheme, ChartView, Edit, ExportDone, ExportKind, LedgerView, Overview, Paper, PlatformCost, PlatformRow, SessionView } from "./types";
import { compareDecimal, monthNote } from "./compare";

export type Status = "loading" | "ready" | "error";

/** How long after the last change the recovery copy is written. */
export const AUTOSAVE_DELAY_MS = 1500;
export type Step = "workload" | "credits" | "scenarios" | "decide" | "results" | "platforms" | "export";
export type ThemeChoice = "system" | "light" | "dark";

export class SessionStore {
  status = $state<Status>("loading");
  // Replaced whole on every change, never mutated: no deep proxy needed.
  view = $state.raw<SessionView | null>(null);
  error = $state("");
  notice = $state("");
  fieldErrors = $state<Record<string, string>>({});
  step = $state<Step>("results");
  selected = $state("railway");
  scenario = $state<string | null>(null);
  ledger = $state.raw<LedgerView | null>(null);
  files = $state<FilesView>({ recent: [], recovery: false });
  charts = $state.raw<ChartView[]>([]);
  chartError = $state("");
  theme = $state<ThemeChoice>(storedTheme());
  systemDark = $state(prefersDark());
  chartTheme: ChartTheme = $derived(
    this.theme === "dark" || (this.theme === "system" && this.systemDark) ? "dark" : "light",
  );
  exporting = $state<ExportKind | null>(null);
  exported = $state<(ExportDone & { kind: ExportKind }) | null>(null);
  exportError = $state("");
  private autosaveTimer: ReturnType<typeof setTimeout> | null = null;

  data: Overview | null = $derived(this.view?.overview ?? null);
  hosting: PlatformRow[] = $derived(this.data?.comparison.platforms ?? []);
  managed: PlatformCost[] = $derived((this.data?.costs.platforms ?? []).filter((p) => p.kind === "managed"));
  selectedCost: PlatformCost | null = $derived(
    this.data?.costs.platforms.find((p) => p.platform === this.selected) ?? null,
  );
  cheapest: PlatformRow | null = $derived(cheapestRow(this.hosting));
  maxCost: string = $derived(
    this.hosting.reduce((m, p) => (compareDecimal(p.monthly_cost, m) > 0 ? p.monthly_cost : m), "0"),
  );
  monthNote: string = $derived(monthNote(this.hosting));

  async load(): Promise<void> {
    this.status = "loading";
    try {
      this.view = await api.sessionView();
      this.status = "ready";
      await this.refreshFiles();
      await this.refreshLedger();
    } catch (e) {
      this.error = errorMessage(e);
      this.status = "error";
    }
  }

  /** Runs a command that returns a new view (or none, when a dialog was
   *  cancelled); a refusal becomes a notice. */
  async run(command: Promise<SessionView | null>, clearFieldErrors = true): Promise<boolean> {
    try {
      const next = await command;
      if (next === null) return false;
      this.view = next;
      this.scheduleAutosave();
      this.notice = "";
      if (clearFieldErrors) this.fieldErrors = {};
      await this.refreshLedger();
      return true;
    } catch (e) {
      this.notice = errorMessage(e);
      return false;
    }
  }

  /** Sets a field; a refused value keeps its message beside the field. */
  async set(path: string, value: unknown): Promise<void> {
    try {
      this.view = await api.applyEdit({ op: "set", path, value });
      this.scheduleAutosave();
      if (path in this.fieldErrors) {
        const { [path]: _gone, ...rest } = this.fieldErrors;
        this.fieldErrors = rest;
      }
      this.notice = "";
      await this.refreshLedger();
    } catch (e) {
      this.fieldErrors = { ...this.fieldErrors, [path]: fieldMessage(e, path) };
    }
  }

  /** A structural edit (a row added or removed): messages beside fields
   *  no longer line up with their rows, so they go. */
  async edit(edit: Edit): Promise<boolean> {
    return this.run(api.applyEdit(edit), true);
  }

  openFile = async () => (await this.run(api.openFile())) && this.refreshFiles();
  openRecent = async (path: string) => (await this.run(api.openRecent(path))) && this.refreshFiles();
  save = async () => (await this.run(api.save(), false)) && this.refreshFiles();
  saveAs = async () => (await this.run(api.saveAs(), false)) && this.refreshFiles();
  restore = async () => {
    await this.run(api.restoreRecovery());
    await this.refreshFiles();
  };
  discard = async () => {
    await api.discardRecovery().catch(() => {});
    await this.refreshFiles();
  };

  async refreshFiles(): Promise<void> {
    this.files = await api.filesView().catch(() => ({ recent: [], recovery: false }));
  }

  /** A moment after the last change, keep this run's recovery copy of
   *  unsaved work in step. */
  private scheduleAutosave(): void {
    if (this.autosaveTimer !== null) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => {
      this.autosaveTimer = null;
      api.autosave().catch((e) => (this.notice = errorMessage(e)));
    }, AUTOSAVE_DELAY_MS);
  }

  /** Sets a choice; a refused one goes back to what the project holds. */
  async choose(path: string, el: HTMLSelectElement, current: string, value: unknown = el.value): Promise<void> {
    await this.set(path, value);
    if (path in this.fieldErrors) el.value = current;
  }

  undo = () => this.run(api.undo());
  redo = () => this.run(api.redo());
  newProject = () => this.run(api.newProject());
  openExample = () => this.run(api.openExample());
  addTemplate = (t: string) => this.run(api.addTemplate(t), true);
  close = () => api.requestClose().catch((e) => (this.notice = errorMessage(e)));

  select(platform: string): void {
    this.selected = platform;
  }

  async showScenario(id: string | null): Promise<void> {
    this.scenario = id;
    await this.refreshLedger();
  }

  /** The month-by-month table is fetched only while the Results step shows it. */
  async refreshLedger(): Promise<void> {
    const ids = this.data?.scenarios.scenarios.map((s) => s.id) ?? [];
    if (this.scenario === null || !ids.includes(this.scenario)) this.scenario = ids[0] ?? null;
    if (this.step !== "results") return;
    this.ledger = this.scenario === null ? null : await api.scenarioLedger(this.scenario).catch(() => null);
  }

  async go(step: Step): Promise<void> {
    this.step = step;
    await this.refreshLedger();
  }

  /** The charts are drawn by the core, for the theme on screen, while the
   *  Results step shows them. */
  async refreshCharts(): Promise<void> {
    if (this.step !== "results") return;
    try {
      this.charts = await api.charts(this.chartTheme);
      this.chartError = "";
    } catch (e) {
      this.chartError = errorMessage(e);
    }
  }

  /** Exports a file (a dialog asks where); the buttons wait meanwhile. */
  async exportFile(kind: ExportKind, paper: Paper, ledgers: boolean): Promise<void> {
    if (this.exporting !== null) return;
    this.exporting = kind;
    this.exportError = "";
    try {
      const done = await api.exportFile(kind, paper, ledgers);
      if (done !== null) this.exported = { ...done, kind };
    } catch (e) {
      this.exportError = errorMessage(e);
    } finally {
      this.exporting = null;
    }
  }

  openExport = () => api.openExport().catch((e) => (this.exportError = errorMessage(e)));
  showExport = () => api.showExport().catch((e) => (this.exportError = errorMessage(e)));
}

function storedTheme(): ThemeChoice {
  const t = typeof localStorage === "undefined" ? null : localStorage.getItem("theme");
  return t === "light" || t === "dark" ? t : "system";
}

function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

/** The message beside a field: the core's text without the field path it
 *  starts with (the field is right there). */
export function fieldMessage(e: unknown, path: string): string {
  const msg = errorMessage(e);
  const p = errorPath(e) ?? path;
  for (const prefix of [`${p}: `, `${p} `]) {
    if (msg.startsWith(prefix)) {
      const rest = msg.slice(prefix.length);
      return prefix.endsWith(": ") ? capitalize(rest) : `Must ${rest.replace(/^must /, "")}`;
    }
  }
  return msg;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function cheapestRow(rows: PlatformRow[]): PlatformRow | null {
  let best: PlatformRow | null = null;
  for (const r of rows) {
    if (r.not_hosted.length > 0) continue;
    if (best === null || compareDecimal(r.monthly_cost, best.monthly_cost) < 0) best = r;
  }
  return best;
}
