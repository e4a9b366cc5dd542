// First: zod's jitless setting, before any page chunk that builds schemas can load (see the file).
import "@kit/zod-setup.ts";
import "./app/app.css";
import { effect } from "@preact/signals";
import { render } from "preact";
import { onSessionLost } from "./api/client.ts";
import { App } from "./app/App.tsx";
import { ROUTES } from "./app/access.ts";
import { models } from "./app/models.ts";
import { currentPath, navigate } from "./app/router.ts";
import { initLang, lang, t } from "./i18n/i18n.ts";

// The boundaries first: on a slow link they are what the first screen waits for.
void models.mapData.load();
// Then who is signed in, for the top bar (a public probe: an anonymous visit logs no 401).
void models.session.refresh();

// Any unexpected 401 means the server ended the session (expiry, password reset, disabled account).
// Areas with live connections stop them on their own when the user goes (ops/models.ts).
onSessionLost(() => {
  if (!models.session.user.value) return;
  models.session.clear();
  const next = currentPath.value;
  navigate(`${ROUTES.login.path}?next=${encodeURIComponent(next)}`, { replace: true });
});

async function boot() {
  await initLang();
  // The page's language follows the toggle, for screen readers, hyphenation and search snippets.
  const description = document.querySelector('meta[name="description"]');
  effect(() => {
    document.documentElement.lang = lang.value;
    document.title = t("app.name");
    description?.setAttribute("content", t("app.description"));
  });
  const root = document.getElementById("app")!;
  root.textContent = ""; // the static frame of index.html, shown while the scripts loaded
  render(<App />, root);
}

void boot();
