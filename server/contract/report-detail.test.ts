import { describe, expect, it } from "vitest";
import { diffRevisions } from "./report-detail.ts";

describe("diffRevisions", () => {
  const first = {
    clientId: "c1",
    sentAt: "2026-03-01T01:00:00Z",
    perihal: "Unjuk rasa",
    kerawanan: "sedang",
    photos: ["a"],
    body: { fakta: { siapa: "50 warga", apa: "Berkumpul", jumlahMassa: 50 }, pendapat: { saran: "" } },
  };

  it("lists each changed field with its old and new value, by path, and nothing else", () => {
    const second = {
      ...first,
      clientId: "c2",
      sentAt: "2026-03-01T02:00:00Z",
      revises: { reportId: "r", version: 2 },
      kerawanan: "tinggi",
      body: { fakta: { siapa: "80 warga", apa: "Berkumpul", jumlahMassa: 80 }, pendapat: { saran: "Mediasi" } },
    };
    expect(diffRevisions(first, second)).toEqual([
      { path: "body.fakta.jumlahMassa", before: 50, after: 80 },
      { path: "body.fakta.siapa", before: "50 warga", after: "80 warga" },
      { path: "body.pendapat.saran", before: "", after: "Mediasi" },
      { path: "kerawanan", before: "sedang", after: "tinggi" },
    ]);
  });

  it("names fields added and removed, array items by index", () => {
    const second = { ...first, photos: ["a", "b"], body: { fakta: { siapa: "50 warga", apa: "Berkumpul", korban: 0 }, pendapat: { saran: "" } } };
    expect(diffRevisions(first, second)).toEqual([
      { path: "body.fakta.jumlahMassa", before: 50 },
      { path: "body.fakta.korban", after: 0 },
      { path: "photos.1", after: "b" },
    ]);
  });

  it("finds nothing between a revision and itself, and tells null from absent", () => {
    expect(diffRevisions(first, structuredClone(first))).toEqual([]);
    expect(diffRevisions({ a: null }, {})).toEqual([{ path: "a", before: null }]);
  });
});
