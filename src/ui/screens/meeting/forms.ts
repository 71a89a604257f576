// The meeting's forms as pure state: the set-up form, the decision form (with 责任单位 suggestions and
// 完成时限 quick picks) and the one-line notes. What the secretary types lives here until it is saved;
// the same values are written to a draft file on every change so that a kill loses nothing.
import {
  chineseDate,
  dateParts,
  formatIsoDate,
  isValidIsoDate,
  quickDue,
  quickDueLabel,
  weekday,
} from '../../../domain/dates.js';
import type { QuickDueKind } from '../../../domain/dates.js';
import type { IsoDate, MeetingKind } from '../../../domain/types.js';
import { cycleMark } from './attendance.js';
import type { Attendee } from './attendance.js';

// ---- 完成时限 ----

export const QUICK_PICKS: readonly QuickDueKind[] = [
  'this-friday',
  'next-friday',
  'month-end',
  { plusDays: 3 },
  { plusDays: 7 },
  { plusDays: 15 },
  { plusDays: 30 },
];

export const QUICK_PICK_LABELS: readonly string[] = QUICK_PICKS.map(quickDueLabel);

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** "2021-11-19（星期五）" */
export function describeDue(date: IsoDate): string {
  return `${chineseDate(date)}（星期${WEEKDAYS[weekday(date) - 1]}）`;
}

export type DueParse = { ok: true; date: IsoDate } | { ok: false; message: string };

export const DUE_HELP = '可写 2021-11-30、11-30、11月30日、+7（7天后）、本周五、下周五、月底';

/**
 * What the secretary typed as 完成时限, relative to `today` (the meeting's date):
 * a date (2021-11-30, 2021/11/30, 2021年11月30日), a month and day (11-30, 11.30, 11月30日: this
 * year, or next year when that day has passed), +N / N天 (N days on), or a quick pick's label.
 */
export function parseDue(text: string, today: IsoDate): DueParse {
  const t = text.trim().replace(/\s+/g, '');
  if (!t) return { ok: false, message: `请填写完成时限（${DUE_HELP}）` };
  const pick = QUICK_PICK_LABELS.indexOf(t);
  if (pick >= 0) return { ok: true, date: quickDue(QUICK_PICKS[pick]!, today) };
  if (t === '周五') return { ok: true, date: quickDue('this-friday', today) };
  const plus = /^(?:\+|＋)?(\d{1,3})(?:天|日)$|^(?:\+|＋)(\d{1,3})$/.exec(t);
  if (plus) return { ok: true, date: quickDue({ plusDays: Number(plus[1] ?? plus[2]) }, today) };
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (full) return dateOf(Number(full[1]), Number(full[2]), Number(full[3]), text);
  const md = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (md) {
    const { year } = dateParts(today);
    const month = Number(md[1]);
    const day = Number(md[2]);
    const first = dateOf(year, month, day, text);
    if (first.ok && first.date < today) return dateOf(year + 1, month, day, text);
    return first;
  }
  return { ok: false, message: `完成时限“${text.trim()}”无法识别（${DUE_HELP}）` };
}

function dateOf(year: number, month: number, day: number, text: string): DueParse {
  const iso = formatIsoDate(year, month, day);
  if (!isValidIsoDate(iso)) return { ok: false, message: `完成时限“${text.trim()}”不是有效日期` };
  return { ok: true, date: iso };
}

/** The next (or previous) quick pick after what is in the field. */
export function cycleQuickPick(text: string, delta: 1 | -1): string {
  const at = QUICK_PICK_LABELS.indexOf(text.trim());
  const n = QUICK_PICK_LABELS.length;
  const next = at < 0 ? (delta > 0 ? 0 : n - 1) : (at + delta + n) % n;
  return QUICK_PICK_LABELS[next]!;
}

// ---- 责任单位 ----

/** Units matching what is typed (those starting with it first), at most `limit`. */
export function unitSuggestions(units: readonly string[], text: string, limit = 6): string[] {
  const t = text.trim();
  if (!t) return units.slice(0, limit);
  const starts: string[] = [];
  const contains: string[] = [];
  for (const u of units) {
    if (u === t) continue;
    if (u.startsWith(t)) starts.push(u);
    else if (u.includes(t)) contains.push(u);
  }
  return [...starts, ...contains].slice(0, limit);
}

// ---- names lists (出席 / 请假 / 列席) ----

