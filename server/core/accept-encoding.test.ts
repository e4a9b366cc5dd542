import { describe, expect, it } from "vitest";
import { acceptedCompressions, preferredCoding } from "./accept-encoding.ts";

describe("Accept-Encoding", () => {
  it("prefers brotli at equal weight, whatever the order the browser lists them in", () => {
    expect(preferredCoding("gzip, deflate, br, zstd")).toBe("br");
    expect(preferredCoding("br, gzip")).toBe("br");
    expect(acceptedCompressions("gzip, deflate, br")).toEqual(["br", "gzip"]);
  });

  it("follows q-values, and q=0 refuses a coding", () => {
    expect(preferredCoding("br;q=0.5, gzip")).toBe("gzip");
    expect(preferredCoding("br;q=0, gzip")).toBe("gzip");
    expect(acceptedCompressions("br;q=0, gzip;q=0")).toEqual([]);
    expect(preferredCoding("gzip;q=0, *;q=0.1")).toBe("br");
  });

  it("sends the plain bytes when nothing usable is asked for", () => {
    expect(preferredCoding(undefined)).toBe("identity");
    expect(preferredCoding("")).toBe("identity");
    expect(preferredCoding("identity")).toBe("identity");
    expect(preferredCoding("deflate, zstd")).toBe("identity");
    expect(preferredCoding("gzip;q=abc")).toBe("identity");
  });

  it("reads the wildcard, old names, spacing and case", () => {
    expect(preferredCoding("*")).toBe("br");
    expect(preferredCoding("x-gzip")).toBe("gzip");
    expect(preferredCoding(" GZIP ; Q=1 ")).toBe("gzip");
  });
});
