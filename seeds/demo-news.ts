import type { Logger } from "pino";
import type { CreateNewsInput } from "@contract/news.ts";
import type { NewsService } from "../server/news/news.service.ts";

const DAY_MS = 86_400_000;

/** Three published articles, dated some days back, so the public news page has something to show. */
export function demoNews(now: Date): CreateNewsInput[] {
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY_MS).toISOString();
  return [
    {
      title: "Rapat Koordinasi Forum Kewaspadaan Dini Masyarakat Kabupaten Balangan",
      summary: "FKDM bersama camat se-Kabupaten Balangan membahas pemetaan kerawanan menjelang akhir tahun.",
      status: "published",
      publishAt: daysAgo(2),
      body: [
        "Badan Kesatuan Bangsa dan Politik Kabupaten Balangan menggelar **rapat koordinasi** Forum Kewaspadaan Dini Masyarakat (FKDM) di Paringin.",
        "",
        "Pokok bahasan:",
        "",
        "1. Pemetaan kerawanan sosial per kecamatan;",
        "2. Alur pelaporan cepat dari agen informasi kecamatan;",
        "3. Tindak lanjut bersama instansi terkait.",
        "",
        "Masyarakat dapat menyampaikan informasi melalui [kanal resmi Kesbangpol](/berita).",
      ].join("\n"),
    },
    {
      title: "Sosialisasi Pencegahan Konflik Sosial di Kecamatan Juai",
      summary: "Tokoh agama, tokoh adat dan pemuda diajak menjaga kerukunan dan menyaring informasi.",
      status: "published",
      publishAt: daysAgo(9),
      body: [
        "Kegiatan sosialisasi pencegahan konflik sosial diikuti tokoh agama, tokoh adat, dan perwakilan pemuda.",
        "",
        "> Kerukunan dijaga bersama, mulai dari lingkungan terdekat.",
        "",
        "Peserta diajak untuk *menyaring informasi* sebelum membagikannya di media sosial.",
      ].join("\n"),
    },
    {
      title: "Layanan Informasi Situasi Daerah Kini Dapat Diakses Publik",
      summary: "Peta situasi dan berita Kesbangpol Balangan dapat dibuka tanpa login.",
      status: "published",
      publishAt: daysAgo(20),
      body: [
        "Masyarakat kini dapat membuka **peta situasi** dan **berita** Kesbangpol Kabupaten Balangan tanpa perlu masuk (login).",
        "",
        "Informasi yang ditampilkan telah melalui verifikasi dan tidak memuat identitas pelapor.",
      ].join("\n"),
    },
  ];
}

/** Add the demo articles when there is no news at all yet (idempotent across restarts). */
export async function seedDemoNews(news: NewsService, now: Date, log: Logger): Promise<void> {
  if ((await news.list({ limit: 1, offset: 0 })).total > 0) return;
  const items = demoNews(now);
  for (const item of items) await news.create({ user: null }, item);
  log.info({ created: items.length }, "demo news created");
}
