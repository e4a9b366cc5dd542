import { periodOf, witaDay } from "@contract/periods.ts";

/**
 * The access-matrix case of the tiered-report draft (server/periodic-drafts): officers only, each their
 * own. The officer audience answers 200 with a draft of this week — which holds the situation report the
 * matrix files for it — so the answer's shape is checked against the contract there, with data in it.
 */
export const PERIODIC_CASES = {
  "GET /api/periodic/draft": {
    expect: { anonymous: 401, guest: 403, officer: 200, verifier: 403, leader: 403, admin: 403 },
    path: () => `/api/periodic/draft?kind=weekly&period=${periodOf("week", witaDay(new Date()))}`,
  },
};
