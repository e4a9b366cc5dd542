import { createI18n } from "@kit/i18n.ts";
import { createErrorText } from "@kit/error-text.ts";
import { id, type MessageKey } from "./id.ts";

export type { MessageKey };
export { LANGS, type Lang } from "@kit/i18n.ts";

/**
 * The dashboard's language: the kit's mechanism with the dashboard's screen strings (which carry the
 * kit's shared ones). English downloads only when chosen: the public map's first load on a slow link
 * carries one language.
 */
export const i18n = createI18n<MessageKey>({ id, en: () => import("./en.ts").then((m) => m.en) });
export const { lang, locale, t, setLang } = i18n;

/** Load English before the first render when it was chosen last time. */
export const initLang = i18n.ready;

/** Failures by code and field, in the chosen language. */
export const { errorText, fieldErrors } = createErrorText(i18n);
