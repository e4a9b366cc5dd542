import type { z } from "zod";
import { invalid, zodFields } from "./errors.ts";

/** Parse input with a schema; throws a 400 AppError carrying a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid("Input is not valid", zodFields(result.error));
  return result.data;
}
