import { afterEach, describe, expect, it } from "vitest";
import type { NotificationView } from "@contract/notifications.ts";
import { setLang } from "../i18n/i18n.ts";
import { notificationWords } from "./notification-words.ts";

const base = { id: "1", link: "/laporan/x", createdAt: "2026-11-30T03:00:00.000Z", readAt: null };
const published: NotificationView = {
  ...base,
  kind: "report_published",
  title: "Laporan baru di Paringin: Aruh adat",
  body: "Sosial budaya · Paran, Paringin · 2026-11-29. Berlangsung aman.",
  params: { kind: "report_published", kecamatan: "Paringin", title: "Aruh adat", bidang: "sosial-budaya", place: "Paran, Paringin", day: "2026-11-29", summary: "Berlangsung aman." },
};

afterEach(() => setLang("id"));

describe("a notification's words", () => {
  it("are the stored Indonesian ones in Indonesian", async () => {
    await setLang("id");
    expect(notificationWords(published)).toEqual({ title: published.title, body: published.body });
  });

  it("are made from its facts in English, for each kind", async () => {
    await setLang("en");
    expect(notificationWords(published)).toEqual({ title: "New report in Paringin: Aruh adat", body: "Social and cultural · Paran, Paringin · 2026-11-29. Berlangsung aman." });
    const decided: NotificationView = {
      ...base,
      kind: "report_decided",
      title: "Laporan LI-1 perlu diperbaiki",
      body: "Rapat warga. Catatan: Lengkapi waktu",
      params: { kind: "report_decided", number: "LI-1", status: "revision_requested", perihal: "Rapat warga", note: "Lengkapi waktu" },
    };
    expect(notificationWords(decided)).toEqual({ title: "Report LI-1 needs revision", body: "Rapat warga. Note: Lengkapi waktu" });
    const received: NotificationView = {
      ...base,
      kind: "report_received",
      title: "Laporan masuk LI-2 · Juai",
      body: "Bentrok (kerawanan sangat_tinggi)",
      params: { kind: "report_received", number: "LI-2", kecamatan: "Juai", perihal: "Bentrok", kerawanan: "sangat_tinggi" },
    };
    expect(notificationWords(received)).toEqual({ title: "New report LI-2 · Juai", body: "Bentrok (risk level very high)" });
  });

  it("are the stored ones in English too when the notification predates its facts", async () => {
    await setLang("en");
    expect(notificationWords({ ...published, params: null })).toEqual({ title: published.title, body: published.body });
  });
});
