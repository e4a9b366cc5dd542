import type { z } from "zod";
import { fieldIssueOf, type FieldIssue } from "@contract/errors.ts";

/** A failure shaped like the server's 400, so the app's `fieldErrors` puts each problem beside its field. */
export interface LocalInvalid {
  code: "invalid_input";
  message: string;
  fields: Record<string, string>;
  fieldIssues: Record<string, FieldIssue>;
}

/**
 * Input checked with the contract's own schema before it is sent: the same rules and field paths
 * (`note`, `spike.params.alpha`) as the server's answer, so a problem shows beside its field whichever
 * side found it, in the reader's language. Null when there is none.
 */
export function checkLocally(schema: z.ZodType, input: unknown): LocalInvalid | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return null;
  const fields: Record<string, string> = {};
  const fieldIssues: Record<string, FieldIssue> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    if (key in fields) continue;
    fields[key] = issue.message;
    fieldIssues[key] = fieldIssueOf(issue);
  }
  return { code: "invalid_input", message: "Input is not valid", fields, fieldIssues };
}
