// 议定事项台账 (the decision ledger): every decision of every meeting with its latest follow-up and
// its state on a given day (docs/domain.md#decision-states): the state of a decision is its latest
// follow-up; open and past `due` on the day in question means 逾期; something due on a day is late from
// the next day on (due < the day, docs/domain.md#the-day). 逾期 is computed here, never stored.
import { daysBetween } from './dates.js';
import { GENERAL_PROJECT } from './types.js';
import type { Decision, DecisionState, Followup, IsoDate, LedgerEntry, Meeting } from './types.js';

/** Open states: not 已落实 and not 撤销 (推进中 or never heard), late or not. */
export function isOpenState(state: DecisionState): boolean {
  return state === 'open' || state === 'overdue';
}

interface Heard {
  followup: Followup;
  heardOn: IsoDate;
  meetingIndex: number;
  position: number;
}

/** Later follow-up wins: by heard date, then meeting order (index in the input), then position in the meeting. */
function isLater(a: Heard, b: Heard): boolean {
  if (a.heardOn !== b.heardOn) return a.heardOn > b.heardOn;
  if (a.meetingIndex !== b.meetingIndex) return a.meetingIndex > b.meetingIndex;
  return a.position > b.position;
}

/**
 * The ledger on `day`: one entry per decision of every meeting, never fewer. Entries follow the
 * meetings by date (input order among equal dates), then item and decision order.
 * - latest follow-up: the one heard last (heard on `followup.date`, else its meeting's date); ties go to
 *   the later meeting in the input, then the later position. A follow-up heard after `day` does not
 *   count on that day; one naming an unknown decision is ignored (validation reports it).
 * - state: 已落实 → done, 撤销 → dropped; otherwise overdue when due < day, else open.
 * - doneOnTime (按时落实; docs/domain.md#on-time-rule): done, and
 *   - when the follow-up gives `done_on` (the day the work was carried out): done_on ≤ due;
 *   - otherwise: the follow-up saying so was heard on or before `due` — or, when it was
 *   heard at a meeting, at the first meeting held on or after `due`: the weekly meeting is where
 *   units report (docs/domain.md#the-weekly-meeting: each meeting first hears how the last meeting's
 *   decisions were carried out), so a task due on Friday and reported done on Monday was done in
 *   time. A later meeting means at least one meeting heard nothing, and the decision was late.
 * Decisions taken at meetings after `day` are kept (open); figures for a day leave them out
 * (see `takenBy`). Decision ids are meant to be unique; if one repeats, a follow-up applies to each.
 */
export function buildLedger(meetings: readonly Meeting[], day: IsoDate): LedgerEntry[] {
  const latest = new Map<string, Heard>();
  meetings.forEach((m, meetingIndex) => {
    m.followups.forEach((followup, position) => {
      const heardOn = followup.date ?? m.meeting.date;
      if (heardOn > day) return;
      const h: Heard = { followup, heardOn, meetingIndex, position };
      const prev = latest.get(followup.decision);
      if (!prev || isLater(h, prev)) latest.set(followup.decision, h);
    });
  });

  const order = meetings.map((m, i) => ({ m, i }));
  order.sort((a, b) =>
    a.m.meeting.date < b.m.meeting.date ? -1 : a.m.meeting.date > b.m.meeting.date ? 1 : a.i - b.i,
  );

  const meetingDates = [...new Set(order.map(({ m }) => m.meeting.date))];
  /** the first meeting date on or after `due` (binary search over sorted dates) */
  const firstMeetingFrom = (due: IsoDate): IsoDate | undefined => {
    let lo = 0;
    let hi = meetingDates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((meetingDates[mid] as IsoDate) < due) lo = mid + 1;
      else hi = mid;
    }
    return meetingDates[lo];
  };
  const heardInTime = (h: Heard, due: IsoDate): boolean =>
    h.followup.doneOn !== undefined
      ? h.followup.doneOn <= due
      : h.heardOn <= due || (h.followup.date === undefined && h.heardOn === firstMeetingFrom(due));

  const out: LedgerEntry[] = [];
  for (const { m } of order) {
    // the items' decisions, then the general ones (综合事项: project GENERAL_PROJECT, general: true)
    const taken: { decision: Decision; project: string; general: boolean }[] = [];
    for (const item of m.items)
      for (const decision of item.decisions) taken.push({ decision, project: item.project, general: false });
    for (const decision of m.general ?? []) taken.push({ decision, project: GENERAL_PROJECT, general: true });
    for (const { decision, project, general } of taken) {
      const h = latest.get(decision.id);
      let state: DecisionState;
      if (h?.followup.status === '已落实') state = 'done';
      else if (h?.followup.status === '撤销') state = 'dropped';
      else state = decision.due < day ? 'overdue' : 'open';
      const entry: LedgerEntry = {
        decision,
        project,
        meetingDate: m.meeting.date,
        state,
        daysOverdue: state === 'overdue' ? daysBetween(decision.due, day) : 0,
        doneOnTime: state === 'done' && h !== undefined && heardInTime(h, decision.due),
      };
      if (general) entry.general = true;
      if (m.file !== undefined) entry.meetingFile = m.file;
      if (h) entry.latest = { ...h.followup, heardOn: h.heardOn };
      out.push(entry);
    }
  }
  return out;
}

export interface LedgerFilter {
  unit?: string;
  project?: string;
  states?: readonly DecisionState[];
}

/**
 * Whether a unit has a part in a decision: as its lead unit (`unit`) or as a 配合单位. Filters by unit
 * (items --unit, 督办 u) match both; counts per unit (on-time rates) take the lead unit only.
 */
