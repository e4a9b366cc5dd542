import { describe, expect, it } from "vitest";
import { createAreaText, createI18n, interpolate, LANG_STORAGE_KEY, type KeyValueStore } from "./i18n.ts";

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const id = { "nav.map": "Peta", "nav.login": "Masuk", greet: "Halo {name}" };
const en = { "nav.map": "Map", "nav.login": "Log in", greet: "Hello {name}" };

describe("i18n", () => {
  it("speaks Indonesian by default", () => {
    const { t, lang, locale } = createI18n({ id, en, storage: memoryStore() });
    expect(lang.value).toBe("id");
    expect(locale.value).toBe("id-ID");
    expect(t("nav.map")).toBe("Peta");
  });

  it("switches to English at once and remembers the choice", () => {
    const store = memoryStore();
    const first = createI18n({ id, en, storage: store });
    void first.setLang("en");
    expect(first.t("nav.map")).toBe("Map");
    expect(store.data.get(LANG_STORAGE_KEY)).toBe("en");
    expect(createI18n({ id, en, storage: store }).lang.value).toBe("en");
  });

  it("loads a lazy English before switching, and before the first render when chosen last time", async () => {
    const store = memoryStore({ [LANG_STORAGE_KEY]: '"en"' }); // the phone's old JSON-encoded form
    const i = createI18n({ id, en: async () => en, storage: store });
    expect(i.t("nav.map")).toBe("Peta");
    await i.ready();
    expect(i.t("nav.map")).toBe("Map");
  });

  it("stays Indonesian when English cannot load", async () => {
    const i = createI18n({ id, en: () => Promise.reject(new Error("offline")), storage: memoryStore({ [LANG_STORAGE_KEY]: "en" }) });
    await i.ready();
    expect(i.lang.value).toBe("id");
  });

  it("ignores a stored value that is not a language, works without storage and survives storage that throws", () => {
    expect(createI18n({ id, en, storage: memoryStore({ [LANG_STORAGE_KEY]: "fr" }) }).lang.value).toBe("id");
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("blocked");
      },
    };
    const i = createI18n({ id, en, storage: broken });
    expect(i.lang.value).toBe("id");
    void i.setLang("en");
    expect(i.t("nav.login")).toBe("Log in");
    expect(createI18n({ id, en, storage: null }).t("nav.login")).toBe("Masuk");
  });

  it("fills parameters and leaves unknown placeholders visible", () => {
    expect(createI18n({ id, en, storage: null }).t("greet", { name: "budi" })).toBe("Halo budi");
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });

  it("gives an area its own strings that follow the app's language", async () => {
    const app = createI18n({ id, en, storage: null });
    const t = createAreaText(app, { "stats.title": "Statistik {year}" }, { "stats.title": "Statistics {year}" });
    expect(t("stats.title", { year: 2026 })).toBe("Statistik 2026");
    await app.setLang("en");
    expect(t("stats.title", { year: 2026 })).toBe("Statistics 2026");
  });
});
