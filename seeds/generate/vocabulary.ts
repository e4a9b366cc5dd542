import type { Random } from "./random.ts";

/**
 * Words the templates are filled with: people (as a Laporan Informasi names them — a title and a name for
 * public figures, initials and age for persons of interest), local places, companies and organisations.
 * Every company, organisation and person here is made up; the desa and kecamatan are real.
 */

/** Given names, with the titles that fit them (a Laporan Informasi writes "Bapak", "Ibu", "H.", "Hj."). */
const MEN = [
  "Muhammad Arsyad", "Ahmad Fauzi", "Rahmadi", "Syahrani", "Abdul Hadi", "Fahriannor", "Rusdiansyah", "Akhmad Sairi", "Jumberi",
  "Hamdani", "Supiani", "Masrani", "Aulia Rahman", "Mahyudin", "Taufik Hidayat", "Junaidi", "Bahrudin", "Rahmat Hidayat", "Saprudin",
  "Arbain", "Hasbullah", "Zainal Arifin", "Ahmad Yani", "Jamhuri", "Agustinus Damang", "Yohanes Ranu", "Simson Ukur", "Hendra Saputra",
  "Riduan", "Syarifuddin", "Ismail",
];
const WOMEN = ["Mariati", "Normaliani", "Hairani", "Saidah", "Siti Aminah", "Rina Wati", "Yulianti", "Fitriani", "Noor Hasanah", "Maulidah", "Rusmaniah", "Salasiah", "Marlina", "Kamariah", "Nurul Huda"];
const MEN_TITLES = ["Bapak", "Bapak", "H.", "Ustadz"];
const WOMEN_TITLES = ["Ibu", "Ibu", "Hj."];

const ROLES = [
  "Kepala Desa {desaNama}", "Ketua BPD {desaNama}", "Ketua RT 03 {desaNama}", "tokoh masyarakat {desaNama}", "tokoh agama {desaNama}",
  "Babinsa {desaNama}", "Bhabinkamtibmas {desaNama}", "Sekretaris Desa {desaNama}", "Ketua Karang Taruna {desaNama}", "Camat {kecNama}",
];

const COMPANIES = [
  "PT Batu Hitam Nusantara", "PT Sawit Balangan Lestari", "PT Sumber Bara Pitap", "PT Kalimantan Agro Mandiri", "CV Karya Halong Jaya",
  "PT Meratus Coal Indonesia", "PT Tambang Borneo Sejahtera", "PT Hutan Tanaman Balangan",
];
const ORMAS = [
  "Laskar Adat Banua", "Forum Pemuda Peduli Balangan", "Aliansi Masyarakat Lingkar Tambang", "Gerakan Pemuda Banua Bersatu",
  "Lembaga Swadaya Masyarakat Pemantau Kinerja Daerah", "Persaudaraan Dayak Pitap", "Himpunan Mahasiswa Balangan",
];
const PARTIES = ["Partai Karya Bangsa", "Partai Amanat Banua", "Partai Persatuan Rakyat", "Partai Nusantara Maju", "Partai Suara Desa"];

/** Staples with their unit and a plausible price range in Rupiah. */
const STAPLES: readonly [name: string, unit: string, min: number, max: number][] = [
  ["beras", "kg", 13_500, 17_500], ["minyak goreng curah", "liter", 15_000, 21_000], ["gula pasir", "kg", 16_000, 19_500],
  ["elpiji 3 kg", "tabung", 28_000, 45_000], ["cabai rawit", "kg", 45_000, 120_000], ["bawang merah", "kg", 32_000, 65_000],
  ["telur ayam ras", "kg", 27_000, 34_000], ["solar", "liter", 6_800, 12_000], ["pertalite eceran", "liter", 10_000, 15_000],
];
// No kecamatan names among them: a verifier's screen then names only their own kecamatan (e2e ops-feed checks it).
const RIVERS = ["Sungai Balangan", "Sungai Pitap", "Sungai Batang Alai", "Sungai Tabalong Kiwa"];
const DRUGS = ["sabu-sabu", "obat keras daftar G jenis carnophen (zenith)", "sabu-sabu dan pil ekstasi", "tramadol tanpa resep"];
const WORSHIP = ["Masjid Jami {desaNama}", "Langgar Al-Ikhlas {desaNama}", "Gereja Kemah Injil {desaNama}", "Balai Adat {desaNama}", "Mushala Nurul Iman {desaNama}"];
const SPOTS = [
  "Pasar {desaNama}", "Balai Desa {desaNama}", "simpang tiga jalan poros {desaNama}", "lapangan bola {desaNama}", "dermaga {desaNama}",
  "SDN {desaNama} 1", "Puskesmas Pembantu {desaNama}", "warung di jalan desa {desaNama}", "kebun karet warga {desaNama}",
];
const COUNTRIES = ["Tiongkok", "India", "Korea Selatan", "Malaysia", "Filipina"];
const LETTERS = "ABDFHIJMNRSTYZ";

export interface PlaceNames {
  desaNama: string;
  urban: boolean;
  kecNama: string;
}

