// The state of the first screen: the example's overview, which platform's
// itemized cost is open, and what went wrong if loading failed.

import { errorMessage, loadExampleOverview } from "./api";
import type { Overview, PlatformCost, PlatformRow } from "./types";

export type Status = "loading" | "ready" | "error";

export class OverviewStore {
  status = $state<Status>("loading");
  data = $state<Overview | null>(null);
  error = $state("");
  selected = $state("railway");

  /** Hosting platforms, in the core's order. */
  hosting: PlatformRow[] = $derived(this.data?.comparison.platforms ?? []);

  /** Managed services' costs (Supabase, Temporal Cloud, ...). */
  managed: PlatformCost[] = $derived(
    (this.data?.costs.platforms ?? []).filter((p) => p.kind === "managed"),
  );

  /** The itemized cost of the selected platform. */
  selectedCost: PlatformCost | null = $derived(
    this.data?.costs.platforms.find((p) => p.platform === this.selected) ?? null,
  );

  /** The hosting platform that runs everything for the least money,
   *  picked by comparing the core's decimal strings exactly. */
  cheapest: PlatformRow | null = $derived(cheapestRow(this.hosting));

  /** The largest hosting cost, for scaling bars. */
  maxCost: string = $derived(
    this.hosting.reduce((m, p) => (compareDecimal(p.monthly_cost, m) > 0 ? p.monthly_cost : m), "0"),
  );

  /** Which month length each hosting figure uses, in a sentence. */
  monthNote: string = $derived(monthNote(this.hosting));

  async load(): Promise<void> {
    this.status = "loading";
    try {
      this.data = await loadExampleOverview();
      this.status = "ready";
    } catch (e) {
      this.error = errorMessage(e);
      this.status = "error";
    }
  }

  select(platform: string): void {
    this.selected = platform;
  }
}

/** Compares two non-negative or negative decimal strings exactly. */
export function compareDecimal(a: string, b: string): number {
  const neg = (s: string) => s.startsWith("-");
  if (neg(a) !== neg(b)) return neg(a) ? -1 : 1;
  const sign = neg(a) ? -1 : 1;
  const [ai = "0", af = ""] = a.replace("-", "").split(".");
  const [bi = "0", bf = ""] = b.replace("-", "").split(".");
  const ain = ai.replace(/^0+(?=\d)/, "");
  const bin = bi.replace(/^0+(?=\d)/, "");
  if (ain.length !== bin.length) return sign * (ain.length > bin.length ? 1 : -1);
  if (ain !== bin) return sign * (ain > bin ? 1 : -1);
  const len = Math.max(af.length, bf.length);
  const afp = af.padEnd(len, "0");
  const bfp = bf.padEnd(len, "0");
  if (afp === bfp) return 0;
  return sign * (afp > bfp ? 1 : -1);
}

function cheapestRow(rows: PlatformRow[]): PlatformRow | null {
  let best: PlatformRow | null = null;
  for (const r of rows) {
    if (r.not_hosted.length > 0) continue;
    if (best === null || compareDecimal(r.monthly_cost, best.monthly_cost) < 0) best = r;
  }
  return best;
}

/** "All figures are for a 730-hour month." or, when they differ,
 *  "Railway: 30-day month (720 h). Render, Heroku: 730-hour month." */
export function monthNote(rows: PlatformRow[]): string {
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    const names = groups.get(r.billing_month.label) ?? [];
    names.push(r.name);
    groups.set(r.billing_month.label, names);
  }
  if (groups.size === 0) return "";
  if (groups.size === 1) return `All figures are for a ${[...groups.keys()][0]}.`;
  return [...groups.entries()].map(([label, names]) => `${names.join(", ")}: ${label}.`).join(" ");
}
