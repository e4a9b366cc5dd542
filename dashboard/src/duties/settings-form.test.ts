import { describe, expect, it } from "vitest";
import { DEFAULT_DUTY_SETTINGS, type DutySettings } from "@contract/duties.ts";
import { checkSettings, errorAt, numberOf, toggleWeekday, weekdayName } from "./settings-form.ts";

const settings = (patch: (s: DutySettings) => DutySettings) => patch(structuredClone(DEFAULT_DUTY_SETTINGS));

describe("the duty settings form", () => {
  it("passes the defaults as they are", () => {
    expect(checkSettings(DEFAULT_DUTY_SETTINGS)).toBeNull();
  });

  it("names each problem by the server's field path, with the same stable codes", () => {
    const bad = checkSettings(
      settings((s) => ({
        ...s,
        daily: { ...s.daily, time: "", weekdays: [] },
        monthly: { ...s.monthly, day: 31 },
        reminderLeadMinutes: numberOf(""),
      })),
    );
    expect(bad?.code).toBe("invalid_input");
    expect(Object.keys(bad!.fields).sort()).toEqual(["daily.time", "daily.weekdays", "monthly.day", "reminderLeadMinutes"]);
    expect(bad!.fieldIssues["monthly.day"]).toEqual({ code: "too_big", limit: 28 });
    expect(bad!.fieldIssues["daily.weekdays"]).toEqual({ code: "too_small", limit: 1 });
    expect(bad!.fieldIssues["reminderLeadMinutes"]?.code).toBe("not_number");
  });

  it("refuses a fractional day of the month and a reminder longer than a day", () => {
    const bad = checkSettings(settings((s) => ({ ...s, monthly: { ...s.monthly, day: numberOf("2.5") }, reminderLeadMinutes: 1441 })));
    expect(bad!.fieldIssues["monthly.day"]?.code).toBe("not_integer");
    expect(bad!.fieldIssues["reminderLeadMinutes"]).toEqual({ code: "too_big", limit: 1440 });
  });

  it("finds a field's error also when it sits on an item inside it", () => {
    expect(errorAt({ "daily.weekdays.2": "bad" }, "daily.weekdays")).toBe("bad");
    expect(errorAt({ "daily.time": "bad" }, "daily")).toBe("bad");
    expect(errorAt({ "daily.timezone": "x" }, "daily.time")).toBeUndefined();
  });

  it("switches weekdays on and off in week order, each once", () => {
    expect(toggleWeekday([1, 5], 3, true)).toEqual([1, 3, 5]);
    expect(toggleWeekday([1, 3, 5], 3, true)).toEqual([1, 3, 5]);
    expect(toggleWeekday([1, 3, 5], 1, false)).toEqual([3, 5]);
  });

  it("names weekdays Monday first in the user's language", () => {
    expect([1, 7].map((d) => weekdayName(d, "id-ID"))).toEqual(["Senin", "Minggu"]);
    expect(weekdayName(3, "en-GB")).toBe("Wednesday");
  });
});
