import { createErrorText } from "@kit/error-text.ts";
import { createI18n } from "@kit/i18n.ts";
import { id, type MessageKey } from "./id.ts";

export type { Lang } from "@kit/i18n.ts";
export type { MessageKey };

/**
 * The UI language: the kit's mechanism with the phone's strings. Module-level rather than a model in the
 * app context: every view and the form validation need `t`, and the language has no behaviour to speak
 * of. English loads only when chosen: most officers never switch, and it costs a few KB.
 */
export const i18n = createI18n<MessageKey>({ id, en: () => import("./en.ts").then((m) => m.en) });
export const { lang, locale, t, setLang } = i18n;

/** Load English before the first render when it was chosen last time. */
export const initLang = i18n.ready;

/** Failures by code and field, in the chosen language (server answers and the outbox's `lastError`). */
export const { errorText, fieldErrors, fieldText } = createErrorText(i18n);