export function decisionInvolves(d: Pick<Decision, 'unit' | 'coUnits'>, unit: string): boolean {
  return d.unit === unit || (d.coUnits?.includes(unit) ?? false);
}

/** Entries matching every given criterion (责任单位, project id, states). */
export function filterLedger(ledger: readonly LedgerEntry[], f: LedgerFilter): LedgerEntry[] {
  return ledger.filter(
    (e) =>
      (f.unit === undefined || decisionInvolves(e.decision, f.unit)) &&
      (f.project === undefined || e.project === f.project) &&
      (f.states === undefined || f.states.includes(e.state)),
  );
}

/** Open entries (open or overdue). */
export function openEntries(ledger: readonly LedgerEntry[]): LedgerEntry[] {
  return ledger.filter((e) => isOpenState(e.state));
}

/** Decisions already taken on `day` (at a meeting on or before it). */
export function takenBy(ledger: readonly LedgerEntry[], day: IsoDate): LedgerEntry[] {
  return ledger.filter((e) => e.meetingDate <= day);
}

/** Entries grouped by project id, built once (for lights over many projects). */
export function indexLedgerByProject(ledger: readonly LedgerEntry[]): Map<string, LedgerEntry[]> {
  const map = new Map<string, LedgerEntry[]>();
  for (const e of ledger) {
    const list = map.get(e.project);
    if (list) list.push(e);
    else map.set(e.project, [e]);
  }
  return map;
}

const STATE_ORDER: Record<DecisionState, number> = { overdue: 0, open: 1, done: 2, dropped: 3 };

/**
 * 督办 order: overdue first (most days overdue first), then open by due (earliest first), then done,
 * then dropped (each by due); ties by decision id.
 */
export function compareLedgerEntries(a: LedgerEntry, b: LedgerEntry): number {
  const byState = STATE_ORDER[a.state] - STATE_ORDER[b.state];
  if (byState !== 0) return byState;
  if (a.daysOverdue !== b.daysOverdue) return b.daysOverdue - a.daysOverdue;
  if (a.decision.due !== b.decision.due) return a.decision.due < b.decision.due ? -1 : 1;
  return a.decision.id < b.decision.id ? -1 : a.decision.id > b.decision.id ? 1 : 0;
}

/** A sorted copy (see compareLedgerEntries). */
export function sortLedger(ledger: readonly LedgerEntry[]): LedgerEntry[] {
  return [...ledger].sort(compareLedgerEntries);
}

export interface LedgerSummary {
  total: number;
  /** open and not late */
  open: number;
  overdue: number;
  done: number;
  dropped: number;
  doneOnTime: number;
}

/** Counts by state over the entries given (pass `takenBy(ledger, day)` for a day's figures). */
export function ledgerSummary(ledger: readonly LedgerEntry[]): LedgerSummary {
  const s: LedgerSummary = { total: 0, open: 0, overdue: 0, done: 0, dropped: 0, doneOnTime: 0 };
  for (const e of ledger) {
    s.total++;
    s[e.state]++;
    if (e.doneOnTime) s.doneOnTime++;
  }
  return s;
}

/** Decision figures of one 责任单位 on a day (月通报 section 五). */
export interface UnitDecisionFigures {
  unit: string;
  /** decisions taken at meetings on or before the day */
  taken: number;
  /**
   * 到期: taken, not dropped, and past its time limit (due < day) — or due on the day itself and
   * already done. One due today and still open is not yet late (docs/domain.md#the-day: late from the next
   * day on), so it does not count against the unit's on-time rate.
   */
  due: number;
  /** done (已落实), whenever due */
  done: number;
  /** of `due`, done on or before the time limit */
  doneOnTime: number;
  /** of `due`, done but after the time limit (超期落实): due = doneOnTime + doneLate + overdue */
  doneLate: number;
  overdue: number;
  /** open and not late */
  open: number;
  dropped: number;
  /** 按时落实率 = doneOnTime ÷ due; null when nothing is due */
  onTimeRate: number | null;
}

/**
 * Decision figures per 责任单位 on `day` (the ledger must be built for the same day), units in the
 * order they first appear in the ledger. Decisions taken after the day are left out.
 */
export function unitDecisionFigures(ledger: readonly LedgerEntry[], day: IsoDate): UnitDecisionFigures[] {
  const byUnit = new Map<string, UnitDecisionFigures>();
  for (const e of ledger) {
    if (e.meetingDate > day) continue;
    const unit = e.decision.unit;
    let row = byUnit.get(unit);
    if (!row) {
      row = {
        unit,
        taken: 0,
        due: 0,
        done: 0,
        doneOnTime: 0,
        doneLate: 0,
        overdue: 0,
        open: 0,
        dropped: 0,
        onTimeRate: null,
      };
      byUnit.set(unit, row);
    }
    row.taken++;
    row[
      e.state === 'done'
        ? 'done'
        : e.state === 'dropped'
          ? 'dropped'
          : e.state === 'overdue'
            ? 'overdue'
            : 'open'
    ]++;
    const due = e.decision.due < day || (e.decision.due === day && e.state === 'done');
    if (e.state !== 'dropped' && due) {
      row.due++;
      if (e.doneOnTime) row.doneOnTime++;
      else if (e.state === 'done') row.doneLate++;
    }
  }
  const rows = [...byUnit.values()];
  for (const r of rows) r.onTimeRate = r.due > 0 ? r.doneOnTime / r.due : null;
  return rows;
}

/** Every decision a meeting took: each agenda item's, then the general ones (综合事项). */
export function meetingDecisions(m: Pick<Meeting, 'items' | 'general'>): Decision[] {
  return [...m.items.flatMap((i) => i.decisions), ...(m.general ?? [])];
}
