import { t } from "../i18n/i18n.ts";

/** The server's field messages for a password change (English, from the contract's zod schema and auth service). */
const KNOWN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^required$/, () => t("err.required")],
  [/^wrong password$/, () => t("pw.wrong")],
  [/^must differ from the current one$/, () => t("pw.same")],
  [/^at least (\d+) characters$/, (m) => t("pw.tooShort", { min: m[1]! })],
  [/^at most (\d+) characters$/, (m) => t("err.tooLong", { max: m[1]! })],
];

/** One server field message in the UI language; an unknown one is shown as the server wrote it. */
export function passwordFieldMessage(message: string): string {
  for (const [pattern, text] of KNOWN) {
    const m = pattern.exec(message);
    if (m) return text(m);
  }
  return t("err.server", { message });
}

/** Every field message of a 400, translated. */
export const passwordFieldErrors = (fields: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, passwordFieldMessage(v)]));
