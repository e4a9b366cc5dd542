import { createAreaText } from "@kit/i18n.ts";
import { i18n } from "../i18n/i18n.ts";

/** The publish panel's strings: they ship with the report page's chunk, not in the app's entry dictionaries. */
export const id = {
  "publish.heading": "Publikasi",
  "publish.intro": "Yang dipublikasikan hanya bentuk publik di bawah: tanpa identitas pelapor, NIP, sumber, atau analisa; lokasi disamarkan ke pusat desa atau kecamatan.",
  "publish.title": "Judul publik",
  "publish.summary": "Ringkasan publik",
  "publish.draftHint": "Draf dari perihal dan fakta (apa, bagaimana). Periksa dan sunting sebelum dipublikasikan.",
  "publish.generalization": "Lokasi ditampilkan di",
  "publish.generalization.desa": "Pusat desa ({name})",
  "publish.generalization.kecamatan": "Pusat kecamatan ({name})",
  "publish.noDesa": "Laporan ini tidak memiliki desa: lokasi ditampilkan di pusat kecamatan.",
  "publish.photos": "Foto yang ditampilkan",
  "publish.photosHint": "Foto dikodekan ulang tanpa metadata (EXIF/GPS), paling besar 1280 px.",
  "publish.noPhotos": "Tidak ada foto terunggah.",
  "publish.photo": "Foto {n}",
  "publish.preview": "Pratinjau tampilan publik",
  "publish.publish": "Publikasikan",
  "publish.publishing": "Memublikasikan…",
  "publish.published": "Sedang dipublikasikan sejak {at}",
  "publish.publicSees": "Yang dilihat publik",
  "publish.unpublish": "Tarik dari publik",
  "publish.unpublishNote": "Alasan penarikan (tercatat di riwayat)",
  "publish.unpublishConfirm": "Tarik publikasi",
  "publish.blocker.rahasia": "Laporan rahasia tidak pernah dipublikasikan.",
  "publish.blocker.not_situation": "Hanya laporan situasi yang dapat dipublikasikan.",
  "publish.blocker.not_verified": "Verifikasi laporan terlebih dahulu sebelum dipublikasikan.",
  "publish.place": "{desa}, Kec. {kecamatan}",
  "publish.placeKecamatan": "Kec. {kecamatan}",
  "publish.required": "Wajib diisi",
};

export type PublishKey = keyof typeof id;

export const en: Record<PublishKey, string> = {
  "publish.heading": "Publication",
  "publish.intro": "Only the public shape below is published: no reporter identity, NIP, source or analysis; the location is generalized to the centre of the desa or kecamatan.",
  "publish.title": "Public title",
  "publish.summary": "Public summary",
  "publish.draftHint": "Drafted from the perihal and the facts (what, how). Check and edit it before publishing.",
  "publish.generalization": "Show the location at",
  "publish.generalization.desa": "Desa centre ({name})",
  "publish.generalization.kecamatan": "Kecamatan centre ({name})",
  "publish.noDesa": "This report has no desa: the location is shown at the kecamatan centre.",
  "publish.photos": "Photos to show",
  "publish.photosHint": "Photos are re-encoded without metadata (EXIF/GPS), at most 1280 px.",
  "publish.noPhotos": "No uploaded photos.",
  "publish.photo": "Photo {n}",
  "publish.preview": "Preview of the public view",
  "publish.publish": "Publish",
  "publish.publishing": "Publishing…",
  "publish.published": "Published since {at}",
  "publish.publicSees": "What the public sees",
  "publish.unpublish": "Withdraw from public",
  "publish.unpublishNote": "Reason for withdrawing (kept in the history)",
  "publish.unpublishConfirm": "Withdraw publication",
  "publish.blocker.rahasia": "A rahasia report is never published.",
  "publish.blocker.not_situation": "Only situation reports can be published.",
  "publish.blocker.not_verified": "Verify the report before publishing it.",
  "publish.place": "{desa}, Kec. {kecamatan}",
  "publish.placeKecamatan": "Kec. {kecamatan}",
  "publish.required": "Required",
};

export const tx = createAreaText<PublishKey>(i18n, id, en);
