import { useSignal } from "@preact/signals";
import { fieldErrors } from "../i18n/i18n.ts";
import type { RunAction } from "../ui/notice.tsx";
import { models } from "./models.ts";
import { tx } from "./messages.ts";

/** How long each wall panel stays before the next, and whether new alerts sound. */
export function WallSettingsForm({ run }: { run: RunAction }) {
  const current = models.kiosks.settings.value;
  const rotate = useSignal<string | null>(null);
  const sound = useSignal<boolean | null>(null);
  const error = useSignal<unknown>(null);
  if (!current) return null;

  const submit = async (e: Event) => {
    e.preventDefault();
    error.value = null;
    const next = { rotateSeconds: Number(rotate.value ?? current.rotateSeconds), sound: sound.value ?? current.sound };
    const ok = await run(async () => {
      try {
        await models.kiosks.saveSettings(next);
      } catch (err) {
        error.value = err;
        throw err;
      }
    }, tx("kiosks.settings.saved"));
    if (ok) [rotate.value, sound.value] = [null, null];
  };

  const message = fieldErrors(error.value).rotateSeconds;
  return (
    <form class="kiosks-settings" onSubmit={submit} noValidate data-testid="wall-settings">
      <h2>{tx("kiosks.settings.title")}</h2>
      <div class={message ? "field field--invalid" : "field"}>
        <label for="wall-rotate">{tx("kiosks.settings.rotate")}</label>
        <input
          id="wall-rotate"
          name="rotateSeconds"
          type="number"
          min={5}
          max={600}
          value={rotate.value ?? String(current.rotateSeconds)}
          onInput={(e) => (rotate.value = e.currentTarget.value)}
          aria-describedby="wall-rotate-hint"
        />
        <p class="muted" id="wall-rotate-hint">
          {tx("kiosks.settings.rotateHint")}
        </p>
        {message ? (
          <p class="field-error" role="alert">
            {message}
          </p>
        ) : null}
      </div>
      <label class="kiosks-check">
        <input type="checkbox" name="sound" checked={sound.value ?? current.sound} onChange={(e) => (sound.value = e.currentTarget.checked)} />
        {tx("kiosks.settings.sound")}
      </label>
      <button type="submit" class="button" data-testid="wall-settings-save">
        {tx("kiosks.settings.save")}
      </button>
    </form>
  );
}
