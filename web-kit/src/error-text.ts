import type { ReadonlySignal } from "@preact/signals";
import type { FieldIssue, FieldIssueCode } from "@contract/errors.ts";
import type { Lang, MessageParams } from "./i18n.ts";
import type { KitKey } from "./messages.id.ts";
import { knownServerText } from "./server-text.ts";

/** What the error texts need of an app's i18n (its `t` knows the kit's keys). */
export interface KitI18n {
  t: (key: KitKey, params?: MessageParams) => string;
  lang: ReadonlySignal<Lang>;
}

/** An error as the server (or the phone's outbox) holds it: an ApiError, a stored `lastError`. */
export interface ErrorLike {
  code: string;
  message: string;
  fields?: Record<string, string>;
  fieldIssues?: Record<string, FieldIssue>;
}

const isErrorLike = (e: unknown): e is ErrorLike =>
  typeof e === "object" && e !== null && typeof (e as ErrorLike).code === "string" && typeof (e as ErrorLike).message === "string";

/** Codes whose generic text says all there is: the server's message adds nothing the user can act on. */
const BY_CODE_ONLY = new Set(["unauthenticated", "forbidden", "not_found", "too_many_requests", "internal"]);

/** The phone's own codes for answers that never came or made no sense: to the user, no connection. */
const NO_ANSWER = new Set(["network", "timeout", "bad_answer"]);

/**
 * zod's own English messages, as stored by phones before the server sent `fieldIssues`: recognised so
 * that even an old refused report shows a translated text.
 */
const ZOD_DEFAULTS: [RegExp, (m: RegExpExecArray) => FieldIssue][] = [
  [/received (undefined|null)$/, () => ({ code: "required" })],
  [/^Invalid option/, () => ({ code: "choose_one" })],
  [/^Too small: expected string to have >=(\d+)/, (m) => (m[1] === "1" ? { code: "required" } : { code: "too_short", limit: Number(m[1]) })],
  [/^Too big: expected string to have <=(\d+)/, (m) => ({ code: "too_long", limit: Number(m[1]) })],
  [/^Too small: expected \w+ to (?:be|have) >=?(\d+)/, (m) => ({ code: "too_small", limit: Number(m[1]) })],
  [/^Too big: expected \w+ to (?:be|have) <=?(\d+)/, (m) => ({ code: "too_big", limit: Number(m[1]) })],
  [/^Invalid input: expected int/, () => ({ code: "not_integer" })],
  [/^Invalid input: expected number/, () => ({ code: "not_number" })],
  [/^Invalid ISO date/, () => ({ code: "bad_date" })],
];

function legacyIssue(message: string): FieldIssue | null {
  for (const [pattern, issue] of ZOD_DEFAULTS) {
    const m = pattern.exec(message);
    if (m) return issue(m);
  }
  return null;
}

/**
 * Error texts in the user's language, by code and by field. Never the server's raw message: it is
 * shown only when it is one of the hand-written messages the kit knows (server-text.ts), translated.
 */
export function createErrorText({ t, lang }: KitI18n) {
  const known = (message: string) => knownServerText(message, lang.value);
  const issueText = (issue: FieldIssue) => t(`field.${issue.code satisfies FieldIssueCode}`, { limit: issue.limit ?? "" });

  /** One field's problem: by its stable code, else a known message, else zod's message read, else generic. */
  function fieldText(message: string, issue?: FieldIssue): string {
    if (issue && issue.code !== "invalid") return issueText(issue);
    const legacy = issue ? null : legacyIssue(message);
    return known(message) ?? (legacy ? issueText(legacy) : t("field.invalid"));
  }

  /** Every field problem of a failure, by the server's dotted path, in the user's language. */
  function fieldErrors(err: unknown): Record<string, string> {
    if (!isErrorLike(err)) return {};
    const out: Record<string, string> = {};
    for (const [path, message] of Object.entries(err.fields ?? {})) out[path] = fieldText(message, err.fieldIssues?.[path]);
    return out;
  }

  /** A failure as one sentence; field problems are shown beside their fields (see `fieldErrors`). */
  function errorText(err: unknown): string {
    if (!isErrorLike(err)) return t("error.generic");
    if (BY_CODE_ONLY.has(err.code) || NO_ANSWER.has(err.code)) return codeText(err.code);
    const text = known(err.message);
    switch (err.code) {
      case "invalid_input":
        return Object.keys(err.fields ?? {}).length ? t("error.invalid_input") : (text ?? t("error.bad_request"));
      case "conflict":
        return text ? t("error.conflict", { message: text }) : t("error.conflict_plain");
      default:
        return text ?? codeText(err.code);
    }
  }

  /** The text of a code; `t` answers the key itself for a code without one (a newer server's). */
  function codeText(code: string): string {
    const key = `error.${NO_ANSWER.has(code) ? "network" : code}` as KitKey;
    const text = t(key);
    return text === key ? t("error.generic") : text;
  }

  return { errorText, fieldErrors, fieldText };
}

export type ErrorText = ReturnType<typeof createErrorText>;
