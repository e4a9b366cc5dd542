import { useSignal } from "@preact/signals";
import type { KioskTokenView } from "@contract/wall.ts";
import { tx } from "./messages.ts";

/** The new screen's address, shown this once, with a copy button (the server keeps only the token's hash). */
export function IssuedKiosk({ issued, onDismiss }: { issued: { kiosk: KioskTokenView; url: string }; onDismiss: () => void }) {
  const copied = useSignal(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(issued.url).then(
      () => (copied.value = true),
      () => undefined,
    );
  };
  return (
    <section class="kiosks-issued" data-testid="kiosk-issued" aria-labelledby="kiosk-issued-title">
      <h2 id="kiosk-issued-title">{tx("kiosks.issued.title", { label: issued.kiosk.label })}</h2>
      <p>{tx("kiosks.issued.once")}</p>
      <div class="kiosks-row">
        {/* Selected on focus: copying by hand works where the clipboard API does not (plain http). */}
        <input class="kiosks-url" readOnly value={issued.url} data-testid="kiosk-url" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button" data-testid="kiosk-copy" onClick={() => void copy()}>
          {copied.value ? tx("kiosks.issued.copied") : tx("kiosks.issued.copy")}
        </button>
        <button type="button" class="button-quiet" data-testid="kiosk-dismiss" onClick={onDismiss}>
          {tx("kiosks.issued.dismiss")}
        </button>
      </div>
    </section>
  );
}
