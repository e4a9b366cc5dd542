/**
 * Messages the server writes by hand (services and contract refinements, not zod's own), with their
 * Indonesian. Also the list of server messages that may be shown at all: one not listed here is shown
 * as the generic text of its code, so no raw validation message reaches a user.
 */
const KNOWN: [RegExp, string][] = [
  [/^required$/, "Wajib diisi."],
  [/^at least (\d+) characters$/, "Minimal $1 karakter."],
  [/^at most (\d+) characters$/, "Maksimal $1 karakter."],
  [/^letters, digits, dot, dash and underscore only$/, "Hanya huruf kecil, angka, titik, tanda hubung dan garis bawah."],
  [/^this username is already in use$/, "Nama pengguna sudah dipakai."],
  [/^NIP is 18 digits$/, "NIP terdiri dari 18 angka."],
  [/^an officer needs a kecamatan$/, "Petugas harus memiliki kecamatan."],
  [/^required for officers$/, "Wajib untuk petugas."],
  [/^only officers belong to a kecamatan$/, "Hanya petugas yang memiliki kecamatan."],
  [/^only verifiers have verifier regions$/, "Hanya verifikator yang memiliki wilayah verifikasi."],
  [/^must be a kecamatan code/, "Pilih kecamatan."],
  [/^wrong password$/, "Kata sandi saat ini salah."],
  [/^must differ from the current one$/, "Harus berbeda dari kata sandi saat ini."],
  [/^required when rejecting or asking for a revision$/, "Wajib diisi saat menolak atau meminta revisi."],
  [/^This sub-category already exists for that bidang$/, "Sub-kategori ini sudah ada untuk bidang tersebut"],
  [/^Sub-category not found$/, "Sub-kategori tidak ditemukan"],
  [/^You cannot disable or demote your own account$/, "Anda tidak dapat menonaktifkan atau menurunkan peran akun sendiri"],
  [/^The report changed since it was loaded; look at it again before deciding$/, "Laporan telah berubah sejak dimuat; periksa lagi sebelum memutuskan"],
  [/^A report that is (\w+) cannot become (\w+)$/, "Status laporan $1 tidak dapat diubah menjadi $2"],
  [/^Only verifiers of its kecamatan may decide on this report$/, "Hanya verifikator kecamatan laporan ini yang dapat memutuskan"],
  [/^The last active admin cannot be disabled or demoted$/, "Administrator aktif terakhir tidak dapat dinonaktifkan atau diturunkan perannya"],
  [/^Already exists$/, "Data sudah ada"],
];

/** A known server message in the chosen language (English as written), or null when it is not known. */
export function knownServerText(message: string, lang: "id" | "en"): string | null {
  for (const [pattern, indonesian] of KNOWN) if (pattern.test(message)) return lang === "en" ? message : message.replace(pattern, indonesian);
  return null;
}
