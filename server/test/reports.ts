import { randomUUID } from "node:crypto";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { ReportView, SubmitReportRaw } from "@contract/reports.ts";
import type { Actor } from "../auth/permissions.ts";
import type { TestAccount } from "./accounts.ts";

/** Points inside known kecamatan (checked against the seed boundaries in the regions tests). */
export const POINTS = {
  paringin: { lat: -2.3217, lng: 115.4584 },
  /** Label point of Juai, 63.11.01 */
  juai: { lat: -2.278955, lng: 115.588291 },
  /** Label point of Halong, 63.11.02 */
  halong: { lat: -2.247689, lng: 115.726087 },
} as const;

/** A complete, valid situation report; override any field. */
export function situationReport(overrides: Partial<Record<string, unknown>> = {}): SubmitReportRaw {
  const now = new Date();
  return {
    kind: "situation",
    clientId: randomUUID(),
    perihal: "Unjuk rasa warga terkait lahan",
    classification: "biasa",
    kerawanan: "sedang",
    occurredAt: new Date(now.getTime() - 3_600_000).toISOString(),
    sentAt: now.toISOString(),
    location: { ...POINTS.paringin, accuracyM: 12, source: "gps" },
    bidang: "ekonomi",
    subCategory: "sengketa lahan/SDA",
    body: {
      pendahuluan: { sumber: "Tokoh masyarakat", nilaiInformasi: "B2" },
      fakta: {
        siapa: "Sekitar 50 warga desa",
        apa: "Berkumpul di depan kantor desa",
        diMana: "Kantor Desa Paringin Kota",
        bagaimana: "Berkumpul sejak pukul 09.00 WITA, berorasi, bubar tertib pukul 11.00",
        bilamana: "Senin, 09.00 WITA",
        jumlahMassa: 50,
      },
      pendapat: { analisa: "Masih kondusif", saran: "Mediasi oleh kecamatan" },
    },
    ...overrides,
  } as SubmitReportRaw;
}

/** A valid daily report for `period` (YYYY-MM-DD); `body` fields override the template's. */
export function dailyReport(clientId: string, period: string, body: object = {}): SubmitReportRaw {
  return {
    kind: "daily",
    clientId,
    perihal: `Laporan harian ${period}`,
    kerawanan: "rendah",
    occurredAt: new Date().toISOString(),
    sentAt: new Date().toISOString(),
    location: { ...POINTS.paringin, accuracyM: null, source: "pin" },
    period,
    body: { situasiUmum: "aman-kondusif", perBidang: {}, jumlahKejadian: 0, ...body },
  } as SubmitReportRaw;
}

export function actorOfAccount(a: TestAccount, kecamatanKode = "63.11.06", verifierRegions: string[] = []): Actor {
  return { id: a.id, role: a.role, kecamatanKode: a.role === "officer" ? kecamatanKode : null, verifierRegions };
}

/** A report change as the server emits it, for tests that emit into rooms themselves. */
export function reportChange(kecamatanKode = "63.11.06", seq = 1): ChangeEnvelope<ReportView> {
  const at = new Date().toISOString();
  const id = "00000000-0000-0000-0000-000000000000";
  return {
    seq,
    entity: "report",
    entityId: id,
    kind: "created",
    at,
    data: {
      id,
      number: "LI-TEST",
      kind: "weekly",
      period: null,
      revision: 1,
      status: "submitted",
      classification: "biasa",
      bidang: null,
      subCategory: null,
      perihal: "Uji",
      kerawanan: "rendah",
      body: {},
      occurredAt: at,
      sentAt: at,
      receivedAt: at,
      location: { ...POINTS.paringin, accuracyM: null, source: "pin" },
      kecamatan: { kode: kecamatanKode, nama: kecamatanKode },
      desa: null,
      outsideMeters: 0,
      author: { id, displayName: "Uji" },
      photos: [],
      statusNote: null,
      version: 1,
    },
  };
}
