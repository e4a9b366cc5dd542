import { createModel, signal } from "@preact/signals";
import type { AuditEntry } from "@contract/users.ts";
import type { Http } from "@kit/http.ts";

const PAGE = 100;

/** The audit log, newest first, paged backwards by id (`before`), as the server offers it. */
export const AuditModel = createModel((http: Http) => {
  /** Actions (none: all), the actor's username, and a WITA date range (instants, `to` exclusive). */
  const filter = signal<{ actions: string[]; actor: string; from?: string; to?: string }>({ actions: [], actor: "" });
  const entries = signal<AuditEntry[]>([]);
  const loading = signal(false);
  const hasMore = signal(false);
  const error = signal<unknown>(null);
  let request = 0;

  async function fetchPage(before?: number) {
    const mine = ++request;
    loading.value = true;
    try {
      const { actions, actor, from, to } = filter.value;
      const query = { action: actions.length ? actions.join(",") : undefined, actor: actor || undefined, from, to, limit: PAGE, before };
      const { data, page } = await http.call("GET /api/audit", { query });
      if (mine !== request) return;
      entries.value = before ? [...entries.value, ...data] : data;
      hasMore.value = page.next !== null;
      error.value = null;
    } catch (err) {
      if (mine === request) error.value = err;
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  function search(next: Partial<typeof filter.value>) {
    filter.value = { ...filter.value, ...next };
    return fetchPage();
  }

  function more() {
    const oldest = entries.value.at(-1);
    return oldest ? fetchPage(oldest.id) : fetchPage();
  }

  return { filter, entries, loading, hasMore, error, load: () => fetchPage(), search, more };
});
