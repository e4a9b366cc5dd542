import type { Kerawanan, ReportKind, ReportStatus } from "@contract/reports.ts";
import { DAY, HOUR, MINUTE, witaParts } from "./calendar.ts";
import type { Random } from "./random.ts";

/**
 * What happened to a report after it arrived, as the server would have recorded it: a verifier of its
 * kecamatan claims it (a 10-minute lease, as claims.service takes it) and decides; a report sent back for
 * revision is usually resent by its author (a new revision, `submitted` again) and decided once more;
 * every step follows STATUS_CHANGES. Steps later than `end` have not happened yet, so recent reports are
 * still waiting. The version moves as the server moves it: +1 per decision and per revision.
 */

export interface Person {
  id: string;
  username: string;
}

export type StepAction = "claimed" | "status_changed" | "revised" | "amended" | "amendment_reviewed";

export interface Step {
  at: number;
  actor: Person;
  action: StepAction;
  from?: ReportStatus;
  to?: ReportStatus;
  note?: string | null;
  details?: Record<string, unknown>;
}

export interface Lifecycle {
  status: ReportStatus;
  statusNote: string | null;
  version: number;
  /** When the author resent it (revision 2): that submission's sent and received instants. */
  revision2?: { sentAt: number; receivedAt: number; kind: "revised" | "amended" };
  /** A verified periodic report resent and not yet reviewed (`amended_at`). */
  amendedAt: number | null;
  steps: Step[];
}

export interface LifecycleInput {
  kind: ReportKind;
  kerawanan: Kerawanan;
  /** `B2` …; unreliable sources are sent back or rejected more often. */
  nilaiInformasi: string | null;
  receivedAt: number;
  author: Person;
  verifier: Person;
  end: number;
}

/** How claims.service leases a report (LEASE default). */
const LEASE_MS = 10 * MINUTE;

const REVISION_NOTES = [
  "Mohon lengkapi identitas pihak yang terlibat dan jumlah massa.", "Sumber informasi belum jelas; mohon konfirmasi ke aparat desa.",
  "Lokasi kejadian kurang rinci; sebutkan RT atau patokan terdekat.", "Waktu kejadian tidak sesuai dengan keterangan saksi; mohon dicek kembali.",
  "Mohon tambahkan langkah yang sudah diambil dan koordinasi dengan Polsek.", "Uraian kronologis (bagaimana) masih terlalu singkat.",
];
const REJECTION_NOTES = [
  "Informasi tidak dapat dikonfirmasi oleh sumber kedua.", "Laporan ganda; kejadian yang sama sudah dilaporkan sebelumnya.",
  "Bukan kewenangan Kesbangpol; diteruskan ke instansi terkait secara lisan.", "Isi laporan tidak sesuai dengan fakta di lapangan setelah dicek.",
  "Informasi bersumber dari unggahan media sosial yang sudah dibantah.",
];
const VERIFY_NOTES = ["Sesuai, diteruskan ke pimpinan.", "Terverifikasi; pantau perkembangan.", "Sudah dikonfirmasi dengan Polsek setempat."];

/** A verifier's working moment at or after `at`: nights and early mornings wait for 07:00–09:00 WITA. */
export function officeTime(at: number, rng: Random): number {
  const p = witaParts(at);
  if (p.hour >= 7 && p.hour < 22) return at;
  const toMorning = ((24 + 7 - p.hour) % 24) * HOUR - p.minute * MINUTE;
  return at + toMorning + rng.int(0, 120) * MINUTE;
}

/** How long a report waits for a verifier: the graver, the sooner. */
function waitFor(kind: ReportKind, kerawanan: Kerawanan, rng: Random): number {
  if (kind !== "situation") return rng.int(3 * 60, 40 * 60) * MINUTE;
  if (kerawanan === "sangat_tinggi") return rng.int(8, 60) * MINUTE;
  if (kerawanan === "tinggi") return rng.int(20, 4 * 60) * MINUTE;
  // Routine reports queue up: most are looked at within a day or two, some wait three or four.
  return Math.round(40 + rng.next() ** 1.3 * 80 * 60) * MINUTE;
}

const doubtful = (nilai: string | null) => nilai !== null && (/[EF]/.test(nilai) || /[56]/.test(nilai));

