import { isApiError } from "../api/api-error.ts";
import { serverMessage, t } from "../i18n/i18n.ts";

/** A failure as one sentence in the chosen language; field messages are shown beside their fields. */
export function errorText(err: unknown): string {
  if (!isApiError(err)) return t("error.generic");
  switch (err.code) {
    case "network":
      return t("error.network");
    case "invalid_input":
      return Object.keys(err.fields).length ? t("error.invalid_input") : serverMessage(err.message);
    case "conflict":
      return t("error.conflict", { message: serverMessage(err.message) });
    case "unauthenticated":
    case "forbidden":
    case "not_found":
    case "too_many_requests":
    case "internal":
      return t(`error.${err.code}`);
    default:
      return serverMessage(err.message) || t("error.generic");
  }
}

/** Per-field messages of a 400, translated where we know them. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!isApiError(err)) return {};
  return Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, serverMessage(v)]));
}
