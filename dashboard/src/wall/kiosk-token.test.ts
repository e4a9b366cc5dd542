import { describe, expect, it } from "vitest";
import { KIOSK_TOKEN_KEY, takeKioskToken } from "./kiosk-token.ts";

const store = (initial: Record<string, string> = {}) => {
  const map = new Map(Object.entries(initial));
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
};

describe("the kiosk token of a wall screen", () => {
  it("is taken from #kiosk=, kept in storage and removed from the address bar", () => {
    const storage = store();
    const replaced: string[] = [];
    const token = takeKioskToken({ hash: "#kiosk=abc_DEF-123", pathname: "/wall", search: "?lang=en" }, storage, (u) => replaced.push(u));
    expect(token).toBe("abc_DEF-123");
    expect(storage.map.get(KIOSK_TOKEN_KEY)).toBe("abc_DEF-123");
    expect(replaced).toEqual(["/wall?lang=en"]);
  });

  it("comes from storage after a reload, and is absent for a leader's screen", () => {
    const none: string[] = [];
    expect(takeKioskToken({ hash: "", pathname: "/wall", search: "" }, store({ [KIOSK_TOKEN_KEY]: "kept" }), (u) => none.push(u))).toBe("kept");
    expect(takeKioskToken({ hash: "", pathname: "/wall", search: "" }, store(), (u) => none.push(u))).toBeNull();
    expect(none).toEqual([]);
  });

  it("replaces a stored token with a new one from the address", () => {
    const storage = store({ [KIOSK_TOKEN_KEY]: "old" });
    expect(takeKioskToken({ hash: "#kiosk=new", pathname: "/wall", search: "" }, storage, () => undefined)).toBe("new");
    expect(storage.map.get(KIOSK_TOKEN_KEY)).toBe("new");
  });
});