export function planLifecycle(r: LifecycleInput, rng: Random): Lifecycle {
  const life: Lifecycle = { status: "submitted", statusNote: null, version: 1, amendedAt: null, steps: [] };
  const happened = (at: number) => at <= r.end;

  /** A claim, then the decision inside its lease; false when it lies in the future. */
  const decide = (after: number, to: ReportStatus, note: string | null): number | null => {
    const claimedAt = officeTime(after + waitFor(r.kind, r.kerawanan, rng), rng);
    const decidedAt = claimedAt + rng.int(1, 9) * MINUTE + rng.int(0, 59) * 1000;
    if (!happened(decidedAt)) return null;
    life.steps.push({ at: claimedAt, actor: r.verifier, action: "claimed", details: { expiresAt: new Date(claimedAt + LEASE_MS).toISOString() } });
    life.steps.push({ at: decidedAt, actor: r.verifier, action: "status_changed", from: life.status, to, note });
    life.status = to;
    life.statusNote = note;
    life.version++;
    return decidedAt;
  };

  const shaky = doubtful(r.nilaiInformasi);
  const outcome: ReportStatus =
    r.kind !== "situation"
      ? rng.weighted([["verified", 97], ["revision_requested", 3]] as const)
      : rng.weighted([["verified", shaky ? 55 : 84], ["revision_requested", shaky ? 25 : 11], ["rejected", shaky ? 20 : 5]] as const);
  const note = outcome === "revision_requested" ? rng.pick(REVISION_NOTES) : outcome === "rejected" ? rng.pick(REJECTION_NOTES) : rng.chance(0.15) ? rng.pick(VERIFY_NOTES) : null;
  const decidedAt = decide(r.receivedAt, outcome, note);
  if (decidedAt === null) return life;

  if (outcome === "verified" && r.kind !== "situation" && rng.chance(0.02)) amend(life, r, decidedAt, rng);
  if (outcome !== "revision_requested" || r.kind !== "situation") return life;

  if (rng.chance(0.75)) {
    // The officer sees the note on the phone and sends the report again ("ubah").
    const sentAt = officeTime(decidedAt + rng.int(30, 30 * 60) * MINUTE, rng);
    const receivedAt = sentAt + rng.int(1, 20) * 1000;
    if (!happened(receivedAt)) return life;
    life.steps.push({
      at: receivedAt,
      actor: r.author,
      action: "revised",
      from: "revision_requested",
      to: "submitted",
      details: { revision: 2, answersNote: life.statusNote },
    });
    life.revision2 = { sentAt, receivedAt, kind: "revised" };
    life.status = "submitted";
    life.statusNote = null;
    life.version++;
    const second = rng.weighted([["verified", 88], ["rejected", 12]] as const);
    decide(receivedAt, second, second === "rejected" ? rng.pick(REJECTION_NOTES) : null);
  } else if (rng.chance(0.5)) {
    // Never resent: after a week the verifier closes it.
    decide(decidedAt + rng.int(5, 9) * DAY, "rejected", "Tidak ada perbaikan dari pelapor dalam tujuh hari.");
  }
  return life;
}

/** A verified periodic report its author resends: it stays verified, flagged until a verifier reviews it. */
function amend(life: Lifecycle, r: LifecycleInput, verifiedAt: number, rng: Random) {
  const sentAt = officeTime(verifiedAt + rng.int(2, 48) * HOUR, rng);
  const receivedAt = sentAt + rng.int(1, 20) * 1000;
  if (receivedAt > r.end) return;
  life.steps.push({ at: receivedAt, actor: r.author, action: "amended", from: life.status, to: life.status, details: { revision: 2 } });
  life.revision2 = { sentAt, receivedAt, kind: "amended" };
  life.version++;
  life.amendedAt = receivedAt;
  const reviewedAt = officeTime(receivedAt + rng.int(1, 30) * HOUR, rng);
  if (reviewedAt > r.end || rng.chance(0.3)) return;
  life.steps.push({ at: reviewedAt, actor: r.verifier, action: "amendment_reviewed", details: { revision: 2 } });
  life.version++;
  life.amendedAt = null;
}
