// The meeting agenda (docs/domain.md#agenda): red projects, then yellow, then projects
// with decisions due; the secretary may add, drop or reorder afterwards. And the earlier decisions
// the meeting hears first (上次会议议定事项落实情况).
import { addDays } from './dates.js';
import type { RegisterAssessment } from './lag-rules.js';
import { compareLedgerEntries, isOpenState } from './ledger.js';
import type { IsoDate, LedgerEntry } from './types.js';

export type AgendaReason = 'red' | 'yellow' | 'decisions-due';

export interface AgendaEntry {
  projectId: string;
  reason: AgendaReason;
}

/** Meetings are weekly: "decisions due" means due on or before the next meeting, a week on. */
export const DECISIONS_DUE_HORIZON_DAYS = 7;

/**
 * The agenda on `day`: red projects, then yellow (each in the assessment's worst-first order), then
 * the other projects of the register with an open decision (推进中 or not yet heard, late or not)
 * due on or before day + 7 — ordered by their earliest such due date, then register order. Decisions
 * on projects not in the register are not on the agenda (they are still heard, see followupsToHear).
 * Each project appears once.
 */
export function buildAgenda(
  assessment: RegisterAssessment,
  ledger: readonly LedgerEntry[],
  day: IsoDate,
  horizonDays = DECISIONS_DUE_HORIZON_DAYS,
): AgendaEntry[] {
  const out: AgendaEntry[] = [];
  const seen = new Set<string>();
  for (const light of ['红', '黄'] as const) {
    for (const s of assessment.lagging) {
      if (s.light !== light || seen.has(s.project.id)) continue;
      seen.add(s.project.id);
      out.push({ projectId: s.project.id, reason: light === '红' ? 'red' : 'yellow' });
    }
  }

  const limit = addDays(day, horizonDays);
  const earliestDue = new Map<string, IsoDate>();
  for (const e of ledger) {
    if (e.general || !isOpenState(e.state) || e.decision.due > limit || seen.has(e.project)) continue;
    const prev = earliestDue.get(e.project);
    if (prev === undefined || e.decision.due < prev) earliestDue.set(e.project, e.decision.due);
  }
  const due: { id: string; due: IsoDate; pos: number }[] = [];
  assessment.statuses.forEach((s, pos) => {
    const d = earliestDue.get(s.project.id);
    if (d !== undefined && !seen.has(s.project.id)) {
      seen.add(s.project.id);
      due.push({ id: s.project.id, due: d, pos });
    }
  });
  due.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.pos - b.pos));
  for (const d of due) out.push({ projectId: d.id, reason: 'decisions-due' });
  return out;
}

/**
 * Earlier decisions the meeting on `day` hears first: taken at a meeting before `day` and still open
 * (not 已落实, not 撤销) — overdue first (most days first), then open by due, then id. The ledger
 * should be built for the same day.
 */
export function followupsToHear(ledger: readonly LedgerEntry[], day: IsoDate): LedgerEntry[] {
  return ledger.filter((e) => e.meetingDate < day && isOpenState(e.state)).sort(compareLedgerEntries);
}
