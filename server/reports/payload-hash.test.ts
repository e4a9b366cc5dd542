import { describe, expect, it } from "vitest";
import { canonicalJson, payloadHash } from "./payload-hash.ts";
import { situationReport } from "../test/reports.ts";

describe("payload fingerprint", () => {
  it("sorts keys at every level, so field order on the wire does not matter", () => {
    const report = situationReport();
    const reversed = JSON.parse(JSON.stringify(report), (_k, v) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(canonicalJson(reversed)).toBe(canonicalJson(report));
    expect(canonicalJson({ b: { d: 1, c: [{ f: 1, e: 2 }] }, a: undefined, "10": 1, "9": 2 })).toBe('{"10":1,"9":2,"b":{"c":[{"e":2,"f":1}],"d":1}}');
  });

  it("keeps the stored fingerprints: a fixed submission hashes as the first release stored it", () => {
    // Stored hashes decide duplicate vs conflict for retries; a change here would turn retries into 409s.
    const input = { kind: "situation", perihal: "Unjuk rasa", body: { fakta: { siapa: "warga", "10": 1, "9": 2 } }, photos: [] };
    expect(payloadHash("00000000-0000-4000-8000-000000000001", input)).toBe("1dcfe0b694f7f41b3a90f274707ce62edc6ca04b2302f13cd34695fe6e751987");
  });
});
