import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { compareDecimal, monthNote } from "../src/lib/compare";
import { SessionStore, fieldMessage } from "../src/lib/session.svelte";
import type { Overview, PlatformCost, PlatformRow, SessionView } from "../src/lib/types";

function row(id: string, cost: string, notHosted = 0): PlatformRow {
  return {
    id,
    name: id,
    catalog: `${id}-cat`,
    catalog_as_of: "2026-08-07",
    billing_month: { id: "30d", label: "30-day month (720 h)" },
    monthly_cost: cost,
    setup_time: "1 hour",
    setup_hours: "1",
    devops_effort: "low",
    devops_hours_per_month: "2",
    regions: [],
    gpus: false,
    kubernetes: false,
    websockets: true,
    built_in_monitoring: true,
    not_hosted: Array.from({ length: notHosted }, (_, i) => ({ item: `x${i}`, reason: "no" })),
  };
}

function cost(platform: string, kind: "hosting" | "managed", total: string): PlatformCost {
  return {
    platform,
    platform_name: platform,
    kind,
    catalog: `${platform}-cat`,
    catalog_as_of: "2026-08-07",
    plan: null,
    billing_month: { id: "730h", label: "730-hour month" },
    items: [],
    total,
    item_totals: [],
    not_hosted: [],
    sources: {},
  };
}

const overview: Overview = {
  scenarios: { horizon_months: 36, cash_in_bank: "8000.00", scenarios: [] },
  project: {
    format_version: 1,
    name: "QLP platform",
    billing_month: "platform",
    workload: { services: [], databases: [], egress_gb: "50", volume_gb: "0" },
  },
  comparison: {
    scope: "services",
    platforms: [row("railway", "212.29"), row("render", "201.00"), row("heroku", "1025.00"), row("cheap", "1.00", 1)],
  },
  costs: {
    project: "QLP platform",
    platforms: [cost("railway", "hosting", "212.29"), cost("supabase", "managed", "25.00")],
  },
  decision: {
    questions: [],
    answers: {
      deploy_within_days: null,
      websockets: false,
      gpus: false,
      kubernetes: false,
      regions: [],
      budget: null,
      budget_ceiling: null,
      devops_experience: "some",
      engineer_hourly_rate: "100",
      weights: {},
    },
    horizon_months: 36,
    platforms: [],
    scenarios: [],
    break_even: [],
    recommendation: { platform: null, platform_reasons: [], scenario: null, scenario_reasons: [], would_change: [] },
  }
};

function view(o: Overview, title = "qlp.json — Infra Runway"): SessionView {
  return { title, file_name: "qlp.json", dirty: false, is_example: false, can_undo: false, can_redo: false, overview: o };
}

afterEach(() => clearMocks());

describe("SessionStore", () => {
  it("loads the session and derives what the window shows", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return cmd === "files_view" ? { recent: [["qlp.json", "/home/f/qlp.json"]], recovery: true } : view(overview);
    });
    const store = new SessionStore();
    expect(store.status).toBe("loading");
    await store.load();
    expect(calls).toEqual(["session_view", "files_view"]);
    expect(store.files.recovery).toBe(true);
    expect(store.files.recent[0]?.[0]).toBe("qlp.json");
    expect(store.status).toBe("ready");
    expect(store.hosting.map((p: PlatformRow) => p.id)).toEqual(["railway", "render", "heroku", "cheap"]);
    expect(store.managed.map((p: PlatformCost) => p.platform)).toEqual(["supabase"]);
    expect(store.selectedCost?.total).toBe("212.29");
    // The cheapest platform that hosts everything; "cheap" leaves items out.
    expect(store.cheapest?.id).toBe("render");
    expect(store.maxCost).toBe("1025.00");
    store.select("supabase");
    expect(store.selectedCost?.platform).toBe("supabase");
  });

  it("keeps a refused value's message beside its field and changes nothing", async () => {
    mockIPC((cmd, args) => {
      if (cmd === "apply_edit") {
        const edit = (args as { edit: { path: string; value: string } }).edit;
        if (edit.value === "-2") {
          throw {
            kind: "input",
            path: edit.path,
            message: `${edit.path} must be between 0.125 and 256 GB (you entered -2)`,
          };
        }
        return view(overview, "qlp.json • — Infra Runway");
      }
      return view(overview);
    });
    const store = new SessionStore();
    await store.load();
    const before = store.view;
    await store.set("workload.services[0].memory_gb", "-2");
    expect(store.fieldErrors["workload.services[0].memory_gb"]).toBe(
      "Must be between 0.125 and 256 GB (you entered -2)",
    );
    expect(store.view).toBe(before);
    await store.set("workload.services[0].memory_gb", "2");
    expect(store.fieldErrors["workload.services[0].memory_gb"]).toBeUndefined();
    expect(store.view?.title).toBe("qlp.json • — Infra Runway");
  });

  it("sends undo and redo to the shell", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return cmd === "files_view" ? { recent: [], recovery: false } : view(overview);
    });
    const store = new SessionStore();
    await store.load();
    await store.undo();
    await store.redo();
    expect(calls.filter((c) => c !== "files_view")).toEqual(["session_view", "undo", "redo"]);
  });

  it("shows the command's message when loading fails", async () => {
    mockIPC(() => {
      throw { kind: "input", message: "format_version 3 was written by a newer version of Infra Runway" };
    });
    const store = new SessionStore();
    await store.load();
    expect(store.status).toBe("error");
    expect(store.error).toBe("format_version 3 was written by a newer version of Infra Runway");
  });
});

