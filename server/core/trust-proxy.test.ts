import { describe, expect, it } from "vitest";
import { compileTrustProxy, parseTrustProxy } from "./trust-proxy.ts";

const trusting = (value: string) => compileTrustProxy(parseTrustProxy(value));

describe("TRUST_PROXY", () => {
  it("trusts nobody for none and false", () => {
    for (const value of ["none", "false", "NONE"]) {
      expect(trusting(value)("127.0.0.1", 0), value).toBe(false);
      expect(trusting(value)("10.0.0.1", 0), value).toBe(false);
    }
  });

  it("trusts every hop for true and the nearest n hops for a count", () => {
    expect(trusting("true")("203.0.113.9", 5)).toBe(true);
    const two = trusting("2");
    expect([two("203.0.113.9", 0), two("203.0.113.9", 1), two("203.0.113.9", 2)]).toEqual([true, true, false]);
    expect(trusting("0")("127.0.0.1", 0)).toBe(false);
  });

  it("trusts only the listed addresses, subnets and named ranges", () => {
    const list = trusting("loopback, 10.1.0.0/16,192.0.2.7");
    expect(list("127.0.0.1", 0)).toBe(true);
    expect(list("::1", 0)).toBe(true);
    expect(list("::ffff:127.0.0.1", 0)).toBe(true);
    expect(list("10.1.200.3", 0)).toBe(true);
    expect(list("192.0.2.7", 0)).toBe(true);
    expect(list("10.2.0.1", 0)).toBe(false);
    expect(list("203.0.113.9", 0)).toBe(false);
    expect(trusting("uniquelocal")("172.18.0.2", 0)).toBe(true);
  });

  it("refuses what is not an address, a subnet or a known name", () => {
    for (const value of ["localhost", "10.0.0.0/99", "yes", ",", "loopback,none"])
      expect(() => parseTrustProxy(value), value).toThrow();
  });
});
