import { createAreaText } from "@kit/i18n.ts";
import { i18n } from "../i18n/i18n.ts";

/** The notification bell's and settings' strings: they ship in their own chunks, not in the entry. */
export const id = {
  "notif.bell": "Notifikasi",
  "notif.bell.unread": "Notifikasi, {n} belum dibaca",
  "notif.title": "Notifikasi",
  "notif.empty": "Belum ada notifikasi.",
  "notif.markAll": "Tandai semua dibaca",
  "notif.markRead": "Tandai dibaca",
  "notif.more": "Tampilkan lebih banyak",
  "notif.loadFailed": "Notifikasi tidak dapat dimuat.",
  "notif.close": "Tutup",
  "notif.settings.title": "Notifikasi laporan yang dipublikasikan",
  "notif.settings.enabled": "Beri tahu saya saat laporan dipublikasikan",
  "notif.settings.kecamatan": "Kecamatan (kosong = semua)",
  "notif.settings.bidang": "Bidang (kosong = semua)",
  "notif.settings.save": "Simpan langganan",
  "notif.settings.saved": "Langganan disimpan.",
  "notif.settings.failed": "Langganan tidak dapat disimpan.",
  "notif.push.enable": "Aktifkan notifikasi push",
  "notif.push.disable": "Matikan notifikasi push di peramban ini",
  "notif.push.on": "Notifikasi push aktif di peramban ini.",
  "notif.push.unsupported": "Peramban ini tidak mendukung notifikasi push.",
  "notif.push.denied": "Izin notifikasi ditolak. Ubah di pengaturan peramban.",
  "notif.push.failed": "Notifikasi push tidak dapat diaktifkan.",
  "notif.bidang.ideologi": "Ideologi",
  "notif.bidang.politik": "Politik",
  "notif.bidang.ekonomi": "Ekonomi",
  "notif.bidang.sosial-budaya": "Sosial budaya",
  "notif.bidang.pertahanan-keamanan": "Pertahanan keamanan",
};

export type NotificationsKey = keyof typeof id;

export const en: Record<NotificationsKey, string> = {
  "notif.bell": "Notifications",
  "notif.bell.unread": "Notifications, {n} unread",
  "notif.title": "Notifications",
  "notif.empty": "No notifications yet.",
  "notif.markAll": "Mark all read",
  "notif.markRead": "Mark read",
  "notif.more": "Show more",
  "notif.loadFailed": "Notifications could not be loaded.",
  "notif.close": "Close",
  "notif.settings.title": "Notifications of published reports",
  "notif.settings.enabled": "Tell me when reports are published",
  "notif.settings.kecamatan": "Kecamatan (none = all)",
  "notif.settings.bidang": "Field (none = all)",
  "notif.settings.save": "Save subscription",
  "notif.settings.saved": "Subscription saved.",
  "notif.settings.failed": "The subscription could not be saved.",
  "notif.push.enable": "Turn on push notifications",
  "notif.push.disable": "Turn off push notifications in this browser",
  "notif.push.on": "Push notifications are on in this browser.",
  "notif.push.unsupported": "This browser does not support push notifications.",
  "notif.push.denied": "Notification permission was refused. Change it in the browser's settings.",
  "notif.push.failed": "Push notifications could not be turned on.",
  "notif.bidang.ideologi": "Ideology",
  "notif.bidang.politik": "Politics",
  "notif.bidang.ekonomi": "Economy",
  "notif.bidang.sosial-budaya": "Social and cultural",
  "notif.bidang.pertahanan-keamanan": "Defence and security",
};

export const tx = createAreaText<NotificationsKey>(i18n, id, en);
