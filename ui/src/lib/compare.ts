import type { PlatformRow } from "./types";

/** Compares two decimal strings exactly (never through floats). */
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
