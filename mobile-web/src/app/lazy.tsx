import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { t } from "../i18n/i18n.ts";

/**
 * A view whose code downloads on first use (a few lines instead of preact/compat's `lazy` + Suspense).
 * Offline, the service worker serves the chunk from its precache; if even that fails (first visit never
 * finished), the officer gets a retry button instead of a blank screen.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyView(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (component) return;
      let live = true;
      load().then(
        (c) => {
          loaded = c;
          if (live) setComponent(() => c);
        },
        () => live && setFailed(true),
      );
      return () => void (live = false);
    }, [attempt]);
    if (component) {
      const C = component;
      return <C {...props} />;
    }
    if (failed)
      return (
        <div class="panel">
          <p>{t("app.loadFailed")}</p>
          <button type="button" class="btn" onClick={() => (setFailed(false), setAttempt(attempt + 1))}>
            {t("app.retry")}
          </button>
        </div>
      );
    return <p class="muted pad">{t("app.loading")}</p>;
  };
}
