import type { AgencyKind } from "@contract/follow-ups.ts";

/**
 * The partner agencies of a Kesbangpol office in Balangan (tindak lanjut goes to them), and which of them
 * a report of each sub-category goes to. Contacts are roles, not people: the demo names nobody real.
 */

export interface DemoAgency {
  name: string;
  kind: AgencyKind;
  contactPerson: string | null;
}

export interface Agency extends DemoAgency {
  id: string;
}

const CAMAT = (kecNama: string) => `Camat ${kecNama}`;

export function demoAgencies(kecamatanNames: readonly string[]): DemoAgency[] {
  return [
    { name: "Polres Balangan", kind: "polres", contactPerson: "Kasat Intelkam" },
    { name: "Kodim 1001/HSU-Balangan", kind: "kodim", contactPerson: "Pasi Intel" },
    { name: "Kejaksaan Negeri Balangan", kind: "kejaksaan", contactPerson: "Kasi Intelijen" },
    { name: "Satpol PP dan Damkar Kabupaten Balangan", kind: "satpol_pp", contactPerson: "Kabid Trantibum" },
    { name: "Forum Kominda Kabupaten Balangan", kind: "kominda", contactPerson: "Sekretaris Forum" },
    { name: "FKUB Kabupaten Balangan", kind: "other", contactPerson: "Ketua FKUB" },
    { name: "BPBD Kabupaten Balangan", kind: "other", contactPerson: "Kalaksa BPBD" },
    { name: "BNN Kabupaten Balangan", kind: "other", contactPerson: "Kasi Pemberantasan" },
    { name: "Dinas Perdagangan Kabupaten Balangan", kind: "other", contactPerson: "Kabid Perdagangan" },
    { name: "Disnakertrans Kabupaten Balangan", kind: "other", contactPerson: "Kabid Hubungan Industrial" },
    ...kecamatanNames.map((k): DemoAgency => ({ name: CAMAT(k), kind: "camat", contactPerson: "Sekretaris Kecamatan" })),
  ];
}

/** Who acts on a report of this sub-category; `camat` is the camat of the report's kecamatan. */
const ROUTES: Record<string, readonly string[]> = {
  radikalisme: ["Forum Kominda Kabupaten Balangan", "Polres Balangan"],
  intoleransi: ["FKUB Kabupaten Balangan", "Forum Kominda Kabupaten Balangan"],
  "paham terlarang": ["Kejaksaan Negeri Balangan", "Forum Kominda Kabupaten Balangan"],
  "pilkada/pilkades": ["camat", "Polres Balangan"],
  "unjuk rasa": ["Polres Balangan", "camat"],
  ormas: ["Forum Kominda Kabupaten Balangan"],
  "partai politik": ["Satpol PP dan Damkar Kabupaten Balangan"],
  "harga & kelangkaan sembako/BBM": ["Dinas Perdagangan Kabupaten Balangan"],
  "tenaga kerja/TKA": ["Disnakertrans Kabupaten Balangan", "Forum Kominda Kabupaten Balangan"],
  "sengketa lahan/SDA": ["camat", "Polres Balangan"],
  "konflik sosial/SARA": ["Polres Balangan", "camat"],
  "kerukunan umat beragama": ["FKUB Kabupaten Balangan"],
  narkoba: ["BNN Kabupaten Balangan", "Polres Balangan"],
  bencana: ["BPBD Kabupaten Balangan", "camat"],
  "orang asing": ["Forum Kominda Kabupaten Balangan"],
  kriminalitas: ["Polres Balangan"],
  "konflik bersenjata": ["Polres Balangan", "Kodim 1001/HSU-Balangan"],
};

/** The agencies for a report of this sub-category in this kecamatan, most responsible first. */
export function agenciesFor(subCategory: string, kecNama: string, agencies: readonly Agency[]): Agency[] {
  const names = (ROUTES[subCategory] ?? ["Forum Kominda Kabupaten Balangan"]).map((n) => (n === "camat" ? CAMAT(kecNama) : n));
  return names.flatMap((n) => agencies.filter((a) => a.name === n));
}

const INSTRUCTIONS: Record<AgencyKind, readonly string[]> = {
  polres: ["Mohon pendalaman dan langkah penegakan hukum sesuai kewenangan; laporkan perkembangannya.", "Mohon pengamanan lokasi dan pemantauan lanjutan."],
  kodim: ["Mohon dukungan pengamanan dan informasi dari Babinsa setempat."],
  kejaksaan: ["Mohon kajian Tim PAKEM atas ajaran/atribut yang dilaporkan."],
  satpol_pp: ["Mohon penertiban sesuai Perda ketertiban umum."],
  camat: ["Mohon fasilitasi musyawarah para pihak dan laporkan hasilnya.", "Mohon koordinasi dengan kepala desa dan pendataan di lapangan."],
  kominda: ["Mohon dibahas dalam rapat Forum Kominda dan dilakukan deteksi dini lanjutan."],
  other: ["Mohon tindak lanjut sesuai tugas dan fungsi instansi.", "Mohon penanganan dan laporan hasilnya kepada Kesbangpol."],
};
const RESPONSES: Record<AgencyKind, readonly string[]> = {
  polres: ["Telah dilakukan penyelidikan; dua orang dimintai keterangan. Situasi terkendali.", "Personel Polsek disiagakan dan patroli ditingkatkan di lokasi."],
  kodim: ["Babinsa telah berkoordinasi dengan aparat desa; situasi aman."],
  kejaksaan: ["Tim PAKEM telah mengundang pihak terkait untuk klarifikasi."],
  satpol_pp: ["Atribut telah ditertibkan bersama aparat kecamatan."],
  camat: ["Musyawarah para pihak telah dilaksanakan di kantor kecamatan; disepakati penyelesaian secara kekeluargaan.", "Data warga terdampak telah dikumpulkan dan diteruskan ke dinas terkait."],
  kominda: ["Dibahas dalam rapat Forum Kominda; pemantauan dilanjutkan oleh anggota forum."],
  other: ["Telah ditindaklanjuti sesuai tugas dan fungsi; laporan tertulis menyusul.", "Bantuan dan penanganan telah diberikan kepada warga terdampak."],
};

export const instructionFor = (kind: AgencyKind, pick: <T>(xs: readonly T[]) => T) => pick(INSTRUCTIONS[kind]);
export const responseFor = (kind: AgencyKind, pick: <T>(xs: readonly T[]) => T) => pick(RESPONSES[kind]);
