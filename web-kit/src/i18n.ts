import { computed, signal } from "@preact/signals";

export type Lang = "id" | "en";
export type MessageParams = Record<string, string | number>;
export type Dictionary<K extends string> = Record<K, string>;

export const LANGS: readonly Lang[] = ["id", "en"];
/** One key for both apps (same origin): the language chosen on the dashboard holds on the phone too. */
export const LANG_STORAGE_KEY = "sikanda.lang";
const LOCALES: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

/** The part of Web Storage we use, so tests can pass a Map-backed fake. */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

export interface I18nOptions<K extends string> {
  /** Bahasa Indonesia: the default and the fallback for any missing text. */
  id: Dictionary<K>;
  /** English, or a loader for it when most users never switch (the phone keeps it out of the first load). */
  en: Dictionary<K> | (() => Promise<Dictionary<K>>);
  storage?: KeyValueStore | null;
}

/** Fill `{name}` placeholders; unknown placeholders stay visible so a missing param is noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * One language setting for a whole app. `t` reads the `lang` signal, so any component that renders with
 * it re-renders when the language changes. Each app passes its own dictionaries (which spread the kit's
 * shared strings, `kitId` / `kitEn`).
 */
export function createI18n<K extends string>(opts: I18nOptions<K>) {
  const storage = opts.storage === undefined ? browserStorage() : opts.storage;
  const lang = signal<Lang>(readLang(storage));
  const locale = computed(() => LOCALES[lang.value]);
  let english = typeof opts.en === "function" ? null : opts.en;

  function t(key: K, params?: MessageParams): string {
    const dict = lang.value === "en" && english ? english : opts.id;
    return interpolate(dict[key] ?? opts.id[key] ?? key, params);
  }

  /** Switch language; with English already at hand the switch happens before this returns. */
  async function setLang(next: Lang): Promise<void> {
    if (next === "en" && !english && typeof opts.en === "function") english = await opts.en();
    lang.value = next;
    try {
      storage?.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Storage full or blocked (private mode): the choice lasts until reload, which is fine.
    }
  }

  /** Load English before the first render when it was chosen last time; Indonesian if it cannot load. */
  async function ready(): Promise<void> {
    if (lang.value === "en") await setLang("en").catch(() => (lang.value = "id"));
  }

  return { lang, locale, t, setLang, ready };
}

export type I18n<K extends string> = ReturnType<typeof createI18n<K>>;

function readLang(storage: KeyValueStore | null): Lang {
  try {
    // The phone once stored the value JSON-encoded (`"en"`); both forms are read.
    const stored = storage?.getItem(LANG_STORAGE_KEY)?.replace(/"/g, "");
    return stored === "en" ? "en" : "id";
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

/**
 * Strings that belong to one lazily loaded area (a page and what only it imports): both languages ship
 * in the area's own chunk rather than in the app's entry dictionaries, so a page nobody opens costs the
 * first load nothing. The area's `t` follows the app's language signal like the app's own `t`.
 */
export function createAreaText<K extends string>(app: { lang: { value: Lang } }, id: Dictionary<K>, en: Dictionary<K>) {
  return (key: K, params?: MessageParams): string => interpolate((app.lang.value === "en" ? en : id)[key] ?? id[key] ?? key, params);
}
