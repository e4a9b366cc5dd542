import { useSignal } from "@preact/signals";
import { isApiError } from "@kit/api-error.ts";
import { landingPath } from "../app/access.ts";
import { models } from "../app/models.ts";
import { Link } from "../app/Link.tsx";
import { navigate, queryParam, safeNext } from "../app/router.ts";
import { errorText, fieldErrors, t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { TextFields } from "../ui/form.tsx";

const OFFICER_APP = "/m/";

function loginErrorText(err: unknown): string {
  if (isApiError(err) && err.code === "unauthenticated") return t("login.failed");
  if (isApiError(err) && err.code === "too_many_requests")
    return t("login.throttled", { minutes: Math.max(1, Math.ceil((err.retryAfter ?? 900) / 60)) });
  return errorText(err);
}

export function LoginPage() {
  const { session } = models;
  const values = useSignal({ username: "", password: "" });
  const busy = useSignal(false);
  const error = useSignal<unknown>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      const user = await session.login(values.value);
      navigate(safeNext(queryParam("next")) ?? landingPath(user.role), { replace: true });
    } catch (err) {
      error.value = err;
      values.value = { ...values.value, password: "" };
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
        <TextFields
          values={values}
          errors={fields}
          specs={[
            { name: "username", label: t("login.username"), autoComplete: "username", required: true },
            { name: "password", label: t("login.password"), type: "password", autoComplete: "current-password", required: true },
          ]}
        />
        <button type="submit" class="button" data-testid="login-submit" disabled={busy.value}>
          {t("login.submit")}
        </button>
      </form>
      <p class="muted">
        {t("login.guestHint")} <Link href="/daftar" data-testid="register-link">{t("login.register")}</Link>
      </p>
      <p class="muted">
        {t("login.officerHint", { path: OFFICER_APP })} <a href={OFFICER_APP}>{t("login.openOfficerApp")}</a>
      </p>
    </div>
  );
}
