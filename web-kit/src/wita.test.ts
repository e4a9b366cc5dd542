import { describe, expect, it } from "vitest";
import { formatDayKey, formatWita, fromWitaLocalInput, toWitaLocalInput, witaDate, witaIsoWeek, witaMonth } from "./wita.ts";

const at = (iso: string) => Date.parse(iso);

describe("WITA calendar", () => {
  it("starts the WITA day at 16:00 UTC the day before", () => {
    expect(witaDate(at("2026-03-01T15:59:59Z"))).toBe("2026-03-01");
    expect(witaDate(at("2026-03-01T16:00:00Z"))).toBe("2026-03-02");
  });

  it("gives the month in WITA", () => {
    expect(witaMonth(at("2026-03-31T16:30:00Z"))).toBe("2026-04");
  });

  it("gives ISO weeks, including the ones that belong to a neighbouring year", () => {
    expect(witaIsoWeek(at("2026-03-02T08:00:00+08:00"))).toBe("2026-W10"); // a Monday
    expect(witaIsoWeek(at("2026-03-08T23:00:00+08:00"))).toBe("2026-W10"); // its Sunday
    expect(witaIsoWeek(at("2027-01-01T10:00:00+08:00"))).toBe("2026-W53"); // 2026 has 53 weeks
    expect(witaIsoWeek(at("2024-12-30T10:00:00+08:00"))).toBe("2025-W01");
    expect(witaIsoWeek(at("2026-11-23T00:30:00+08:00"))).toBe("2026-W48");
  });

  it("round-trips datetime-local values as WITA wall time", () => {
    const ms = at("2026-03-02T06:05:00Z");
    expect(toWitaLocalInput(ms)).toBe("2026-03-02T14:05");
    expect(fromWitaLocalInput("2026-03-02T14:05")).toBe("2026-03-02T06:05:00.000Z");
    expect(fromWitaLocalInput("")).toBeNull();
    expect(fromWitaLocalInput("kemarin")).toBeNull();
  });

  it("formats times as WITA, with the date when not today", () => {
    const now = at("2026-03-02T10:00:00+08:00");
    expect(formatWita(at("2026-03-02T14:05:00+08:00"), "id-ID", now)).toBe("14.05 WITA");
    expect(formatWita(at("2026-03-01T09:30:00+08:00"), "id-ID", now)).toMatch(/^1 Mar.* 09\.30 WITA$/);
  });

  it("words a kept day as that WITA day in any viewer's zone, short or long", () => {
    expect(formatDayKey("2026-11-30", "id-ID")).toBe("Senin, 30 November 2026");
    expect(formatDayKey("2026-11-30", "en-GB")).toMatch(/^Monday,? 30 November 2026$/); // the comma varies by ICU version
    expect(formatDayKey("2026-03-01", "id-ID", true)).toBe("1 Mar 2026");
    expect(formatDayKey("2026-03-01", "en-GB", true)).toBe("1 Mar 2026");
    expect(formatDayKey("kemarin", "id-ID")).toBe("kemarin");
  });
});
