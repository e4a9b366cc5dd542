import { z } from "zod";

/**
 * The one answer shape of the REST API: a success is `{ data }`, a list `{ data, page }`, a failure
 * `{ error }` (errors.ts). Strict objects, so an answer carrying anything else (`lastSeq`, `user`, a bare
 * result) fails the contract test instead of slipping through.
 */

/** Where a list stands. Every list answer has one, paged or not. */
export const Page = z.strictObject({
  /** Items matching in all, when the route counts them; null when it does not (feeds, time-ordered logs). */
  total: z.number().int().min(0).nullable(),
  /**
   * The cursor of the next page: send it back as the route's cursor query parameter (the `cursor` of its
   * entry in routes.ts). Null on the last page. A page that is exactly full may be followed by an empty one.
   */
  next: z.string().nullable(),
  /** The change-log seq this answer is as of: a live client resumes `GET /api/changes?after=` from it. */
  seq: z.number().int().min(0).optional(),
});
export type Page = z.infer<typeof Page>;

/** `{ data }` around one value. */
export const dataOf = <T extends z.ZodType>(data: T) => z.strictObject({ data });

/** `{ data, page }` around a list of items. */
export const pageOf = <T extends z.ZodType>(item: T) => z.strictObject({ data: z.array(item), page: Page });

export interface Envelope<T> {
  data: T;
}

export interface Paged<T> {
  data: T[];
  page: Page;
}
