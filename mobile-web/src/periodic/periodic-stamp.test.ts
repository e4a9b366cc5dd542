import { describe, expect, it } from "vitest";
import { periodicStamp } from "./periodic-stamp.ts";

const wita = (local: string) => Date.parse(`${local}+08:00`);
const at = (local: string) => new Date(wita(local)).toISOString();

describe("periodicStamp", () => {
  const situations = [
    { kerawanan: "tinggi" as const, occurredAt: at("2026-11-22T23:50:00") }, // the week before
    { kerawanan: "sedang" as const, occurredAt: at("2026-11-23T00:05:00") },
    { kerawanan: "tinggi" as const, occurredAt: at("2026-11-29T23:30:00") },
    { kerawanan: "sangat_tinggi" as const, occurredAt: at("2026-11-30T00:10:00") }, // the week after
  ];

  it("stands a finished period at its last second, WITA, with its highest kerawanan", () => {
    expect(periodicStamp("weekly", "2026-W48", wita("2026-11-30T09:00:00"), situations)).toEqual({
      occurredAt: at("2026-11-29T23:59:59"),
      kerawanan: "tinggi",
    });
    expect(periodicStamp("monthly", "2026-11", wita("2026-12-02T09:00:00"), situations)).toEqual({
      occurredAt: at("2026-11-30T23:59:59"),
      kerawanan: "sangat_tinggi",
    });
  });

  it("stands a period still running at now, never in the future", () => {
    const now = wita("2026-11-29T14:00:00");
    expect(periodicStamp("daily", "2026-11-29", now, situations)).toEqual({ occurredAt: new Date(now).toISOString(), kerawanan: "tinggi" });
  });

  it("is rendah without situation reports, and takes the server draft's level into account", () => {
    const now = wita("2026-12-14T09:00:00");
    expect(periodicStamp("weekly", "2026-W50", now, situations).kerawanan).toBe("rendah");
    expect(periodicStamp("weekly", "2026-W50", now, situations, "sedang").kerawanan).toBe("sedang");
  });

  it("falls back to now for a period being typed", () => {
    const now = wita("2026-11-29T14:00:00");
    expect(periodicStamp("weekly", "2026-W4", now, situations)).toEqual({ occurredAt: new Date(now).toISOString(), kerawanan: "rendah" });
  });
});
