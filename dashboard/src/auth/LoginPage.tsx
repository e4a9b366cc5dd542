import { useSignal } from "@preact/signals";
import { isApiError } from "../api/api-error.ts";
import { landingPath } from "../app/access.ts";
import { models } from "../app/models.ts";
import { navigate, queryParam, safeNext } from "../app/router.ts";
import { t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { errorText, fieldErrors } from "../ui/error-text.ts";
import { TextField } from "../ui/TextField.tsx";

const OFFICER_APP = "/m/";

function loginErrorText(err: unknown): string {
  if (isApiError(err) && err.code === "unauthenticated") return t("login.failed");
  if (isApiError(err) && err.code === "too_many_requests")
    return t("login.throttled", { minutes: Math.max(1, Math.ceil((err.retryAfter ?? 900) / 60)) });
  return errorText(err);
}

export function LoginPage() {
  const { session } = models;
  const username = useSignal("");
  const password = useSignal("");
  const busy = useSignal(false);
  const error = useSignal<unknown>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      const user = await session.login({ username: username.value, password: password.value });
      navigate(safeNext(queryParam("next")) ?? landingPath(user.role), { replace: true });
    } catch (err) {
      error.value = err;
      password.value = "";
    } finally {
      busy.value = false;
    }
  };

  const fields = fieldErrors(error.value);
  return (
    <div class="page page-narrow">
      <h1>{t("login.title")}</h1>
      {error.value ? (
        <Banner kind="error" testId="login-error">
          {loginErrorText(error.value)}
        </Banner>
      ) : null}
      <form class="form" onSubmit={submit} noValidate>
        <TextField
          label={t("login.username")}
          name="username"
          value={username.value}
          onInput={(v) => (username.value = v)}
          error={fields.username}
          autoComplete="username"
          required
        />
        <TextField
          label={t("login.password")}
          name="password"
          type="password"
          value={password.value}
          onInput={(v) => (password.value = v)}
          error={fields.password}
          autoComplete="current-password"
          required
        />
        <button type="submit" class="button" data-testid="login-submit" disabled={busy.value}>
          {t("login.submit")}
        </button>
      </form>
      <p class="muted">
        {t("login.officerHint", { path: OFFICER_APP })} <a href={OFFICER_APP}>{t("login.openOfficerApp")}</a>
      </p>
    </div>
  );
}
