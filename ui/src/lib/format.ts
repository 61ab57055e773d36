// Formatting of the decimal strings the core sends. Amounts are never
// turned into floats: Intl.NumberFormat formats decimal strings exactly.

import type { Decimal } from "./types";

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Used when the system names no locale Intl accepts. */
export const FALLBACK_LOCALE = "en-US";

/** The user's locale if Intl accepts it. Under a POSIX "C" locale WebKit
 *  reports `navigator.language` as "C", which Intl rejects: fall back to
 *  US English rather than fail to show any amount. */
export function safeLocale(lang: string | undefined): string {
  if (!lang) return FALLBACK_LOCALE;
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

function locale(): string {
  return safeLocale(typeof navigator !== "undefined" ? navigator.language : undefined);
}

/** "$1,234.50" in the user's locale; "—" for anything that is not a decimal. */
export function formatUsd(amount: Decimal, lang: string | undefined = locale()): string {
  if (!DECIMAL.test(amount)) return "—";
  const fmt = new Intl.NumberFormat(safeLocale(lang), {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: "auto",
  });
  // A decimal string keeps every digit; a number would not.
  return fmt.format(amount as unknown as number);
}

/** A unit price: as many decimals as it has, at least two ("$0.000463"). */
export function formatUnitPrice(price: Decimal, lang: string | undefined = locale()): string {
  if (!DECIMAL.test(price)) return "—";
  const decimals = price.includes(".") ? (price.split(".")[1] ?? "").length : 0;
  const fmt = new Intl.NumberFormat(safeLocale(lang), {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: Math.max(2, decimals),
    maximumFractionDigits: Math.max(2, decimals),
  });
  return fmt.format(price as unknown as number);
}

/** A quantity with grouping and no trailing zeros ("43,200", "0.5"). */
export function formatQuantity(q: Decimal, lang: string | undefined = locale()): string {
  if (!DECIMAL.test(q)) return "—";
  const decimals = q.includes(".") ? (q.split(".")[1] ?? "").replace(/0+$/, "").length : 0;
  const fmt = new Intl.NumberFormat(safeLocale(lang), { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
  return fmt.format(q as unknown as number);
}

/** The width of a cost bar, as a share of the largest, 0 to 100. For
 *  drawing only: the figure shown beside it is the core's string. */
export function barPercent(amount: Decimal, max: Decimal): number {
  const a = Number(amount);
  const m = Number(max);
  if (!Number.isFinite(a) || !Number.isFinite(m) || m <= 0 || a <= 0) return 0;
  return Math.min(100, Math.max(1, Math.round((a / m) * 100)));
}

/** "Active 168 h a week" → "always on"; "50" → "50 h/week". */
export function scheduleLabel(hours: Decimal): string {
  return Number(hours) >= 168 ? "always on" : `${formatQuantity(hours)} h/week`;
}

/** The DevOps effort as the seed writes it. */
export function effortLabel(e: "none" | "low" | "medium" | "high"): string {
  return { none: "None", low: "Low", medium: "Medium", high: "High" }[e];
}

/** "Month 19: Temporal Cloud startup credits end, cash burn rises by $51.02". */
export function cliffSentence(c: { month: number; name: string; step_up: Decimal }, lang?: string): string {
  return `Month ${c.month}: ${c.name} end, cash burn rises by ${formatUsd(c.step_up, lang)}`;
}
