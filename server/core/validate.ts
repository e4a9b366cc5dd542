import type { z } from "zod";
import { invalidInput } from "./errors.ts";

/** Parse input with a schema; throws a 400 AppError carrying a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}
