import { describe, expect, it } from "vitest";
import { followCursor, initialQueueKeys, queueKeys, type QueueKeysState } from "./queue-keys.ts";

const ids = ["a", "b", "c"];
const press = (state: QueueKeysState, ...keys: string[]) => keys.reduce((s, key) => queueKeys(s, { key }, ids).state, state);

describe("the queue's keyboard", () => {
  it("moves with j/k and the arrows, staying inside the list", () => {
    expect(press(initialQueueKeys, "j").cursor).toBe(0);
    expect(press(initialQueueKeys, "j", "j", "ArrowDown", "j").cursor).toBe(2);
    expect(press(initialQueueKeys, "j", "j", "k", "ArrowUp", "k").cursor).toBe(0);
    expect(queueKeys(initialQueueKeys, { key: "j" }, ids).command).toEqual({ type: "focus", id: "a" });
  });

  it("opens with Enter and decides with v, r and t on the report under the cursor", () => {
    const at = press(initialQueueKeys, "j", "j");
    expect(queueKeys(at, { key: "Enter" }, ids).command).toEqual({ type: "open", id: "b" });
    expect(queueKeys(at, { key: "v" }, ids).command).toEqual({ type: "decide", id: "b", decision: "verify" });
    expect(queueKeys(at, { key: "r" }, ids).command).toEqual({ type: "decide", id: "b", decision: "reject" });
    expect(queueKeys(at, { key: "t" }, ids).command).toEqual({ type: "decide", id: "b", decision: "request_revision" });
    expect(queueKeys(initialQueueKeys, { key: "v" }, ids)).toMatchObject({ command: null, handled: false });
  });

  it("selects with x, toggles help with ?, and Esc closes the help before it clears the selection", () => {
    let s = press(initialQueueKeys, "j", "x", "j", "j", "x");
    expect([...s.selected]).toEqual(["a", "c"]);
    s = press(s, "x");
    expect([...s.selected]).toEqual(["a"]);
    s = press(s, "?");
    expect(s.help).toBe(true);
    s = press(s, "Escape");
    expect(s).toMatchObject({ help: false });
    expect(s.selected.size).toBe(1);
    expect(press(s, "Escape").selected.size).toBe(0);
  });

  it("leaves keys typed into a field, and shortcuts with modifiers, alone", () => {
    const at = press(initialQueueKeys, "j");
    expect(queueKeys(at, { key: "v", inField: true }, ids)).toEqual({ state: at, command: null, handled: false });
    expect(queueKeys(at, { key: "r", ctrlKey: true }, ids).handled).toBe(false);
    expect(queueKeys(at, { key: "q" }, ids).handled).toBe(false);
  });

  it("keeps the cursor on the same report when the list changes under it", () => {
    const at = { ...press(initialQueueKeys, "j", "j"), selected: new Set(["a", "c"]) };
    const moved = followCursor(at, ids, ["new", "a", "b", "c"]);
    expect(moved.cursor).toBe(2);
    const gone = followCursor(at, ids, ["a", "c"]);
    expect(gone.cursor).toBe(1);
    expect([...followCursor(at, ids, ["b"]).selected]).toEqual([]);
  });
});
