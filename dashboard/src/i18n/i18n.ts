import { computed, signal } from "@preact/signals";
import { en } from "./en.ts";
import { id, type MessageKey } from "./id.ts";
import { translateServerMessage } from "./server-messages.ts";

export type { MessageKey };
export type Lang = "id" | "en";
export type MessageParams = Record<string, string | number>;

export const LANGS: readonly Lang[] = ["id", "en"];
export const LANG_STORAGE_KEY = "sikanda.lang";
const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };
const locales: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

/** The part of Web Storage we use, so tests can pass a Map-backed fake. */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

const isLang = (v: unknown): v is Lang => v === "id" || v === "en";

/** Fill `{name}` placeholders; unknown placeholders stay visible so a missing param is noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * One language setting for the whole dashboard. `t` reads the `lang` signal, so any component that
 * renders with it re-renders when the language changes.
 */
export function createI18n(storage: KeyValueStore | null) {
  const lang = signal<Lang>(readLang(storage));
  const locale = computed(() => locales[lang.value]);

  function t(key: MessageKey, params?: MessageParams): string {
    return interpolate(dictionaries[lang.value][key] ?? id[key] ?? key, params);
  }

  function setLang(next: Lang) {
    lang.value = next;
    try {
      storage?.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Storage full or blocked (private mode): the choice lasts until reload, which is fine.
    }
  }

  /** Server field messages are English; show them in the chosen language where we know them. */
  const serverMessage = (message: string) => (lang.value === "id" ? translateServerMessage(message) : message);

  return { lang, locale, t, setLang, serverMessage };
}

function readLang(storage: KeyValueStore | null): Lang {
  try {
    const stored = storage?.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : "id";
  } catch {
    return "id";
  }
}

function browserStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // some browsers throw on access when storage is disabled
  }
}

export const i18n = createI18n(browserStorage());
export const { lang, locale, t, setLang, serverMessage } = i18n;