/** "区发改局、区住建局, 区水利局" → three names. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、，,；;\s]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

// ---- the decision form ----

export const DECISION_FIELDS = ['text', 'unit', 'owner', 'due'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

export const DECISION_FIELD_LABELS: Record<DecisionField, string> = {
  text: '议定事项',
  unit: '责任单位',
  owner: '责任人',
  due: '完成时限',
};

export interface DecisionDraft {
  /** editing an existing decision (its id), or adding one */
  id?: string;
  project: string;
  text: string;
  unit: string;
  owner: string;
  due: string;
  field: DecisionField;
  /** highlighted unit suggestion; -1: keep what was typed */
  pick: number;
}

/**
 * An empty decision for a project. The unit field starts empty with the first suggestion (the
 * project's own 责任单位, see unitsFor) highlighted, so Tab takes it and typing looks for another.
 */
export function newDecisionDraft(project: string): DecisionDraft {
  return {
    project,
    text: '',
    unit: '',
    owner: '',
    due: QUICK_PICK_LABELS[1]!,
    field: 'text',
    pick: 0,
  };
}

/** The units offered for a project's decision: its own 责任单位 first, then the others. */
export function unitsFor(units: readonly string[], projectUnit: string | undefined): string[] {
  if (!projectUnit) return [...units];
  return [projectUnit, ...units.filter((u) => u !== projectUnit)];
}

export function editDecisionDraft(
  project: string,
  d: { id: string; text: string; unit: string; owner?: string; due: IsoDate },
): DecisionDraft {
  return {
    id: d.id,
    project,
    text: d.text,
    unit: d.unit,
    owner: d.owner ?? '',
    due: d.due,
    field: 'text',
    pick: -1,
  };
}

export type DecisionFormAction =
  | { type: 'set'; field: DecisionField; value: string }
  | { type: 'focus'; field: DecisionField }
  | { type: 'next' }
  | { type: 'prev' }
  /** ↑/↓ on the unit field: move the highlighted suggestion */
  | { type: 'pickUnit'; delta: 1 | -1; count: number }
  /** accept the highlighted suggestion into the unit field */
  | { type: 'acceptUnit'; suggestions: readonly string[] }
  /** ↑/↓ on the due field: next or previous quick pick */
  | { type: 'cycleDue'; delta: 1 | -1 }
  /** Tab / Enter: leave the field (the unit field takes its highlighted suggestion) for the next one */
  | { type: 'advance'; delta: 1 | -1; suggestions: readonly string[] };

export function reduceDecisionForm(d: DecisionDraft, action: DecisionFormAction): DecisionDraft {
  switch (action.type) {
    case 'set':
      if (d[action.field] === action.value) return d;
      return {
        ...d,
        [action.field]: action.value,
        ...(action.field === 'unit' ? { pick: 0 } : {}),
      };
    case 'focus':
      return d.field === action.field ? d : { ...d, field: action.field };
    case 'next':
    case 'prev': {
      const at = DECISION_FIELDS.indexOf(d.field);
      const n = DECISION_FIELDS.length;
      const field = DECISION_FIELDS[(at + (action.type === 'next' ? 1 : n - 1)) % n]!;
      return { ...d, field };
    }
    case 'pickUnit': {
      const pick = Math.max(-1, Math.min(action.count - 1, d.pick + action.delta));
      return pick === d.pick ? d : { ...d, pick };
    }
    case 'acceptUnit': {
      const chosen = d.pick >= 0 ? action.suggestions[d.pick] : undefined;
      if (chosen === undefined || chosen === d.unit) return d;
      return { ...d, unit: chosen, pick: -1 };
    }
    case 'cycleDue':
      return { ...d, due: cycleQuickPick(d.due, action.delta) };
    case 'advance': {
      const left =
        d.field === 'unit'
          ? reduceDecisionForm(d, { type: 'acceptUnit', suggestions: action.suggestions })
          : d;
      return reduceDecisionForm(left, { type: action.delta > 0 ? 'next' : 'prev' });
    }
  }
}

/** True when the form holds anything typed (Esc then asks before throwing it away). */
export function decisionDraftHasText(d: DecisionDraft): boolean {
  return d.text.trim() !== '' || d.owner.trim() !== '';
}

export type DecisionCheck =
  | { ok: true; value: { text: string; unit: string; owner?: string; due: IsoDate } }
  | { ok: false; field: DecisionField; message: string };

