import { createI18n } from "@kit/i18n.ts";
import { createErrorText } from "@kit/error-text.ts";
import { en } from "./en.ts";
import { id, type MessageKey } from "./id.ts";

export type { MessageKey };
export { LANGS, type Lang } from "@kit/i18n.ts";

/**
 * The dashboard's language: the kit's mechanism with the dashboard's screen strings (which carry the
 * kit's shared ones). Both languages load at once: a desk screen can afford the few KB.
 */
export const i18n = createI18n<MessageKey>({ id, en });
export const { lang, locale, t, setLang } = i18n;

/** Failures by code and field, in the chosen language. */
export const { errorText, fieldErrors } = createErrorText(i18n);
