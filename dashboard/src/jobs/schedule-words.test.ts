import { describe, expect, it } from "vitest";
import { readCron, scheduleInWords } from "./schedule-words.ts";

describe("schedule in words", () => {
  it("says each job's schedule in Indonesian, with WITA clock times written 00.05", () => {
    expect(scheduleInWords("5 0 * * *", "id")).toBe("Setiap hari pukul 00.05 WITA");
    expect(scheduleInWords("10 0 * * 1", "id")).toBe("Setiap Senin pukul 00.10 WITA");
    expect(scheduleInWords("15 0 1 * *", "id")).toBe("Setiap tanggal 1 pukul 00.15 WITA");
    expect(scheduleInWords("30 0 1 1,4,7,10 *", "id")).toBe("Tanggal 1 Januari, April, Juli dan Oktober pukul 00.30 WITA");
    expect(scheduleInWords("*/10 * * * *", "id")).toBe("Setiap 10 menit");
  });

  it("says them in English too", () => {
    expect(scheduleInWords("5 0 * * *", "en")).toBe("Every day at 00:05 WITA");
    expect(scheduleInWords("10 0 * * 1", "en")).toBe("Every Monday at 00:10 WITA");
    expect(scheduleInWords("30 0 1 1,4,7,10 *", "en")).toBe("On day 1 of January, April, July and October at 00:30 WITA");
    expect(scheduleInWords("*/15 * * * *", "en")).toBe("Every 15 minutes");
  });

  it("reads cron's Sunday as 0 or 7 and lists several weekdays in week order", () => {
    expect(readCron("0 8 * * 5,0,3")).toEqual({ kind: "weekly", weekdays: [3, 5, 7], time: "08:00" });
    expect(scheduleInWords("0 8 * * 5,0,3", "id")).toBe("Setiap Rabu, Jumat dan Minggu pukul 08.00 WITA");
    expect(scheduleInWords("0 8 * * 0,1,2,3,4,5,6", "id")).toBe("Setiap hari pukul 08.00 WITA");
  });

  it("shows an expression it cannot read as it is rather than guess", () => {
    for (const odd of ["0 */2 * * *", "0 8 1-5 * *", "61 0 * * *", "5 0 * *", "0 8 * * 1-5"]) {
      expect(readCron(odd)).toBeNull();
      expect(scheduleInWords(odd, "id")).toBe(odd);
    }
  });
});
