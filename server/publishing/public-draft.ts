import { PUBLIC_LIMITS, type PublishBlocker } from "@contract/public-reports.ts";
import type { PublishableRow } from "./publications.repo.ts";

/** Cut to `max` characters at most, marking the cut. */
function clip(s: string, max: number): string {
  const text = s.trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The facts of a situation report's body that may be drafted from (the rest of the body never is). */
function factsOf(body: unknown): { apa: string; bagaimana: string } {
  const fakta = (body as { fakta?: { apa?: unknown; bagaimana?: unknown } } | null)?.fakta;
  const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  return { apa: str(fakta?.apa), bagaimana: str(fakta?.bagaimana) };
}

/**
 * The server's draft of the public title and summary: the perihal, and what happened and how (fakta
 * `apa` and `bagaimana`). Never the source (pendahuluan) or the reporter's opinion (pendapat: analisa,
 * prakiraan, saran), and not `siapa` or `di mana` either: those may name people or pin the place the
 * generalized point is meant to hide. The verifier reads and edits it before anything is published.
 */
export function draftPublicText(report: Pick<PublishableRow, "perihal" | "body">): { title: string; summary: string } {
  const { apa, bagaimana } = factsOf(report.body);
  const summary = [apa, bagaimana].filter(Boolean).join("\n\n") || report.perihal;
  return { title: clip(report.perihal, PUBLIC_LIMITS.titleMax), summary: clip(summary, PUBLIC_LIMITS.summaryMax) };
}

/** Why this report cannot be published now; null when it can. Rahasia first: it never can. */
export function publishBlocker(report: Pick<PublishableRow, "classification" | "kind" | "status" | "bidang">): PublishBlocker | null {
  if (report.classification === "rahasia") return "rahasia";
  // Periodic reports are routine summaries for the office: no place, no single event to show.
  if (report.kind !== "situation" || report.bidang === null) return "not_situation";
  if (report.status !== "verified") return "not_verified";
  return null;
}

/** The reason given with a 409, in words. */
export const BLOCKER_MESSAGES: Record<PublishBlocker, string> = {
  rahasia: "A rahasia report is never published",
  not_situation: "Only situation reports are published",
  not_verified: "Only a verified report can be published",
};
