/**
 * Indonesian for the English field messages the server's zod schemas produce. Messages we do not know
 * pass through unchanged: an English hint beats none.
 */
const patterns: [RegExp, string][] = [
  [/^required$/, "wajib diisi"],
  [/^at least (\d+) characters$/, "minimal $1 karakter"],
  [/^at most (\d+) characters$/, "maksimal $1 karakter"],
  [/^letters, digits, dot, dash and underscore only$/, "hanya huruf kecil, angka, titik, tanda hubung dan garis bawah"],
  [/^this username is already in use$/, "nama pengguna sudah dipakai"],
  [/^NIP is 18 digits$/, "NIP terdiri dari 18 angka"],
  [/^an officer needs a kecamatan$/, "petugas harus memiliki kecamatan"],
  [/^required for officers$/, "wajib untuk petugas"],
  [/^only officers belong to a kecamatan$/, "hanya petugas yang memiliki kecamatan"],
  [/^only verifiers have verifier regions$/, "hanya verifikator yang memiliki wilayah verifikasi"],
  [/^must be a kecamatan code/, "pilih kecamatan"],
  [/^This sub-category already exists for that bidang$/, "Sub-kategori ini sudah ada untuk bidang tersebut"],
  [/^Sub-category not found$/, "Sub-kategori tidak ditemukan"],
  [/^wrong password$/, "kata sandi salah"],
  [/^must differ from the current one$/, "harus berbeda dari kata sandi saat ini"],
  [/^You cannot disable or demote your own account$/, "Anda tidak dapat menonaktifkan atau menurunkan peran akun sendiri"],
  [/^required when rejecting or asking for a revision$/, "wajib diisi saat menolak atau meminta revisi"],
  [/^The report changed since it was loaded; look at it again before deciding$/, "Laporan telah berubah sejak dimuat; periksa lagi sebelum memutuskan"],
  [/^A report that is (\w+) cannot become (\w+)$/, "Status laporan $1 tidak dapat diubah menjadi $2"],
  [/^Only verifiers of its kecamatan may decide on this report$/, "Hanya verifikator kecamatan laporan ini yang dapat memutuskan"],
  [/^The last active admin cannot be disabled or demoted$/, "Administrator aktif terakhir tidak dapat dinonaktifkan atau diturunkan perannya"],
];

export function translateServerMessage(message: string): string {
  for (const [pattern, replacement] of patterns) {
    if (pattern.test(message)) return message.replace(pattern, replacement);
  }
  return message;
}
