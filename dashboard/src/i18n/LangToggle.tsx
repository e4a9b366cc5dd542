import { LANGS, lang, setLang, t } from "./i18n.ts";

const shortNames = { id: "ID", en: "EN" } as const;

/** Two-button language switch; the pressed state tells screen readers which one is active. */
export function LangToggle() {
  return (
    <div class="lang-toggle" role="group" aria-label={t("lang.label")}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          data-testid={`lang-${l}`}
          aria-pressed={lang.value === l}
          title={t(`lang.${l}`)}
          onClick={() => setLang(l)}
        >
          {shortNames[l]}
        </button>
      ))}
    </div>
  );
}
