import { describe, expect, it } from "vitest";
import { compareRevisions, leafText, onlyChanged } from "./revision-compare.ts";

const rev1 = {
  clientId: "c1",
  sentAt: "2026-11-29T05:00:00Z",
  perihal: "Unjuk rasa di kantor desa",
  kerawanan: "sedang",
  body: { fakta: { siapa: "Warga", apa: "Unjuk rasa", jumlahMassa: 40 }, pendapat: { saran: "Dialog" } },
  photos: ["a"],
};
const rev2 = {
  clientId: "c2",
  sentAt: "2026-11-29T07:00:00Z",
  perihal: "Unjuk rasa di kantor desa",
  kerawanan: "tinggi",
  body: { fakta: { siapa: "Warga dan mahasiswa", apa: "Unjuk rasa", jumlahMassa: 120, korban: 0 }, pendapat: {} },
  photos: ["a", "b"],
  revises: { reportId: "r", version: 2 },
};

describe("two revisions side by side", () => {
  it("lists every field of both, in the later revision's order, marking what changed", () => {
    const rows = compareRevisions(rev1, rev2);
    expect(rows.map((r) => r.path)).toEqual([
      "perihal",
      "kerawanan",
      "body.fakta.siapa",
      "body.fakta.apa",
      "body.fakta.jumlahMassa",
      "body.fakta.korban",
      "photos.0",
      "photos.1",
      "body.pendapat.saran",
    ]);
    expect(rows.find((r) => r.path === "perihal")).toEqual({ path: "perihal", before: "Unjuk rasa di kantor desa", after: "Unjuk rasa di kantor desa", changed: false });
    expect(rows.find((r) => r.path === "kerawanan")).toEqual({ path: "kerawanan", before: "sedang", after: "tinggi", changed: true });
  });

  it("marks added and removed fields as changed and never counts the submission's own fields", () => {
    const changed = onlyChanged(compareRevisions(rev1, rev2));
    expect(changed.map((r) => r.path)).toEqual(["kerawanan", "body.fakta.siapa", "body.fakta.jumlahMassa", "body.fakta.korban", "photos.1", "body.pendapat.saran"]);
    expect(changed.find((r) => r.path === "body.fakta.korban")).toEqual({ path: "body.fakta.korban", after: 0, changed: true });
    expect(changed.find((r) => r.path === "body.pendapat.saran")).toEqual({ path: "body.pendapat.saran", before: "Dialog", changed: true });
    expect(compareRevisions(rev1, { ...rev1, clientId: "other", sentAt: "x" }).some((r) => r.changed)).toBe(false);
  });

  it("shows a zero and false as written and nothing for a missing value", () => {
    expect([leafText(0), leafText(false), leafText(null), leafText(undefined), leafText("teks")]).toEqual(["0", "false", "", "", "teks"]);
  });
});
