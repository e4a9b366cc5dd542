import { useSignal } from "@preact/signals";
import { isApiError } from "@kit/api-error.ts";
import { Link } from "../app/Link.tsx";
import { models } from "../app/models.ts";
import { navigate } from "../app/router.ts";
import { errorText, fieldErrors } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { TextFields } from "../ui/form.tsx";
import { gt } from "./messages.ts";

function registerErrorText(err: unknown): string {
  if (isApiError(err) && err.code === "too_many_requests") return gt("guest.register.throttled", { minutes: Math.max(1, Math.ceil((err.retryAfter ?? 3600) / 60)) });
  return errorText(err);
}

/** A guest (pengguna informasi) registers: e-mail or phone, name, password, consent; signed in at once. */
export function RegisterPage() {
  const values = useSignal({ contact: "", displayName: "", password: "" });
  const consent = useSignal(false);
  const busy = useSignal(false);
  const error = useSignal<unknown>(null);
  const consentMissing = useSignal(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    consentMissing.value = !consent.value;
    if (!consent.value) return;
    busy.value = true;
    error.value = null;
    try {
      await models.session.register({ ...values.value, consent: true });
      navigate("/profile", { replace: true });
    } catch (err) {
      error.value = err;
    } finally {
      busy.value = false;
    }
  };

  const fields = fieldErrors(error.value);
  return (
    <div class="page page-narrow" data-testid="register-page">
      <h1>{gt("guest.register.title")}</h1>
      <p class="muted">{gt("guest.register.intro")}</p>
      {error.value ? (
        <Banner kind="error" testId="register-error">
          {registerErrorText(error.value)}
        </Banner>
      ) : null}
      <form class="form" onSubmit={submit} noValidate>
        <TextFields
          values={values}
          errors={fields}
          specs={[
            { name: "contact", label: gt("guest.register.contact"), hint: gt("guest.register.contactHint"), autoComplete: "username", required: true },
            { name: "displayName", label: gt("guest.register.name"), autoComplete: "name", required: true },
            { name: "password", label: gt("guest.register.password"), hint: gt("guest.register.passwordHint"), type: "password", autoComplete: "new-password", required: true },
          ]}
        />
        <label class="check">
          <input type="checkbox" data-testid="register-consent" checked={consent.value} onChange={(e) => (consent.value = e.currentTarget.checked)} />
          <span>{gt("guest.register.consent")}</span>
        </label>
        {consentMissing.value || fields.consent ? <p class="field-error">{gt("guest.register.consentRequired")}</p> : null}
        <button type="submit" class="button" data-testid="register-submit" disabled={busy.value}>
          {gt("guest.register.submit")}
        </button>
      </form>
      <p class="muted">
        {gt("guest.register.haveAccount")} <Link href="/login">{gt("guest.register.login")}</Link>
      </p>
      <p class="muted">{gt("guest.register.staffNote")}</p>
    </div>
  );
}
