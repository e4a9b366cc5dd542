import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { useSignal } from "@preact/signals";
import { AppContext } from "../app/context.ts";
import { lang, setLang, t } from "../i18n/i18n.ts";
import type { LoginOutcome } from "./session.model.ts";
import { shellInput } from "./shell-input.ts";

function outcomeMessage(o: Exclude<LoginOutcome, { ok: true }>): string {
  switch (o.reason) {
    case "credentials":
      return t("login.credentials");
    case "throttled":
      return o.retryAfterSeconds ? t("login.throttled", { minutes: Math.max(1, Math.ceil(o.retryAfterSeconds / 60)) }) : t("login.throttledSoon");
    case "network":
      return t("login.network");
    case "invalid":
      return t("login.invalid");
    case "not-officer":
      return t("login.notOfficer", { role: o.role });
    case "server":
      return t("login.server");
  }
}

/**
 * Login. Field names (`username`, `password`, a submit button) are relied on by browser tests. Needs the
 * network once; after that the cached user opens the app offline.
 */
export function LoginView() {
  const { session, connection } = useContext(AppContext);
  const busy = useSignal(false);
  const failure = useSignal<Exclude<LoginOutcome, { ok: true }> | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  // Typing began in the page's static form: carry on with the same values, in the same field — once (a
  // later login, after a logout, starts empty).
  const [typed] = useState(() => ({ ...shellInput }));
  useEffect(() => {
    const focused = typed.focused === "username" ? usernameRef.current : typed.focused === "password" ? passwordRef.current : null;
    focused?.focus();
    Object.assign(shellInput, { username: "", password: "", focused: null, submitted: false });
    if (typed.submitted && typed.username && typed.password) passwordRef.current?.form?.requestSubmit();
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const username = (form.elements.namedItem("username") as HTMLInputElement).value;
    const password = (form.elements.namedItem("password") as HTMLInputElement).value;
    if (!username.trim() || !password) return void (failure.value = { ok: false, reason: "invalid" });
    busy.value = true;
    failure.value = null;
    const outcome = await session.login(username, password);
    busy.value = false;
    if (!outcome.ok) failure.value = outcome;
  }

  const f = failure.value;
  return (
    <main class="login">
      <div class="login__head">
        <img src="/m/icons/icon-192.png" alt="" width={64} height={64} />
        <h1>{t("app.name")}</h1>
        <p class="muted">{t("login.subtitle")}</p>
      </div>
      {session.expired.value && <p class="banner banner--warn">{t("login.expired")}</p>}
      {!connection.online.value && <p class="banner">{t("login.offlineHint")}</p>}
      <form class="panel stack" onSubmit={submit} noValidate>
        <h2>{t("login.title")}</h2>
        <label class="field">
          <span class="field__label">{t("login.username")}</span>
          <input
            ref={usernameRef}
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            defaultValue={typed.username || session.lastUsername.value}
            required
          />
        </label>
        <label class="field">
          <span class="field__label">{t("login.password")}</span>
          <input ref={passwordRef} name="password" type="password" autocomplete="current-password" defaultValue={typed.password} required />
        </label>
        {f && (
          <p class="error" role="alert">
            {outcomeMessage(f)}
            {f.reason === "not-officer" && (
              <>
                {" "}
                <a href="/">{t("login.openDashboard")}</a>
              </>
            )}
          </p>
        )}
        <button type="submit" class="btn btn--primary btn--block" disabled={busy.value}>
          {busy.value ? t("login.busy") : t("login.submit")}
        </button>
      </form>
      <button type="button" class="link center" onClick={() => void setLang(lang.value === "id" ? "en" : "id")}>
        {t("app.language")}
      </button>
    </main>
  );
}
