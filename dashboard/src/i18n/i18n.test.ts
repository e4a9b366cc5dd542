import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { createI18n, interpolate, LANG_STORAGE_KEY, type KeyValueStore } from "./i18n.ts";
import { id } from "./id.ts";

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("i18n", () => {
  it("speaks Indonesian by default", () => {
    const { t, lang } = createI18n(memoryStore());
    expect(lang.value).toBe("id");
    expect(t("nav.map")).toBe("Peta");
  });

  it("switches to English and remembers the choice", () => {
    const store = memoryStore();
    const first = createI18n(store);
    first.setLang("en");
    expect(first.t("nav.map")).toBe("Map");
    expect(store.data.get(LANG_STORAGE_KEY)).toBe("en");
    expect(createI18n(store).lang.value).toBe("en");
  });

  it("ignores a stored value that is not a language", () => {
    expect(createI18n(memoryStore({ [LANG_STORAGE_KEY]: "fr" })).lang.value).toBe("id");
  });

  it("works without storage and survives storage that throws", () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("blocked");
      },
    };
    const i = createI18n(broken);
    expect(i.lang.value).toBe("id");
    i.setLang("en");
    expect(i.t("nav.login")).toBe("Log in");
    expect(createI18n(null).t("nav.login")).toBe("Masuk");
  });

  it("fills parameters and leaves unknown placeholders visible", () => {
    const { t } = createI18n(memoryStore());
    expect(t("users.created", { username: "budi" })).toBe("Pengguna budi dibuat.");
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });

  it("has an English text for every Indonesian key, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe("");
  });

  it("translates known server field messages only in Indonesian", () => {
    const i = createI18n(memoryStore());
    expect(i.serverMessage("at least 10 characters")).toBe("minimal 10 karakter");
    expect(i.serverMessage("something new")).toBe("something new");
    i.setLang("en");
    expect(i.serverMessage("at least 10 characters")).toBe("at least 10 characters");
  });
});
