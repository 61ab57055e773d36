import { describe, expect, it } from "vitest";
import { barPercent, cliffSentence, formatQuantity, formatUnitPrice, formatUsd, safeLocale, scheduleLabel } from "../src/lib/format";

describe("formatUsd", () => {
  it("formats the core's decimal strings in the locale's currency format", () => {
    expect(formatUsd("214.79", "en-US")).toBe("$214.79");
    expect(formatUsd("1025.00", "en-US")).toBe("$1,025.00");
    expect(formatUsd("-5.00", "en-US")).toBe("-$5.00");
    expect(formatUsd("1234.5", "de-DE")).toBe("1.234,50\u00a0$");
  });

  it("keeps every digit of large amounts (no float rounding)", () => {
    expect(formatUsd("12345678901234567.89", "en-US")).toBe("$12,345,678,901,234,567.89");
  });

  it("shows a dash, never NaN, for anything that is not a decimal", () => {
    expect(formatUsd("", "en-US")).toBe("—");
    expect(formatUsd("NaN", "en-US")).toBe("—");
    expect(formatUsd("1e5", "en-US")).toBe("—");
  });

  it("survives a POSIX C locale, which Intl rejects", () => {
    expect(safeLocale("C")).toBe("en-US");
    expect(safeLocale(undefined)).toBe("en-US");
    expect(safeLocale("en-GB")).toBe("en-GB");
    expect(formatUsd("1214.79", "C")).toBe("$1,214.79");
  });
});

describe("other formats", () => {
  it("shows unit prices with all their decimals", () => {
    expect(formatUnitPrice("0.000463", "en-US")).toBe("$0.000463");
    expect(formatUnitPrice("25", "en-US")).toBe("$25.00");
  });

  it("groups quantities and drops trailing zeros", () => {
    expect(formatQuantity("43200", "en-US")).toBe("43,200");
    expect(formatQuantity("0.50", "en-US")).toBe("0.5");
  });

  it("labels sleep schedules", () => {
    expect(scheduleLabel("168")).toBe("always on");
    expect(scheduleLabel("50")).toMatch(/^50 h\/week$/);
  });

  it("scales cost bars to the largest, for drawing only", () => {
    expect(barPercent("500", "1000")).toBe(50);
    expect(barPercent("0", "1000")).toBe(0);
    expect(barPercent("1", "0")).toBe(0);
    expect(barPercent("1", "1000")).toBe(1);
  });
});

describe("cliffSentence", () => {
  it("says when a credit ends and by how much cash burn rises", () => {
    expect(cliffSentence({ month: 19, name: "Temporal Cloud startup credits", step_up: "51.02" }, "en-US")).toBe(
      "Month 19: Temporal Cloud startup credits end, cash burn rises by $51.02",
    );
  });
});
