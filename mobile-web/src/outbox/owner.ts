/**
 * Whose report an outbox entry is. A phone may be shared: officer A queues reports offline, then officer
 * B logs in. A's reports must never go out under B's session (the server would file them as B's), and
 * must never vanish either — they wait, shown as held, until A logs in again. No idb here: the home
 * screen reads this before the outbox code has loaded.
 */

/** The officer who saved a report. */
export interface OutboxOwner {
  id: string;
  /** For "log in as …" on the home screen of whoever else uses the phone meanwhile. */
  username: string;
  displayName: string;
}

/**
 * Whether the officer `ownerId` may send (and sees as theirs) this entry. Entries saved before owners were
 * recorded have none: they count as the signed-in officer's — on a phone that had one officer until then
 * they are that officer's — and the first officer to send one adopts it for good (`OutboxSync`).
 */
export const belongsTo = (entry: { owner?: OutboxOwner }, ownerId: string | null | undefined): boolean =>
  !!ownerId && (!entry.owner || entry.owner.id === ownerId);

/** Entries of other officers, grouped by officer, in queue order of each one's first entry. */
export function heldByOwner<E extends { owner?: OutboxOwner }>(entries: readonly E[], ownerId: string | null | undefined): { owner: OutboxOwner; entries: E[] }[] {
  const groups = new Map<string, { owner: OutboxOwner; entries: E[] }>();
  for (const e of entries) {
    if (!e.owner || belongsTo(e, ownerId)) continue;
    const group = groups.get(e.owner.id) ?? { owner: e.owner, entries: [] };
    group.entries.push(e);
    groups.set(e.owner.id, group);
  }
  return [...groups.values()];
}
