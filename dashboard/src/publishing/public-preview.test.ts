import { describe, expect, it } from "vitest";
import type { PublicDraft } from "@contract/public-reports.ts";
import { formOfDraft, previewCard, publishInput } from "./public-preview.ts";

const kecamatan = { kode: "63.11.06", nama: "Paringin" };
const desa = { kode: "63.11.06.2001", nama: "Paringin Kota" };
const draft: PublicDraft = {
  reportId: "r1",
  version: 3,
  status: "verified",
  blocker: null,
  title: "Unjuk rasa warga",
  summary: "Warga berkumpul.",
  bidang: "ekonomi",
  kerawanan: "sedang",
  day: "2026-05-04",
  places: {
    desa: { location: { lat: -2.33, lng: 115.46 }, kecamatan, desa },
    kecamatan: { location: { lat: -2.3, lng: 115.5 }, kecamatan, desa: null },
  },
  photos: ["a".repeat(64), "b".repeat(64)],
  published: null,
};

describe("the publish form", () => {
  it("starts from the server's draft: its text, the desa, no photos", () => {
    expect(formOfDraft(draft)).toEqual({ title: "Unjuk rasa warga", summary: "Warga berkumpul.", generalization: "desa", photos: [] });
    expect(formOfDraft({ ...draft, places: { ...draft.places, desa: null } }).generalization).toBe("kecamatan");
  });

  it("previews the chosen place and photos, and never the desa when the kecamatan is chosen", () => {
    const form = { title: " Judul ", summary: "Isi", generalization: "kecamatan" as const, photos: ["b".repeat(64)] };
    const card = previewCard(draft, form, (sha) => `/staff/${sha.slice(0, 1)}`);
    expect(card).toMatchObject({ title: "Judul", place: { desa: null, location: { lat: -2.3, lng: 115.5 } }, photoUrls: ["/staff/b"] });
  });

  it("sends the photos in the report's order, with the version seen", () => {
    const form = { ...formOfDraft(draft), photos: ["b".repeat(64), "a".repeat(64)] };
    expect(publishInput(draft, form)).toEqual({ version: 3, title: "Unjuk rasa warga", summary: "Warga berkumpul.", generalization: "desa", photos: ["a".repeat(64), "b".repeat(64)] });
  });
});
