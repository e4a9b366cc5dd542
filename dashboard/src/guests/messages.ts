import { createAreaText } from "@kit/i18n.ts";
import { i18n } from "../i18n/i18n.ts";

/** Guest registration and closing one's account: their own chunk. */
export const id = {
  "guest.register.title": "Daftar sebagai pengguna informasi",
  "guest.register.intro": "Dengan akun pengguna informasi Anda dapat berlangganan laporan terbit per kecamatan dan bidang, dan menerima pemberitahuan.",
  "guest.register.contact": "E-mail atau nomor HP",
  "guest.register.contactHint": "Dipakai untuk masuk, misalnya nama@contoh.id atau 0812 3456 7890.",
  "guest.register.name": "Nama",
  "guest.register.password": "Kata sandi",
  "guest.register.passwordHint": "Minimal 10 karakter.",
  "guest.register.consent":
    "Saya setuju data saya (nama, e-mail atau nomor HP) disimpan oleh Kesbangpol Kabupaten Balangan untuk akun ini dan untuk mengirim pemberitahuan yang saya pilih. Saya dapat menghapus akun kapan saja.",
  "guest.register.submit": "Daftar",
  "guest.register.haveAccount": "Sudah punya akun?",
  "guest.register.login": "Masuk",
  "guest.register.throttled": "Terlalu banyak pendaftaran dari jaringan ini. Coba lagi dalam {minutes} menit.",
  "guest.register.consentRequired": "Centang persetujuan untuk mendaftar.",
  "guest.register.staffNote": "Akun petugas, verifikator dan pimpinan diterbitkan oleh Kesbangpol, bukan lewat pendaftaran ini.",
  "guest.delete.title": "Hapus akun",
  "guest.delete.intro": "Akun, langganan dan pemberitahuan Anda dihapus permanen. Masukkan kata sandi untuk memastikan.",
  "guest.delete.password": "Kata sandi",
  "guest.delete.submit": "Hapus akun saya",
  "guest.delete.confirm": "Hapus akun ini secara permanen?",
} as const;

type Key = keyof typeof id;

export const en: Record<Key, string> = {
  "guest.register.title": "Register as an information user",
  "guest.register.intro": "With an information-user account you can subscribe to published reports by district and field, and be notified.",
  "guest.register.contact": "E-mail or phone number",
  "guest.register.contactHint": "Used to sign in, e.g. name@example.id or 0812 3456 7890.",
  "guest.register.name": "Name",
  "guest.register.password": "Password",
  "guest.register.passwordHint": "At least 10 characters.",
  "guest.register.consent":
    "I agree that Kesbangpol of Balangan Regency keeps my data (name, e-mail or phone number) for this account and to send the notifications I choose. I can delete the account at any time.",
  "guest.register.submit": "Register",
  "guest.register.haveAccount": "Have an account?",
  "guest.register.login": "Sign in",
  "guest.register.throttled": "Too many registrations from this network. Try again in {minutes} minutes.",
  "guest.register.consentRequired": "Tick the consent box to register.",
  "guest.register.staffNote": "Officer, verifier and leader accounts are issued by Kesbangpol, not through this form.",
  "guest.delete.title": "Delete account",
  "guest.delete.intro": "Your account, subscriptions and notifications are deleted permanently. Enter your password to confirm.",
  "guest.delete.password": "Password",
  "guest.delete.submit": "Delete my account",
  "guest.delete.confirm": "Delete this account permanently?",
};

export const gt = createAreaText(i18n, id, en);
