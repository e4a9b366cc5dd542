import type { Bidang, Kerawanan } from "@contract/reports.ts";
import { compareText } from "./order.ts";

/**
 * What each officer reported, day by day, kept just long enough for their daily, weekly and monthly
 * reports to summarise it (so a daily report lists that day's events, and a monthly report's numbers add
 * up to the situation reports of the month). Compact on purpose: a million reports pass through it.
 */

export interface Noted {
  id: string;
  perihal: string;
  bidang: Bidang;
  subCategory: string;
  kerawanan: Kerawanan;
  desaNama: string;
}

export interface Tally {
  count: number;
  byBidang: Partial<Record<Bidang, number>>;
  byKerawanan: Partial<Record<Kerawanan, number>>;
  bySubCategory: Map<string, number>;
  byDesa: Map<string, number>;
  /** A few reports per bidang, the gravest first, for the texts. */
  examples: Noted[];
}

const EXAMPLES_PER_DAY = 12;
/** Days kept: a month and a week, enough for the longest period summarised (a month, sent up to a week late). */
const KEEP_DAYS = 40;

const emptyTally = (): Tally => ({ count: 0, byBidang: {}, byKerawanan: {}, bySubCategory: new Map(), byDesa: new Map(), examples: [] });

function add<K>(m: Map<K, number>, k: K, n = 1) {
  m.set(k, (m.get(k) ?? 0) + n);
}

const GRAVITY: Record<Kerawanan, number> = { rendah: 0, sedang: 1, tinggi: 2, sangat_tinggi: 3 };

export function createLedger() {
  const days = new Map<string, Map<number, Tally>>();

  return {
    record(officerId: string, day: number, r: Noted) {
      let byDay = days.get(officerId);
      if (!byDay) days.set(officerId, (byDay = new Map()));
      let t = byDay.get(day);
      if (!t) byDay.set(day, (t = emptyTally()));
      t.count++;
      t.byBidang[r.bidang] = (t.byBidang[r.bidang] ?? 0) + 1;
      t.byKerawanan[r.kerawanan] = (t.byKerawanan[r.kerawanan] ?? 0) + 1;
      add(t.bySubCategory, r.subCategory);
      add(t.byDesa, r.desaNama);
      t.examples.push(r);
      if (t.examples.length > EXAMPLES_PER_DAY) {
        t.examples.sort((a, b) => GRAVITY[b.kerawanan] - GRAVITY[a.kerawanan]);
        t.examples.length = EXAMPLES_PER_DAY;
      }
    },

    /** The officer's tally over days `from`..`to` (both included). */
    tally(officerId: string, from: number, to: number): Tally {
      const out = emptyTally();
      const byDay = days.get(officerId);
      if (!byDay) return out;
      for (let d = from; d <= to; d++) {
        const t = byDay.get(d);
        if (!t) continue;
        out.count += t.count;
        for (const [k, n] of Object.entries(t.byBidang) as [Bidang, number][]) out.byBidang[k] = (out.byBidang[k] ?? 0) + n;
        for (const [k, n] of Object.entries(t.byKerawanan) as [Kerawanan, number][]) out.byKerawanan[k] = (out.byKerawanan[k] ?? 0) + n;
        for (const [k, n] of t.bySubCategory) add(out.bySubCategory, k, n);
        for (const [k, n] of t.byDesa) add(out.byDesa, k, n);
        out.examples.push(...t.examples);
      }
      out.examples.sort((a, b) => GRAVITY[b.kerawanan] - GRAVITY[a.kerawanan]);
      return out;
    },

    /** Forget days no period still to be summarised can reach. */
    prune(today: number) {
      for (const byDay of days.values()) for (const d of byDay.keys()) if (d < today - KEEP_DAYS) byDay.delete(d);
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;

/** The most frequent keys of a count map, most frequent first. */
export function top(m: Map<string, number>, n: number): [string, number][] {
  return [...m].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, n);
}
