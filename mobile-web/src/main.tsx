import "@kit/zod-setup.ts";
import "./ui/styles.css";
import { effect } from "@preact/signals";
import { hydrate, render } from "preact";
import { App } from "./app/app.tsx";
import { AppContext, createAppModels, wireModels } from "./app/context.ts";
import { initLang, lang, t } from "./i18n/i18n.ts";
import { registerServiceWorker } from "./pwa/register.ts";
import { takeShellInput } from "./auth/shell-input.ts";

/**
 * Boot: models, first paint, then everything that can wait (the sync engine, boundaries, the service
 * worker) — so an officer with one bar of 3G sees the app before the rest arrives.
 */
async function boot() {
  await initLang();
  // The page's language follows the setting, for screen readers and hyphenation; so do its title and the
  // description a search result or a shared link shows (index.html carries the Indonesian ones).
  effect(() => {
    document.documentElement.lang = lang.value;
    document.title = t("app.name");
    document.querySelector('meta[name="description"]')?.setAttribute("content", t("app.description"));
  });
  const models = createAppModels();
  const root = document.getElementById("app")!;
  // What the page showed while the script loaded: a placeholder, or (first visit, from the network) a
  // static login form. Signed out, the app adopts that form's elements (hydrate), so what is being typed
  // stays where it is; anything else replaces it.
  takeShellInput(root, document.activeElement);
  const adopt = root.querySelector("[data-login-shell]") !== null && !models.session.user.value;
  if (!adopt) root.textContent = "";
  (adopt ? hydrate : render)(
    <AppContext.Provider value={models}>
      <App />
    </AppContext.Provider>,
    root,
  );
  const afterPaint = () => {
    wireModels(models);
    registerServiceWorker();
  };
  requestAnimationFrame(() => setTimeout(afterPaint, 0));
}

void boot();