/** `Rp 18.500`: thousands with dots, as Indonesian writes them (no locale data needed). */
export const rupiah = (n: number) => `Rp ${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;

/** A name with a title and a role: `H. Rahmadi, Kepala Desa Lok Batu`. */
function figure(rng: Random, words: Words): string {
  const woman = rng.chance(0.3);
  const name = woman ? `${rng.pick(WOMEN_TITLES)} ${rng.pick(WOMEN)}` : `${rng.pick(MEN_TITLES)} ${rng.pick(MEN)}`;
  return `${name}, ${fill(rng.pick(ROLES), words)}`;
}

const initials = (rng: Random) => `${LETTERS[rng.int(0, LETTERS.length - 1)]}${LETTERS[rng.int(0, LETTERS.length - 1)]}`;
const price = (rng: Random, min: number, max: number) => Math.round((min + rng.next() * (max - min)) / 500) * 500;

/** How each word is made, from the report's stream and the words made before it. */
const MAKERS: Record<string, (rng: Random, w: Words) => string> = {
  desa: (_, w) => `${w.get("urban") === "1" ? "Kelurahan" : "Desa"} ${w.get("desaNama")}`,
  kecamatan: (_, w) => `Kecamatan ${w.get("kecNama")}`,
  tokoh: figure,
  tokoh2: figure,
  orang: (rng) => `Sdr. ${initials(rng)} (${rng.int(19, 58)} th)`,
  orang2: (rng) => `Sdr. ${initials(rng)} (${rng.int(19, 58)} th)`,
  perusahaan: (rng) => rng.pick(COMPANIES),
  ormas: (rng) => rng.pick(ORMAS),
  partai: (rng) => rng.pick(PARTIES),
  staple: (rng) => String(rng.int(0, STAPLES.length - 1)),
  komoditas: (_, w) => STAPLES[Number(w.get("staple"))]![0],
  harga: (rng, w) => {
    const [, unit, min, max] = STAPLES[Number(w.get("staple"))]!;
    return `${rupiah(price(rng, min, max))}/${unit}`;
  },
  hargaNormal: (rng, w) => {
    const [, unit, min] = STAPLES[Number(w.get("staple"))]!;
    return `${rupiah(price(rng, min * 0.8, min))}/${unit}`;
  },
  sungai: (rng) => rng.pick(RIVERS),
  narkoba: (rng) => rng.pick(DRUGS),
  gram: (rng) => String(rng.int(1, 60) / 4).replace(".", ","),
  negara: (rng) => rng.pick(COUNTRIES),
  luas: (rng) => String(rng.int(2, 180)),
  rumah: (rng) => String(rng.int(3, 140)),
  rt: (rng) => String(rng.int(1, 12)).padStart(2, "0"),
  jumlah: (rng) => String(rng.int(3, 30)),
  ibadah: (rng, w) => fill(rng.pick(WORSHIP), w),
  tempat: (rng, w) => fill(rng.pick(SPOTS), w),
};

/** Words each report of one event makes afresh: another person of interest, another count. */
const PER_REPORT = new Set(["orang", "orang2", "gram", "rumah", "jumlah"]);

/**
 * The words of one report, made when a template first names them and then kept, so its facts agree
 * with each other (one company, one crowd) and nothing is made that no template asks for.
 */
export interface Words {
  get(key: string): string;
}

/**
 * Words for a report at a place. `given` fixes some in advance (the crowd size of its topic); `shared`
 * lends the words of a hotspot, so every report on one event names the same company and people.
 */
export function wordsFor(rng: Random, place: PlaceNames, given: Record<string, string> = {}, shared?: Words): Words {
  const made = new Map<string, string>(Object.entries({ desaNama: place.desaNama, kecNama: place.kecNama, urban: place.urban ? "1" : "", ...given }));
  const words: Words = {
    get(key) {
      let v = made.get(key);
      if (v !== undefined) return v;
      const maker = MAKERS[key];
      if (!maker) throw new Error(`a template names an unknown word {${key}}`);
      v = shared && !PER_REPORT.has(key) ? shared.get(key) : maker(rng, words);
      made.set(key, v);
      return v;
    },
  };
  return words;
}

/** `{name}` placeholders replaced by their words. */
export function fill(template: string, words: Words): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => words.get(key));
}

/** Where an officer heard it, and from whom (pendahuluan). */
export const SOURCES = [
  "Pengamatan langsung petugas di lokasi", "Keterangan {tokoh}", "Keterangan warga {desa}", "Keterangan pedagang di {tempat}",
  "Informasi dari perangkat {desa}", "Pantauan grup WhatsApp warga {desa}", "Koordinasi dengan Bhabinkamtibmas {desaNama}",
];
export const RELATIONS = ["Informan tetap petugas", "Kenalan petugas", "Narasumber baru", "Mitra Kominda tingkat kecamatan", ""];
export const METHODS = ["Wawancara langsung", "Pengamatan langsung di lokasi", "Melalui sambungan telepon", "Pemantauan media sosial", "Pertemuan warga"];