describe("saving", () => {
  it("keeps the view when the save dialog is cancelled, and takes the saved one otherwise", async () => {
    let answer: SessionView | null = null;
    mockIPC((cmd) => {
      if (cmd === "files_view") return { recent: [], recovery: false };
      if (cmd === "save_as") return answer;
      return view(overview, "QLP platform (example) • — Infra Runway");
    });
    const store = new SessionStore();
    await store.load();
    await store.saveAs();
    expect(store.view?.title).toBe("QLP platform (example) • — Infra Runway");
    answer = view(overview, "plan.json — Infra Runway");
    await store.saveAs();
    expect(store.view?.title).toBe("plan.json — Infra Runway");
  });
});

describe("fieldMessage", () => {
  it("drops the field path the message starts with", () => {
    const e = { kind: "input", path: "credits[0].amount", message: "credits[0].amount: must be in whole cents (you entered 1.001)" };
    expect(fieldMessage(e, "credits[0].amount")).toBe("Must be in whole cents (you entered 1.001)");
  });
});

describe("compareDecimal", () => {
  it("orders decimal strings exactly", () => {
    expect(compareDecimal("201.00", "212.29")).toBe(-1);
    expect(compareDecimal("1025.00", "212.29")).toBe(1);
    expect(compareDecimal("5", "5.00")).toBe(0);
    expect(compareDecimal("-5", "1")).toBe(-1);
    expect(compareDecimal("-5", "-1")).toBe(-1);
    expect(compareDecimal("0.10", "0.1")).toBe(0);
  });
});

describe("monthNote", () => {
  it("says which month each figure uses", () => {
    const railway = row("Railway", "1");
    const render = { ...row("Render", "1"), billing_month: { id: "730h" as const, label: "730-hour month" } };
    const heroku = { ...row("Heroku", "1"), billing_month: { id: "730h" as const, label: "730-hour month" } };
    expect(monthNote([railway, render, heroku])).toBe("Railway: 30-day month (720 h). Render, Heroku: 730-hour month.");
    expect(monthNote([render, heroku])).toBe("All figures are for a 730-hour month.");
    expect(monthNote([])).toBe("");
  });
});

describe("exporting", () => {
  it("passes the choices to the shell, then shows what was written", async () => {
    const calls: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "export") {
        calls.push(args);
        return { name: "qlp.pdf", path: "/home/f/qlp.pdf", files: 1, bytes: 133_000 };
      }
      return null;
    });
    const store = new SessionStore();
    const pending = store.exportFile("pdf", "letter", false);
    expect(store.exporting).toBe("pdf");
    // A second click while the first export runs does nothing.
    await store.exportFile("xlsx", "a4", true);
    await pending;
    expect(calls).toEqual([{ kind: "pdf", paper: "letter", ledgers: false }]);
    expect(store.exporting).toBeNull();
    expect(store.exported).toEqual({ name: "qlp.pdf", path: "/home/f/qlp.pdf", files: 1, bytes: 133_000, kind: "pdf" });
  });

  it("keeps the last export when the dialog is cancelled, and shows a failure's message", async () => {
    mockIPC((cmd, args) => {
      const kind = (args as { kind: string }).kind;
      if (cmd !== "export") return null;
      if (kind === "csv") return null;
      if (kind === "xlsx") throw { kind: "file", message: "/ro/x.xlsx: could not be written (permission denied)", path: null };
      return { name: "a.pdf", path: "/a.pdf", files: 1, bytes: 10 };
    });
    const store = new SessionStore();
    await store.exportFile("pdf", "a4", true);
    await store.exportFile("csv", "a4", true);
    expect(store.exported?.name).toBe("a.pdf");
    await store.exportFile("xlsx", "a4", true);
    expect(store.exportError).toBe("/ro/x.xlsx: could not be written (permission denied)");
    expect(store.exporting).toBeNull();
  });

  it("draws the charts for the theme on screen", async () => {
    const themes: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "charts") {
        themes.push((args as { theme: string }).theme);
        return [];
      }
      return null;
    });
    const store = new SessionStore();
    store.step = "results";
    store.theme = "dark";
    await store.refreshCharts();
    store.theme = "light";
    await store.refreshCharts();
    expect(themes).toEqual(["dark", "light"]);
  });
});
