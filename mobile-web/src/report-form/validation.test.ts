import { describe, expect, it } from "vitest";
import { assemble, fieldOfPath, initialOf, pathOfField } from "./form-values.ts";
import { serverFieldErrors, validateReport } from "./validation.ts";

const base = (): Record<string, unknown> => ({
  kind: "situation",
  clientId: "5b0c8a1e-8f7e-4a59-9d5e-7b1f3c2a9e10",
  sentAt: new Date().toISOString(),
  location: { lat: -2.3217, lng: 115.4584, accuracyM: 12, source: "gps" },
  ...assemble([
    ["perihal", "Unjuk rasa di kantor desa"],
    ["occurredAt", new Date(Date.now() - 3_600_000).toISOString()],
    ["classification", "biasa"],
    ["bidang", "politik"],
    ["subCategory", "unjuk rasa"],
    ["kerawanan", "sedang"],
    ["pendahuluan.sumber", "Kepala desa"],
    ["pendahuluan.nilaiInformasi", "B2"],
    ["fakta.siapa", "Warga"],
    ["fakta.apa", "Unjuk rasa"],
    ["fakta.diMana", "Kantor desa"],
    ["fakta.bagaimana", "Damai"],
    ["fakta.bilamana", "Pagi"],
    ["fakta.jumlahMassa", 150],
    ["fakta.korban", undefined],
    ["pendapat.analisa", ""],
  ]),
});

describe("field names and contract paths", () => {
  it("puts body fields under body and keeps the others on top", () => {
    expect(pathOfField("perihal")).toEqual(["perihal"]);
    expect(pathOfField("fakta.siapa")).toEqual(["body", "fakta", "siapa"]);
    expect(pathOfField("location")).toEqual(["location"]);
    expect(fieldOfPath(["body", "fakta", "siapa"])).toBe("fakta.siapa");
    expect(fieldOfPath(["location", "lat"])).toBe("location");
    expect(fieldOfPath(["body", "kejadianMenonjol", 3])).toBe("kejadianMenonjol");
    expect(fieldOfPath(["photos", 5])).toBe("photos");
  });

  it("assembles nested values, leaving out the empty optional ones", () => {
    const payload = base();
    expect(payload.body).toMatchObject({ fakta: { siapa: "Warga", jumlahMassa: 150 } });
    expect("korban" in (payload.body as { fakta: object }).fakta).toBe(false);
    expect(initialOf(payload, "fakta.apa")).toBe("Unjuk rasa");
  });
});

describe("validateReport", () => {
  it("accepts a complete situation report and applies the contract's defaults", () => {
    const result = validateReport(base());
    expect(result.ok).toBe(true);
    if (result.ok && result.data.kind === "situation") {
      expect(result.data.body.pendapat).toEqual({ analisa: "", prakiraan: "", langkah: "", saran: "" });
      expect(result.data.photos).toEqual([]);
    }
  });

  it("names every missing required field in Indonesian", () => {
    const raw = base();
    raw.perihal = "  ";
    const body = raw.body as { fakta: Record<string, unknown> };
    body.fakta.siapa = "";
    delete body.fakta.apa;
    const result = validateReport(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toMatchObject({ perihal: "Wajib diisi.", "fakta.siapa": "Wajib diisi.", "fakta.apa": "Wajib diisi." });
    }
  });

  it("explains the location, the grade, the choice and the future", () => {
    const raw: Record<string, unknown> = { ...base(), location: undefined, kerawanan: "parah", occurredAt: new Date(Date.now() + 3_600_000).toISOString() };
    (raw.body as { pendahuluan: Record<string, unknown> }).pendahuluan.nilaiInformasi = "G9";
    const result = validateReport(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.location).toMatch(/GPS/);
      expect(result.errors["pendahuluan.nilaiInformasi"]).toMatch(/A–F/);
      expect(result.errors.kerawanan).toBe("Pilih salah satu.");
      expect(result.errors.occurredAt).toBe("Waktu tidak boleh di masa depan.");
    }
  });

  it("limits lengths, numbers and photos", () => {
    const raw: Record<string, unknown> = { ...base(), perihal: "x".repeat(201), photos: Array.from({ length: 6 }, (_, i) => String(i).repeat(64)) };
    (raw.body as { fakta: Record<string, unknown> }).fakta.korban = 2.5;
    const result = validateReport(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.perihal).toBe("Maksimal 200 karakter.");
      expect(result.errors["fakta.korban"]).toBe("Isi dengan bilangan bulat.");
      expect(result.errors.photos).toBe("Maksimal 5 foto.");
    }
  });

  it("checks a daily report's period and body", () => {
    const result = validateReport({ ...base(), kind: "daily", period: "2026-3-2", body: { situasiUmum: "aman-kondusif" } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.period).toBe("Periode tidak valid.");
      expect(result.errors.jumlahKejadian).toBe("Wajib diisi.");
    }
  });

  it("maps the server's field errors to field names, in the UI language by their codes", () => {
    const refused = {
      code: "invalid_input",
      message: "Input is not valid",
      fields: { "body.fakta.siapa": "Invalid input: expected string, received undefined", "body.kerawanan": "Invalid option: expected one of …" },
      fieldIssues: { "body.fakta.siapa": { code: "required" as const }, "body.kerawanan": { code: "choose_one" as const } },
    };
    expect(serverFieldErrors(refused)).toEqual({ "fakta.siapa": "Wajib diisi.", kerawanan: "Pilih salah satu." });
  });
});
