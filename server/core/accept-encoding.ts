/** A content coding the server can send ready-made: brotli, gzip, or the bytes as they are. */
export type ContentCoding = "br" | "gzip" | "identity";
export type Compression = Exclude<ContentCoding, "identity">;

/** Brotli first: at equal preference it is the smaller of the two (~15–20% on our JS and JSON). */
export const COMPRESSIONS: readonly Compression[] = ["br", "gzip"];

/**
 * The compressions the request accepts among `offered`, most wanted first (by q-value; at equal q in the
 * order of `offered`). Identity is never listed: it is what is left when none of these fits. A coding the
 * header does not name counts with `*`'s q, or not at all; `q=0` refuses it.
 */
export function acceptedCompressions(header: string | undefined, offered: readonly Compression[] = COMPRESSIONS): Compression[] {
  if (!header) return [];
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const qParam = params.find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    // x-gzip is gzip's old name (RFC 9110 §8.4.1.3).
    q.set(name === "x-gzip" ? "gzip" : name, Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0);
  }
  return offered
    .map((coding, order) => ({ coding, order, q: q.get(coding) ?? q.get("*") ?? 0 }))
    .filter((c) => c.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map((c) => c.coding);
}

/** The one coding to send when every offered compression is at hand. */
export function preferredCoding(header: string | undefined, offered: readonly Compression[] = COMPRESSIONS): ContentCoding {
  return acceptedCompressions(header, offered)[0] ?? "identity";
}
