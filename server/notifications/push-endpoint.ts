import { isIP } from "node:net";

export interface EndpointPolicy {
  /** Take `http://localhost…` / `http://127.0.0.1…` endpoints (a local stand-in push service). */
  allowLocalHttp: boolean;
}

/**
 * Why an endpoint is refused, or null when it is fine. Real push services (FCM, Mozilla autopush,
 * Apple, WNS) are https on public DNS names, so that is all production takes. The server POSTs to
 * whatever URL a signed-in user registers, so anything else would let a guest aim the server at hosts
 * on its own network (SSRF): https to an IP literal or localhost is refused too. Plain http is taken
 * only for localhost outside production (or with PUSH_ALLOW_LOCAL_HTTP), so tests and a developer can
 * stand a local HTTP server in for the push service.
 */
export function endpointProblem(endpoint: string, policy: EndpointPolicy): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "not a URL";
  }
  if (url.username || url.password) return "must not carry credentials";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const local = host === "localhost" || host === "127.0.0.1" || host === "::1";
  if (url.protocol === "http:") return local && policy.allowLocalHttp ? null : "must be an https URL";
  if (url.protocol !== "https:") return "must be an https URL";
  if (local || isIP(host) !== 0) return "must name a push service by its host name";
  return null;
}
