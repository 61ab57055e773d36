import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { OverviewStore, compareDecimal, monthNote } from "../src/lib/overview.svelte";
import type { Overview, PlatformCost, PlatformRow } from "../src/lib/types";

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
};

afterEach(() => clearMocks());

describe("OverviewStore", () => {
  it("loads the example through the example_overview command", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return overview;
    });
    const store = new OverviewStore();
    expect(store.status).toBe("loading");
    await store.load();
    expect(calls).toEqual(["example_overview"]);
    expect(store.status).toBe("ready");
    expect(store.hosting.map((p) => p.id)).toEqual(["railway", "render", "heroku", "cheap"]);
    expect(store.managed.map((p) => p.platform)).toEqual(["supabase"]);
    expect(store.selectedCost?.total).toBe("212.29");
    // The cheapest platform that hosts everything; "cheap" leaves items out.
    expect(store.cheapest?.id).toBe("render");
    expect(store.maxCost).toBe("1025.00");
    store.select("supabase");
    expect(store.selectedCost?.platform).toBe("supabase");
  });

  it("shows the command's message when loading fails", async () => {
    mockIPC(() => {
      throw { kind: "input", message: "workload.services[0].vcpu must be between 0.05 and 64 vCPU (you entered -1)" };
    });
    const store = new OverviewStore();
    await store.load();
    expect(store.status).toBe("error");
    expect(store.error).toBe("workload.services[0].vcpu must be between 0.05 and 64 vCPU (you entered -1)");
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
