import "./app/app.css";
import { effect } from "@preact/signals";
import { render } from "preact";
import { onSessionLost } from "./api/client.ts";
import { App } from "./app/App.tsx";
import { ROUTES } from "./app/access.ts";
import { models } from "./app/models.ts";
import { currentPath, navigate } from "./app/router.ts";
import { lang, t } from "./i18n/i18n.ts";

// The page's language follows the toggle, for screen readers and hyphenation.
effect(() => {
  document.documentElement.lang = lang.value;
  document.title = t("app.name");
});

// Any unexpected 401 means the server ended the session (expiry, password reset, disabled account).
onSessionLost(() => {
  if (!models.session.user.value) return;
  models.session.clear();
  models.ops.stop();
  const next = currentPath.value;
  navigate(`${ROUTES.login.path}?next=${encodeURIComponent(next)}`, { replace: true });
});

void models.session.refresh();
void models.mapData.load();

render(<App />, document.getElementById("app")!);
