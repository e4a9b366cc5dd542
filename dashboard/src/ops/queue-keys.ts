import type { BulkDecision } from "@contract/claims.ts";

/**
 * The queue's keyboard, as a pure reducer: j/k (or the arrows) move the cursor, Enter opens the report,
 * v / r / t decide (verify / reject / ask for revision), x selects for bulk triage, `?` shows the help,
 * Esc closes the help or clears the selection. Keys typed into a field are the field's, never the queue's.
 */

export interface QueueKeysState {
  /** Index of the report under the cursor in the list as shown; -1 before the first move. */
  cursor: number;
  selected: ReadonlySet<string>;
  help: boolean;
}

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** Typed into an input, textarea, select or editable element. */
  inField?: boolean;
}

export type QueueCommand = { type: "open"; id: string } | { type: "decide"; id: string; decision: BulkDecision } | { type: "focus"; id: string };

export interface QueueKeysResult {
  state: QueueKeysState;
  command: QueueCommand | null;
  /** The key was the queue's: the page should not also act on it (scroll, type). */
  handled: boolean;
}

export const initialQueueKeys: QueueKeysState = { cursor: -1, selected: new Set(), help: false };

const DECISION_KEYS: Record<string, BulkDecision> = { v: "verify", r: "reject", t: "request_revision" };

/** What a key does to the queue showing `ids` (in order). */
export function queueKeys(state: QueueKeysState, press: KeyPress, ids: readonly string[]): QueueKeysResult {
  const none: QueueKeysResult = { state, command: null, handled: false };
  if (press.inField || press.ctrlKey || press.metaKey || press.altKey) return none;
  const at = Math.min(state.cursor, ids.length - 1);
  const current = at >= 0 ? ids[at] : undefined;
  const move = (to: number): QueueKeysResult => {
    if (!ids.length) return { state, command: null, handled: true };
    const cursor = Math.max(0, Math.min(ids.length - 1, to));
    return { state: { ...state, cursor }, command: { type: "focus", id: ids[cursor]! }, handled: true };
  };

  switch (press.key) {
    case "?":
      return { state: { ...state, help: !state.help }, command: null, handled: true };
    case "Escape":
      if (state.help) return { state: { ...state, help: false }, command: null, handled: true };
      if (state.selected.size) return { state: { ...state, selected: new Set() }, command: null, handled: true };
      return none;
    case "j":
    case "ArrowDown":
      return move(at < 0 ? 0 : at + 1);
    case "k":
    case "ArrowUp":
      return move(at < 0 ? 0 : at - 1);
    case "Enter":
      return current ? { state, command: { type: "open", id: current }, handled: true } : none;
    case "x": {
      if (!current) return none;
      const selected = new Set(state.selected);
      if (selected.has(current)) selected.delete(current);
      else selected.add(current);
      return { state: { ...state, selected }, command: null, handled: true };
    }
    default: {
      const decision = DECISION_KEYS[press.key];
      return decision && current ? { state, command: { type: "decide", id: current, decision }, handled: true } : none;
    }
  }
}

/** The cursor kept on the same report when the list changes under it (arrivals, removals). */
export function followCursor(state: QueueKeysState, before: readonly string[], after: readonly string[]): QueueKeysState {
  const id = state.cursor >= 0 ? before[state.cursor] : undefined;
  if (id === undefined) return state;
  const index = after.indexOf(id);
  const cursor = index >= 0 ? index : Math.min(state.cursor, after.length - 1);
  const selected = new Set([...state.selected].filter((s) => after.includes(s)));
  return cursor === state.cursor && selected.size === state.selected.size ? state : { ...state, cursor, selected };
}
