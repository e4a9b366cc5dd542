/**
 * The generator's only source of chance: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128
 * bits of state, passes PractRand), seeded through cyrb128. Same seed, same numbers, on every machine.
 *
 * Streams are forked by label (`rng.fork("day:2026-03-01")`) rather than shared: what one day or one
 * officer draws does not shift the numbers of the next, so a change to one template leaves the rest of the
 * data as it was, and any part can be regenerated alone. Not for anything secret.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item drawn with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
  /** A UUID (version 4 layout) made from this stream: deterministic ids and client ids. */
  uuid(): string;
  /** An independent stream named by `label`, the same whatever was drawn from this one before. */
  fork(label: string): Random;
}

/** cyrb128: four 32-bit words from a string, well mixed, to seed sfc32. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

const hex = (n: number) => n.toString(16).padStart(8, "0");

/** A stream for `seed` (any string or number); forks are named below it. */
export function createRandom(seed: string | number): Random {
  const key = String(seed);
  const [a, b, c, d] = cyrb128(key);
  const word = sfc32(a, b, c, d);
  // A few rounds so seeds that differ in one character do not start alike.
  for (let i = 0; i < 12; i++) word();
  const next = () => word() / 4294967296;
  let spare: number | null = null;

  const rng: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (!items.length) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items) => {
      let total = 0;
      for (const [, w] of items) total += w;
      let x = next() * total;
      for (const [item, w] of items) if ((x -= w) < 0) return item;
      return items[items.length - 1]![0];
    },
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      const u = 1 - next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    uuid: () => {
      const w = [word(), word(), word(), word()];
      const s = w.map(hex).join("");
      // Version 4 nibble and the RFC 4122 variant bits, so every UUID rule accepts it.
      const variant = ((parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
    },
    fork: (label) => createRandom(`${key}/${label}`),
  };
  return rng;
}
