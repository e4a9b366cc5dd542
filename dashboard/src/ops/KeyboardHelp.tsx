import { t, type MessageKey } from "../i18n/i18n.ts";

const KEYS: [string, MessageKey][] = [
  ["j / ↓", "keys.next"],
  ["k / ↑", "keys.previous"],
  ["Enter", "keys.open"],
  ["v", "keys.verify"],
  ["r", "keys.reject"],
  ["t", "keys.revise"],
  ["x", "keys.select"],
  ["Esc", "keys.escape"],
  ["?", "keys.help"],
];

/** The queue's keys, shown on `?` (and from the button beside the title). */
export function KeyboardHelp({ onClose }: { onClose(): void }) {
  return (
    <section class="keys-help" data-testid="keys-help" aria-label={t("keys.title")}>
      <div class="ops-head">
        <h2>{t("keys.title")}</h2>
        <button type="button" class="button-quiet" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
      <dl>
        {KEYS.map(([key, label]) => (
          <div key={key} class="keys-row">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
