import type { Request, RequestHandler } from "express";
import helmet from "helmet";
import { AppError } from "../core/errors.ts";
import { peerIsTrustedProxy, type TrustProxy } from "../core/trust-proxy.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** An Express request or a raw handshake request: headers and the connected peer. */
type PeerRequest = { headers: Request["headers"]; socket: { remoteAddress?: string } };

/**
 * The host the client asked for. X-Forwarded-Host only when a trusted proxy sent it: from anyone else it
 * would let the client name the host its own Origin is compared with. Like Express's `req.host`.
 */
export function requestHost(req: PeerRequest, trust: TrustProxy): string | undefined {
  const forwarded = [req.headers["x-forwarded-host"]].flat()[0];
  // Several proxies may each have appended one; the first is what the client asked the outermost for.
  if (forwarded && peerIsTrustedProxy(req, trust)) return forwarded.split(",")[0]!.trim();
  return req.headers.host;
}

/** Origins allowed to call us: our own (the host asked for, see requestHost) plus configured ones. */
export function originAllowed(req: PeerRequest, extra: string[], trust: TrustProxy): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (extra.includes(origin)) return true;
  const host = requestHost(req, trust);
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * CSRF: refuse state-changing requests a browser marks as cross-site (Sec-Fetch-Site), and when that
 * header is absent (older browsers), those whose Origin is not ours. Together with SameSite=Lax cookies
 * this needs no tokens.
 */
export function csrfGuard(allowedOrigins: string[], trust: TrustProxy): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.headers["sec-fetch-site"];
    if (site && site !== "same-origin" && site !== "none" && !(req.headers.origin && allowedOrigins.includes(req.headers.origin)))
      return next(new AppError(403, "forbidden", "Cross-site request refused"));
    if (!originAllowed(req, allowedOrigins, trust)) return next(new AppError(403, "forbidden", "Request origin not allowed"));
    next();
  };
}

/** Origins of the tile template, e.g. `https://{s}.tile.example.org/{z}/{x}/{y}.png` → `https://*.tile.example.org`. */
export function tileOrigins(tileUrl: string): string[] {
  const match = /^(https?:\/\/[^/]+)/.exec(tileUrl.replace(/\{s\}/g, "*"));
  return match ? [match[1]!] : [];
}

/**
 * Security headers. script-src has no 'unsafe-inline' (the front ends ship no inline scripts);
 * style-src keeps it because Leaflet positions map panes with inline styles.
 */
export function securityHeaders(tileUrl: string): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:", ...tileOrigins(tileUrl)],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: { maxAge: 15552000, includeSubDomains: false },
  });
}
