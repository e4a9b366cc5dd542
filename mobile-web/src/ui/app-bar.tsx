import { useContext } from "preact/hooks";
import { AppContext } from "../app/context.ts";
import { lang, setLang, t } from "../i18n/i18n.ts";

/** Title, connection state, language and logout: always in reach, never in the way. */
export function AppBar() {
  const { connection, session, router } = useContext(AppContext);
  const online = connection.online.value;
  return (
    <header class="app-bar">
      <button type="button" class="app-bar__title" onClick={() => router.navigate({ name: "home" })}>
        SIKANDA
      </button>
      {/* A live region with real text: screen readers hear the change; the dot is for the eye only. */}
      <span class="conn" role="status" data-testid="connection">
        <span class={`dot ${online ? "dot--on" : "dot--off"}`} aria-hidden="true" />
        <span class="visually-hidden">{online ? t("app.online") : t("app.offline")}</span>
      </span>
      <span class="spacer" />
      <button type="button" class="link" onClick={() => void setLang(lang.value === "id" ? "en" : "id")}>
        {lang.value === "id" ? "EN" : "ID"}
      </button>
      <button type="button" class="link" onClick={() => void session.logout()}>
        {t("app.logout")}
      </button>
    </header>
  );
}
