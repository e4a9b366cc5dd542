import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@contract/users.ts";
import { interpolate } from "@kit/i18n.ts";
import { en } from "../i18n/en.ts";
import { id } from "../i18n/id.ts";
import { auditSentence, type Translate } from "./audit-sentence.ts";

const tid: Translate = (key, params) => interpolate(id[key], params);
const ten: Translate = (key, params) => interpolate(en[key], params);
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: "2026-11-29T06:03:00Z",
  action: "report.status_changed",
  actorId: "u1",
  actorUsername: "siti",
  actorName: "Siti",
  targetType: "report",
  targetId: "5b0c7d5e-0000-4000-8000-000000000001",
  targetLabel: "LI-2026-00012 · Unjuk rasa di depan kantor camat",
  ip: "10.0.0.1",
  details: { from: "submitted", to: "verified", version: 1 },
  ...over,
});
const AT = "29 Nov 2026 14.03 WITA";

describe("audit entries as sentences", () => {
  it("words a decision by what it decided, with names and the report's number and perihal", () => {
    expect(auditSentence(entry({}), tid, AT)).toBe("Siti memverifikasi laporan LI-2026-00012 'Unjuk rasa di depan kantor camat' — 29 Nov 2026 14.03 WITA");
    expect(auditSentence(entry({ details: { to: "rejected", note: "Foto kabur" } }), tid, AT)).toBe(
      "Siti menolak laporan LI-2026-00012 'Unjuk rasa di depan kantor camat' (catatan: Foto kabur) — 29 Nov 2026 14.03 WITA",
    );
    expect(auditSentence(entry({}), ten, AT)).toBe("Siti verified report LI-2026-00012 'Unjuk rasa di depan kantor camat' — 29 Nov 2026 14.03 WITA");
  });

  it("names users, incidents and the system, never an id", () => {
    expect(auditSentence(entry({ action: "user.disabled", targetType: "user", targetLabel: "Budi Santoso (budi)", details: {} }), tid, AT)).toBe(
      "Siti menonaktifkan pengguna Budi Santoso (budi) — 29 Nov 2026 14.03 WITA",
    );
    expect(auditSentence(entry({ action: "incident.created", targetType: "incident", targetLabel: "INS-2026-00003 · Bentrok warga", details: {} }), tid, AT)).toBe(
      "Siti membuat insiden INS-2026-00003 'Bentrok warga' — 29 Nov 2026 14.03 WITA",
    );
    expect(auditSentence(entry({ action: "login.failure", actorId: null, actorName: null, actorUsername: null, targetType: null, targetLabel: null, details: { username: "x" } }), tid, AT)).toBe(
      "x gagal masuk — 29 Nov 2026 14.03 WITA",
    );
  });

  it("still says something readable for an action it does not know", () => {
    expect(auditSentence(entry({ action: "report.published", details: {} }), tid, AT)).toBe(
      "Siti melakukan report.published pada LI-2026-00012 'Unjuk rasa di depan kantor camat' — 29 Nov 2026 14.03 WITA",
    );
  });
});
