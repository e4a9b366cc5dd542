import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@contract/users.ts";
import { interpolate } from "@kit/i18n.ts";
import { en as appEn } from "../i18n/en.ts";
import { id as appId } from "../i18n/id.ts";
import { auditSentence, type Translate } from "./audit-sentence.ts";
import { en, id, type AuditAreaText } from "./messages.ts";

const tid: Translate = (key, params) => interpolate(appId[key], params);
const ten: Translate = (key, params) => interpolate(appEn[key], params);
const xid: AuditAreaText = (key, params) => interpolate(id[key], params);
const xen: AuditAreaText = (key, params) => interpolate(en[key], params);
const AT = "29 Nov 2026 14.03 WITA";
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: "2026-11-29T06:03:00Z",
  action: "job.run",
  actorId: "u1",
  actorUsername: "admin",
  actorName: "Admin Kesbangpol",
  targetType: null,
  targetId: null,
  targetLabel: null,
  ip: "10.0.0.1",
  details: {},
  ...over,
});
const budi = { targetType: "user", targetId: "5b0c7d5e-0000-4000-8000-000000000002", targetLabel: "Budi Santoso (budi)" };

describe("audit entries of jobs and duties as sentences", () => {
  it("names the job and its period of a run an admin started", () => {
    const run = entry({ targetType: "job", targetId: "42", details: { job: "rollup-daily", period: "2026-11-27", trigger: "manual" } });
    expect(auditSentence(run, tid, AT, xid)).toBe("Admin Kesbangpol menjalankan tugas terjadwal rollup-daily 2026-11-27 — 29 Nov 2026 14.03 WITA");
    expect(auditSentence(run, ten, AT, xen)).toBe("Admin Kesbangpol ran the scheduled job rollup-daily 2026-11-27 — 29 Nov 2026 14.03 WITA");
  });

  it("words deadlines, holidays, start days and leave with names and days, never ids", () => {
    const settings = entry({ action: "duty.settings_changed", targetType: "duty_settings", targetId: "settings" });
    expect(auditSentence(settings, tid, AT, xid)).toBe("Admin Kesbangpol mengubah pengaturan tenggat laporan berkala — 29 Nov 2026 14.03 WITA");
    const holiday = entry({ action: "holiday.added", targetType: "holiday", targetId: "2026-12-25", details: { day: "2026-12-25", name: "Natal" } });
    expect(auditSentence(holiday, tid, AT, xid)).toBe("Admin Kesbangpol menambah hari libur Natal (2026-12-25) — 29 Nov 2026 14.03 WITA");
    expect(auditSentence({ ...holiday, action: "holiday.removed" }, ten, AT, xen)).toBe("Admin Kesbangpol removed the holiday Natal (2026-12-25) — 29 Nov 2026 14.03 WITA");
    const start = entry({ action: "duty.officer_start_changed", ...budi, details: { from: "2026-11-02", to: "2026-11-01", setByAdmin: true } });
    expect(auditSentence(start, tid, AT, xid)).toBe("Admin Kesbangpol mengubah awal kewajiban lapor Budi Santoso (budi) menjadi 2026-11-01 — 29 Nov 2026 14.03 WITA");
    const leave = entry({ action: "leave.added", ...budi, details: { leaveId: "x", firstDay: "2026-12-01", lastDay: "2026-12-03", reason: "Cuti" } });
    expect(auditSentence(leave, tid, AT, xid)).toBe("Admin Kesbangpol mencatat cuti Budi Santoso (budi), 2026-12-01 s.d. 2026-12-03 — 29 Nov 2026 14.03 WITA");
    expect(auditSentence({ ...leave, action: "leave.removed" }, ten, AT, xen)).toBe(
      "Admin Kesbangpol removed the leave of Budi Santoso (budi), 2026-12-01 to 2026-12-03 — 29 Nov 2026 14.03 WITA",
    );
  });
});
