// Repeat offenders (issue 12): projects still red at several 调度 meetings in a row, and decisions
// whose time limit was re-set more than once. Both come from the meeting files only: the light each
// agenda item had at its meeting (`light`), and the follow-up notes that say a decision was carried on
// by a new one ("由2021-09-22-02继续督办", "已在9月22日调度会上重新明确时限，继续督办" —
// docs/minutes-rules.md "Wording"). Nothing is inferred from similar texts. Pure: no I/O.
import type { Decision, IsoDate, Light, Meeting } from './types.js';

/** "连续3次调度仍为红灯": the streak that names a project in the bulletin and tags it in the TUI. */
export const RED_STREAK = 3;

/** A 专题 meeting takes up one topic, not the whole register: it neither extends nor breaks a streak. */
function isDispatch(m: Meeting): boolean {
  return m.meeting.kind !== '专题';
}

function byDate(meetings: readonly Meeting[], day?: IsoDate): Meeting[] {
  return meetings
    .filter((m) => isDispatch(m) && (day === undefined || m.meeting.date <= day))
    .map((m, i) => ({ m, i }))
    .sort((a, b) =>
      a.m.meeting.date < b.m.meeting.date ? -1 : a.m.meeting.date > b.m.meeting.date ? 1 : a.i - b.i,
    )
    .map(({ m }) => m);
}

export interface LightAtMeeting {
  date: IsoDate;
  /** the light recorded for the agenda item; null when the project was not on that meeting's agenda
   * or the file recorded no light */
  light: Light | null;
}

/** The project's light at every 周调度/月调度 meeting held by `day` (all when undefined), oldest first. */
export function lightHistory(
  meetings: readonly Meeting[],
  projectId: string,
  day?: IsoDate,
): LightAtMeeting[] {
  return byDate(meetings, day).map((m) => ({
    date: m.meeting.date,
    light: m.items.find((it) => it.project === projectId)?.light ?? null,
  }));
}

/**
 * Every project's red streak: the number of latest 调度 meetings (by `day`) in a row at which the
 * project was recorded red. A meeting that did not record the project red (another light, not on
 * the agenda, or no light recorded) ends the streak. Projects with a streak of 0 are left out.
 */
export function redStreaks(meetings: readonly Meeting[], day?: IsoDate): Map<string, number> {
  const ordered = byDate(meetings, day);
  const out = new Map<string, number>();
  const stopped = new Set<string>();
  for (let i = ordered.length - 1; i >= 0; i--) {
    const m = ordered[i] as Meeting;
    const redHere = new Set(m.items.filter((it) => it.light === '红').map((it) => it.project));
    if (i === ordered.length - 1) {
      for (const id of redHere) out.set(id, 1);
      continue;
    }
    let any = false;
    for (const [id, n] of out) {
      if (stopped.has(id)) continue;
      if (redHere.has(id)) {
        out.set(id, n + 1);
        any = true;
      } else stopped.add(id);
    }
    if (!any) break;
  }
  return out;
}

/** Projects red at the last RED_STREAK (or more) 调度 meetings in a row, with their streaks. */
export function repeatRed(
  meetings: readonly Meeting[],
  day?: IsoDate,
  streak = RED_STREAK,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, n] of redStreaks(meetings, day)) if (n >= streak) out.set(id, n);
  return out;
}

// ---- re-timed decisions ----

export interface DecisionAt {
  decision: Decision;
  project: string;
  meetingDate: IsoDate;
}

export interface RetimedChain {
  project: string;
  /** the first decision, then each one that re-set its time limit, oldest first */
  steps: DecisionAt[];
  /** steps.length − 1 */
  retimings: number;
}

const BY_ID = /由\s*(\d{4}-\d{2}-\d{2}-\d{2,})\s*(?:号)?(?:议定事项)?继续督办/u;
const BY_DATE = /已在(\d{1,2})月(\d{1,2})日调度会上重新明确时限/u;

/**
 * Chains of decisions carried on by new ones with a new time limit, as follow-up notes say it:
 * - "由<decision id>继续督办": the decision named carries this one on;
 * - "已在M月D日调度会上重新明确时限": the decision taken at that day's meeting on the same project (the
 *   same 责任单位 when the project got several) carries it on; not linked when that is not one decision.
 * Follow-ups heard after `day` are ignored. A chain is reported once, from its first decision.
 */
export function retimedChains(meetings: readonly Meeting[], day?: IsoDate): RetimedChain[] {
  const all = new Map<string, DecisionAt>();
  const ordered = [...meetings].sort((a, b) =>
    a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : 0,
  );
  for (const m of ordered) {
    if (day !== undefined && m.meeting.date > day) continue;
    for (const it of m.items)
      for (const d of it.decisions)
        all.set(d.id, { decision: d, project: it.project, meetingDate: m.meeting.date });
  }
  const next = new Map<string, string>();
  for (const m of ordered) {
    for (const f of m.followups) {
      const heard = f.date ?? m.meeting.date;
      if (day !== undefined && heard > day) continue;
      const old = all.get(f.decision);
      if (!old || next.has(f.decision) || !f.note) continue;
      let target: string | undefined;
      const byId = BY_ID.exec(f.note);
      if (byId) target = byId[1];
      else {
        const byDate = BY_DATE.exec(f.note);
        if (byDate) {
          const date = `${heard.slice(0, 4)}-${(byDate[1] ?? '').padStart(2, '0')}-${(byDate[2] ?? '').padStart(2, '0')}`;
          let found = [...all.values()].filter((x) => x.meetingDate === date && x.project === old.project);
          if (found.length > 1) found = found.filter((x) => x.decision.unit === old.decision.unit);
          if (found.length === 1) target = found[0]?.decision.id;
        }
      }
      const to = target === undefined ? undefined : all.get(target);
      if (!to || to.decision.id === old.decision.id || to.meetingDate < old.meetingDate) continue;
      next.set(old.decision.id, to.decision.id);
    }
  }
  const hasPrevious = new Set(next.values());
  const chains: RetimedChain[] = [];
  for (const [id, start] of all) {
    if (hasPrevious.has(id) || !next.has(id)) continue;
    const steps = [start];
    const seen = new Set([id]);
    let at = next.get(id);
    while (at !== undefined && !seen.has(at)) {
      seen.add(at);
      const step = all.get(at);
      if (!step) break;
      steps.push(step);
      at = next.get(at);
    }
    chains.push({ project: start.project, steps, retimings: steps.length - 1 });
  }
  return chains;
}

/** Chains whose time limit was re-set more than once (retimings ≥ 2). */
export function repeatRetimed(meetings: readonly Meeting[], day?: IsoDate): RetimedChain[] {
  return retimedChains(meetings, day).filter((c) => c.retimings >= 2);
}
