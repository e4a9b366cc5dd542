import { useSignal } from "@preact/signals";
import { errorText } from "../i18n/i18n.ts";
import { Banner } from "./Banner.tsx";

export type Notice = { kind: "success" | "error"; text: string };

/** Runs a change and shows its outcome on the page; resolves whether it worked (a form keeps its input if not). */
export type RunAction = (action: () => Promise<unknown>, success: string) => Promise<boolean>;

/** A page's outcome line for the changes made on it: what worked, or why not in the user's language. */
export function useNotice() {
  const notice = useSignal<Notice | null>(null);
  const run: RunAction = async (action, success) => {
    notice.value = null;
    try {
      await action();
      notice.value = { kind: "success", text: success };
      return true;
    } catch (err) {
      notice.value = { kind: "error", text: errorText(err) };
      return false;
    }
  };
  return { notice, run };
}

/** The page's notice (by test id) and its model's load failure, if any. */
export function PageNotices({ notice, testId, loadError }: { notice: Notice | null; testId: string; loadError: unknown }) {
  return (
    <>
      {notice ? (
        <Banner kind={notice.kind} testId={testId}>
          {notice.text}
        </Banner>
      ) : null}
      {loadError ? <Banner kind="error">{errorText(loadError)}</Banner> : null}
    </>
  );
}
