import { signal } from "@preact/signals";
import { readJson, writeJson } from "../storage/local.ts";
import { id, type MessageKey } from "./id.ts";

export type Lang = "id" | "en";
export type { MessageKey };

const LANG_KEY = "sikanda.lang";

/**
 * The UI language. A module-level signal rather than a model in the app context: every view and the
 * form validation need `t`, and the language has no behaviour to speak of. Components that call `t`
 * during render re-render when it changes.
 */
export const lang = signal<Lang>(readJson(LANG_KEY, (v): v is Lang => v === "id" || v === "en") ?? "id");

/** English loads only when chosen: most officers never switch, and it costs a few KB. */
let english: Record<MessageKey, string> | null = null;

export async function setLang(next: Lang): Promise<void> {
  if (next === "en" && !english) english = (await import("./en.ts")).en;
  writeJson(LANG_KEY, next);
  lang.value = next;
  document.documentElement.lang = next;
}

/** Load English before the first render when it was chosen last time. */
export async function initLang(): Promise<void> {
  if (lang.value === "en") await setLang("en").catch(() => (lang.value = "id"));
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text: string = (lang.value === "en" && english ? english[key] : id[key]) ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

/** Locale for Intl formatting of dates and numbers. */
export const locale = (): string => (lang.value === "en" ? "en-GB" : "id-ID");
