import { createHttp } from "@kit/http.ts";

export type { ApiResult } from "@kit/http.ts";

/**
 * The phone's client: the kit's, answering values (`{ ok, status, data | error }`) so views never see a
 * thrown fetch or a portal's page, with a timeout sized for a slow rural connection.
 */
export const { send: apiCall } = createHttp({ timeoutMs: 20_000 });
