import proxyaddr from "proxy-addr";

/**
 * Which proxies' X-Forwarded-* headers are believed, as configured (Express "trust proxy" syntax):
 * none, every hop, the nearest `n` hops, or addresses, CIDR subnets and proxy-addr's names
 * (`loopback`, `linklocal`, `uniquelocal`).
 */
export type TrustProxySetting = boolean | number | string[];

/**
 * Whether the peer `hop` steps from us (0: the one connected to our socket) is a proxy we believe.
 * Express's own shape, so one compiled function serves `app.set("trust proxy")` and the socket handshake.
 */
export type TrustProxy = (address: string, hop: number) => boolean;

/** Read a TRUST_PROXY value. Throws with a message fit for the config error list when it is not valid. */
export function parseTrustProxy(value: string): TrustProxySetting {
  const v = value.trim();
  if (/^(none|false)$/i.test(v)) return false;
  if (/^true$/i.test(v)) return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(",").map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new Error("must be none, true, a hop count or a list of addresses");
  try {
    proxyaddr.compile(list);
  } catch (err) {
    throw new Error(`${(err as Error).message} (use none, true, a hop count, or addresses, CIDRs, loopback, linklocal, uniquelocal)`);
  }
  return list;
}

/** Compile once at start; the result is asked on every request, so it must not parse anything. */
export function compileTrustProxy(setting: TrustProxySetting): TrustProxy {
  if (setting === true) return () => true;
  if (setting === false) return () => false;
  if (typeof setting === "number") return (_address, hop) => hop < setting;
  return proxyaddr.compile(setting);
}

/** Whether the peer connected to our socket is a trusted proxy: only then are its X-Forwarded-* read. */
export function peerIsTrustedProxy(req: { socket: { remoteAddress?: string } }, trust: TrustProxy): boolean {
  const peer = req.socket.remoteAddress;
  return peer !== undefined && trust(peer, 0);
}
