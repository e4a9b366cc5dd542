/**
 * The kit's strings in Bahasa Indonesia (the default): failures by the server's error code and field
 * problems by the contract's field-issue code. Each app spreads these into its own dictionary.
 */
export const kitId = {
  "error.generic": "Terjadi kesalahan. Silakan coba lagi.",
  "error.network": "Tidak dapat menghubungi server. Periksa koneksi Anda.",
  "error.invalid_input": "Periksa kembali isian yang ditandai.",
  "error.bad_request": "Permintaan tidak dapat diproses.",
  "error.unauthenticated": "Sesi Anda telah berakhir. Silakan masuk kembali.",
  "error.forbidden": "Anda tidak memiliki akses untuk tindakan ini.",
  "error.not_found": "Data tidak ditemukan.",
  "error.conflict": "Data telah berubah atau bertentangan: {message}",
  "error.conflict_plain": "Data telah berubah atau bertentangan dengan data lain.",
  "error.client_id_conflict": "Laporan dengan kode ini sudah terkirim dengan isi lain.",
  "error.outside_region": "Lokasi berada di luar Kabupaten Balangan.",
  "error.payload_too_large": "Data atau foto terlalu besar.",
  "error.unsupported_media_type": "Jenis berkas tidak didukung. Gunakan foto JPEG, PNG atau WebP.",
  "error.too_many_requests": "Terlalu banyak permintaan. Coba lagi nanti.",
  "error.not_ready": "Server belum siap. Coba lagi sebentar lagi.",
  "error.internal": "Terjadi kesalahan di server. Silakan coba lagi.",

  "field.required": "Wajib diisi.",
  "field.too_short": "Minimal {limit} karakter.",
  "field.too_long": "Maksimal {limit} karakter.",
  "field.too_small": "Minimal {limit}.",
  "field.too_big": "Maksimal {limit}.",
  "field.choose_one": "Pilih salah satu.",
  "field.not_number": "Isi dengan angka.",
  "field.not_integer": "Isi dengan bilangan bulat.",
  "field.bad_date": "Tanggal dan waktu tidak valid.",
  "field.future": "Waktu tidak boleh di masa depan.",
  "field.bad_period": "Periode tidak valid.",
  "field.bad_text": "Berisi karakter yang tidak diizinkan.",
  "field.invalid": "Isian tidak valid.",
} as const;

export type KitKey = keyof typeof kitId;
