import { describe, expect, it } from "vitest";
import { isMonth, monthLabel, previousMonth, tallyLabel } from "./month.ts";

describe("months of the summary", () => {
  it("steps back across a year end", () => {
    expect(previousMonth("2026-11")).toBe("2026-10");
    expect(previousMonth("2027-01")).toBe("2026-12");
  });

  it("names a month in the reader's language, and takes only real months", () => {
    expect(monthLabel("2026-11", "id-ID")).toBe("November 2026");
    expect(monthLabel("2026-08", "id-ID")).toBe("Agustus 2026");
    expect(monthLabel("2026-08", "en-GB")).toBe("August 2026");
    expect([isMonth("2026-11"), isMonth("2026-13"), isMonth("2026-1"), isMonth(null)]).toEqual([true, false, false, false]);
  });

  it("makes statistik keys readable", () => {
    expect(tallyLabel("unjuk_rasa")).toBe("Unjuk rasa");
    expect(tallyLabel("konflik-sosial")).toBe("Konflik sosial");
  });
});
