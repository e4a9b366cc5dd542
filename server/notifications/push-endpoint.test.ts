import { describe, expect, it } from "vitest";
import { endpointProblem } from "./push-endpoint.ts";
import { backoffMs } from "./push.worker.ts";

describe("push endpoints the server will post to", () => {
  const dev = { allowLocalHttp: true };
  const prod = { allowLocalHttp: false };

  it("takes https push services by host name", () => {
    expect(endpointProblem("https://fcm.googleapis.com/fcm/send/abc", prod)).toBeNull();
    expect(endpointProblem("https://updates.push.services.mozilla.com/wpush/v2/x", prod)).toBeNull();
  });

  it("takes http only on localhost, and only when allowed", () => {
    expect(endpointProblem("http://127.0.0.1:8080/push/1", dev)).toBeNull();
    expect(endpointProblem("http://localhost:8080/push/1", dev)).toBeNull();
    expect(endpointProblem("http://127.0.0.1:8080/push/1", prod)).toBe("must be an https URL");
    expect(endpointProblem("http://push.example.com/1", dev)).toBe("must be an https URL");
  });

  it("refuses what would point the server at its own network", () => {
    for (const url of ["https://10.1.2.3/x", "https://[::1]/x", "https://localhost/x", "https://169.254.169.254/latest", "https://user:pw@push.example.com/x", "file:///etc/passwd"])
      expect(endpointProblem(url, dev), url).not.toBeNull();
  });
});

describe("retry backoff", () => {
  it("doubles from 30 s per attempt up to 6 h, and honours a longer Retry-After", () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, null))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(30, null)).toBe(6 * 3600_000);
    expect(backoffMs(1, 600_000)).toBe(600_000);
    expect(backoffMs(5, 1_000)).toBe(480_000);
  });
});