/** Checks the form before it is saved; the unit is what was typed or the highlighted suggestion. */
export function checkDecision(d: DecisionDraft, today: IsoDate): DecisionCheck {
  if (!d.text.trim()) return { ok: false, field: 'text', message: '请填写议定事项内容' };
  if (!d.unit.trim()) return { ok: false, field: 'unit', message: '请填写责任单位（可从候选中选）' };
  const due = parseDue(d.due, today);
  if (!due.ok) return { ok: false, field: 'due', message: due.message };
  const owner = d.owner.trim();
  return {
    ok: true,
    value: { text: d.text.trim(), unit: d.unit.trim(), ...(owner ? { owner } : {}), due: due.date },
  };
}

// ---- the set-up form ----

export const MEETING_KINDS: readonly MeetingKind[] = ['周调度', '月调度', '专题'];

export const SETUP_FIELDS = ['date', 'kind', 'chair', 'place', 'attendance', 'others'] as const;
export type SetupField = (typeof SETUP_FIELDS)[number];

export const SETUP_FIELD_LABELS: Record<SetupField, string> = {
  date: '会议日期',
  kind: '会议类别',
  chair: '主持',
  place: '地点',
  attendance: '出席情况',
  others: '增加人员',
};

export interface SetupDraft {
  date: string;
  kind: MeetingKind;
  chair: string;
  place: string;
  /** the checklist of people expected, each marked 出席 / 请假 / 列席 / 迟到 */
  attendees: Attendee[];
  /** the row of the checklist selected */
  attendeeCursor: number;
  /** names typed to add to the checklist (as 出席) */
  others: string;
  field: SetupField;
}

export type SetupAction =
  | { type: 'set'; field: 'date' | 'chair' | 'place' | 'others'; value: string }
  | { type: 'cycleKind'; delta: 1 | -1 }
  | { type: 'next' }
  | { type: 'prev' }
  /** ↓ / ↑: a row of the checklist, or the next / previous field at its ends */
  | { type: 'down' }
  | { type: 'up' }
  /** the selected person's mark */
  | { type: 'mark'; delta: 1 | -1 }
  /** the names typed under 增加人员 join the checklist */
  | { type: 'addOthers' };

export function reduceSetup(s: SetupDraft, action: SetupAction): SetupDraft {
  switch (action.type) {
    case 'set':
      return s[action.field] === action.value ? s : { ...s, [action.field]: action.value };
    case 'cycleKind': {
      const n = MEETING_KINDS.length;
      return { ...s, kind: MEETING_KINDS[(MEETING_KINDS.indexOf(s.kind) + action.delta + n) % n]! };
    }
    case 'next':
    case 'prev': {
      const at = SETUP_FIELDS.indexOf(s.field);
      const n = SETUP_FIELDS.length;
      let field = SETUP_FIELDS[(at + (action.type === 'next' ? 1 : n - 1)) % n]!;
      // an empty checklist is passed over
      if (field === 'attendance' && s.attendees.length === 0)
        field = SETUP_FIELDS[(SETUP_FIELDS.indexOf(field) + (action.type === 'next' ? 1 : n - 1)) % n]!;
      const attendeeCursor =
        field === 'attendance' && s.field !== 'attendance'
          ? action.type === 'next'
            ? 0
            : s.attendees.length - 1
          : s.attendeeCursor;
      return { ...s, field, attendeeCursor };
    }
    case 'down':
      if (s.field === 'attendance' && s.attendeeCursor < s.attendees.length - 1)
        return { ...s, attendeeCursor: s.attendeeCursor + 1 };
      return reduceSetup(s, { type: 'next' });
    case 'up':
      if (s.field === 'attendance' && s.attendeeCursor > 0)
        return { ...s, attendeeCursor: s.attendeeCursor - 1 };
      return reduceSetup(s, { type: 'prev' });
    case 'mark': {
      const a = s.attendees[s.attendeeCursor];
      if (s.field !== 'attendance' || !a) return s;
      const attendees = s.attendees.map((x, i) =>
        i === s.attendeeCursor ? { ...x, mark: cycleMark(x.mark, action.delta) } : x,
      );
      return { ...s, attendees };
    }
    case 'addOthers': {
      const names = splitNames(s.others).filter((n) => !s.attendees.some((a) => a.name === n));
      if (names.length === 0) return s.others === '' ? s : { ...s, others: '' };
      return {
        ...s,
        attendees: [...s.attendees, ...names.map((name) => ({ name, mark: '出席' as const }))],
        attendeeCursor: s.attendees.length,
        others: '',
      };
    }
  }
}
