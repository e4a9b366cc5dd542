import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { id } from "./id.ts";

describe("dashboard dictionaries", () => {
  it("has an English text for every Indonesian key, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe("");
  });

  it("describes the page in index.html as the Indonesian dictionary does, before any script runs", () => {
    const html = readFileSync(new URL("../../index.html", import.meta.url), "utf8");
    const description = /<meta\s+name="description"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(description).toBe(id["app.description"]);
  });
});
