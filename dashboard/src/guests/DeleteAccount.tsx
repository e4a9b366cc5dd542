import { useSignal } from "@preact/signals";
import { models } from "../app/models.ts";
import { navigate } from "../app/router.ts";
import { errorText, fieldErrors } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { TextFields } from "../ui/form.tsx";
import { gt } from "./messages.ts";

/** On a guest's profile: close the account for good, password confirmed. */
export function DeleteAccount() {
  const values = useSignal({ password: "" });
  const busy = useSignal(false);
  const error = useSignal<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!confirm(gt("guest.delete.confirm"))) return;
    busy.value = true;
    error.value = null;
    try {
      await models.session.deleteOwnAccount(values.value.password);
      navigate("/", { replace: true });
    } catch (err) {
      error.value = err;
      values.value = { password: "" };
    } finally {
      busy.value = false;
    }
  };
  return (
    <section class="danger-zone" data-testid="delete-account">
      <h2>{gt("guest.delete.title")}</h2>
      <p class="muted">{gt("guest.delete.intro")}</p>
      {error.value ? <Banner kind="error">{errorText(error.value)}</Banner> : null}
      <form class="form" onSubmit={submit} noValidate>
        <TextFields values={values} errors={fieldErrors(error.value)} specs={[{ name: "password", label: gt("guest.delete.password"), type: "password", autoComplete: "current-password", required: true }]} />
        <button type="submit" class="button button-danger" data-testid="delete-account-submit" disabled={busy.value}>
          {gt("guest.delete.submit")}
        </button>
      </form>
    </section>
  );
}
