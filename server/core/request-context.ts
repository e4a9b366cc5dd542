/**
 * Who made a request and from where, as a plain value: built once by the route layer (auth's
 * `requestContext(req)`), handed to services, which never see an Express `Request`. Every field may be
 * absent: jobs and startup (the initial admin) act with no request at all.
 */
export interface RequestContext {
  /** The signed-in user; absent or null before login. */
  user?: { id: string; username: string } | null;
  /** The client's address as Express resolved it (TRUST_PROXY decides whether X-Forwarded-For counts). */
  ip?: string | null;
  userAgent?: string | null;
}
