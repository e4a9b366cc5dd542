import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { t } from "../i18n/i18n.ts";
import type { PathParams } from "./path-pattern.ts";

/** What every page receives: the parameters of its path pattern (`/ops/reports/:id` → `params.id`). */
export interface PageProps {
  params: PathParams;
}

export type Page = ComponentType<PageProps>;

/**
 * A page whose code downloads on its first visit: the public map's visitors never fetch admin or ops
 * code. While it loads the page says so; a failed download (a dropped link) offers a retry instead of
 * a blank screen. Loaded once, it renders at once on every later visit. (A few lines instead of
 * preact/compat's `lazy` + Suspense, as on the phone.)
 */
export function lazyPage(load: () => Promise<Page>): Page {
  let loaded: Page | null = null;
  let pending: Promise<Page> | null = null;
  const fetchPage = () => (pending ??= load().then((page) => (loaded = page), (err: unknown) => ((pending = null), Promise.reject(err))));

  return function LazyPage(props: PageProps) {
    const [page, setPage] = useState<Page | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (page) return;
      let live = true;
      fetchPage().then(
        (p) => live && setPage(() => p),
        () => live && setFailed(true),
      );
      return () => void (live = false);
    }, [attempt]);

    if (page) {
      const Loaded = page;
      return <Loaded {...props} />;
    }
    if (failed)
      return (
        <div class="page" role="alert" data-testid="page-load-failed">
          <p>{t("page.loadFailed")}</p>
          <button type="button" class="button" onClick={() => (setFailed(false), setAttempt(attempt + 1))}>
            {t("common.retry")}
          </button>
        </div>
      );
    return (
      <p class="page-loading" role="status" data-testid="page-loading">
        {t("common.loading")}
      </p>
    );
  };
}
