import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { id } from "./id.ts";

describe("dashboard dictionaries", () => {
  it("has an English text for every Indonesian key, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe("");
  });
});
