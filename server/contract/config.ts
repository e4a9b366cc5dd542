import { z } from "zod";

/** `GET /api/config`: what browsers may know about the deployment (server/config.ts picks it). */
export const PublicConfig = z.strictObject({
  /** Map tile URL template (`{z}/{x}/{y}`). */
  tileUrl: z.string(),
  tileAttribution: z.string(),
  /** IANA zone the deployment reports in (Asia/Makassar, WITA). */
  timeZone: z.string(),
});
export type PublicConfig = z.infer<typeof PublicConfig>;
