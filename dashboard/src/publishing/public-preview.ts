import type { Generalization, PublicDraft, PublicPlace, PublicReport, PublishInput } from "@contract/public-reports.ts";
import type { Bidang, Kerawanan } from "@contract/reports.ts";

/** What the verifier is choosing: the public text, the place, the photos (by hash, in the report's order). */
export interface PublishForm {
  title: string;
  summary: string;
  generalization: Generalization;
  photos: string[];
}

/** One public report as the card shows it: the preview of a draft and a live publication alike. */
export interface PublicCard {
  title: string;
  summary: string;
  bidang: Bidang | null;
  kerawanan: Kerawanan;
  day: string;
  place: PublicPlace;
  photoUrls: string[];
}

/** The form as the server drafted it: its text, the desa when there is one, no photos. */
export function formOfDraft(draft: PublicDraft): PublishForm {
  return { title: draft.title, summary: draft.summary, generalization: draft.places.desa ? "desa" : "kecamatan", photos: [] };
}

/** Where the point will be: the desa's centre when chosen and known, otherwise the kecamatan's. */
export function placeOf(draft: PublicDraft, generalization: Generalization): PublicPlace {
  return generalization === "desa" && draft.places.desa ? draft.places.desa : draft.places.kecamatan;
}

/**
 * What the public will see if the form is published now. Photos show the staff copy here: the public
 * derivative is made by the server only when publishing.
 */
export function previewCard(draft: PublicDraft, form: PublishForm, staffPhotoUrl: (sha256: string) => string): PublicCard {
  return {
    title: form.title.trim(),
    summary: form.summary.trim(),
    bidang: draft.bidang,
    kerawanan: draft.kerawanan,
    day: draft.day,
    place: placeOf(draft, form.generalization),
    photoUrls: form.photos.map(staffPhotoUrl),
  };
}

/** A live publication on the card. */
export function publishedCard(report: PublicReport): PublicCard {
  return {
    title: report.title,
    summary: report.summary,
    bidang: report.bidang,
    kerawanan: report.kerawanan,
    day: report.day,
    place: { location: report.location, kecamatan: report.kecamatan, desa: report.desa },
    photoUrls: report.photos.map((p) => p.url),
  };
}

/** The request body: the text as edited, the place, the photos in the report's order, the version seen. */
export function publishInput(draft: PublicDraft, form: PublishForm): PublishInput {
  return {
    version: draft.version,
    title: form.title.trim(),
    summary: form.summary.trim(),
    generalization: draft.places.desa ? form.generalization : "kecamatan",
    photos: draft.photos.filter((sha) => form.photos.includes(sha)),
  };
}
