// Earlier decisions heard from a project's page (issue 11, item 5): the ones of the shown project
// that this meeting still has to hear (or has heard) can be marked there, without going to the
// follow-up list; `f` opens that list at the first one not heard yet.
import type { LedgerEntry, Meeting } from '../../../domain/types.js';

/** The project's earlier decisions that are on this meeting's follow-up list, in page order. */
export function hearableEarlier(
  earlier: readonly LedgerEntry[],
  followups: readonly LedgerEntry[],
): LedgerEntry[] {
  const toHear = new Set(followups.map((e) => e.decision.id));
  return earlier.filter((e) => toHear.has(e.decision.id));
}

/** Index of the first follow-up not heard yet in this meeting (0 when all are heard). */
export function firstUnheard(followups: readonly LedgerEntry[], meeting: Meeting): number {
  const heard = new Set(meeting.followups.map((f) => f.decision));
  const at = followups.findIndex((e) => !heard.has(e.decision.id));
  return at < 0 ? 0 : at;
}
