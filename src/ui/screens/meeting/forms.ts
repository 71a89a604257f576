// The meeting's forms as pure state: the set-up form, the decision form (with 责任单位 suggestions and
// 完成时限 quick picks) and the one-line notes. What the secretary types lives here until it is saved;
// the same values are written to a draft file on every change so that a kill loses nothing.
import {
  chineseDate,
  dateParts,
  quickDue,
  quickDueLabel,
  weekday,
  workdayOnOrBefore,
  dayOffReason,
} from '../../../domain/dates.js';
import type { QuickDueKind, WorkCalendar, WorkdayShift } from '../../../domain/dates.js';
import { chineseWorkCalendar } from '../../../store/work-calendar.js';
import { MEETING_KINDS } from '../../../domain/normalize.js';
import { fullDateParts, halfWidth, isoDateOf } from '../../../domain/values.js';
import type { IsoDate, MeetingKind } from '../../../domain/types.js';
import { cycleMark } from '../../../app/meeting/attendance.js';
import type { Attendee } from '../../../app/meeting/attendance.js';

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

export type DueParse =
  | {
      ok: true;
      date: IsoDate;
      /** a quick pick (or +N) that fell on a day off and was moved to a working day */
      moved?: NonNullable<WorkdayShift['moved']>;
      /** the year the holiday calendar does not cover (only weekends were considered) */
      uncovered?: number;
      /** a date typed as such that is a day off: why ("星期日", "国庆节"); it is kept */
      dayOff?: string;
    }
  | { ok: false; message: string };

/**
 * The 完成时限 as the form shows it after "→": the date and weekday, and what the calendar did:
 * "2021年10月29日（星期五；10月31日星期日，已提前）", or for a typed day off "（星期日，休息日）".
 */
export function describeDueParse(due: Extract<DueParse, { ok: true }>): string {
  const notes: string[] = [];
  if (due.moved) {
    const { month, day } = dateParts(due.moved.from);
    notes.push(`${month}月${day}日${due.moved.reason}，已${due.moved.later ? '推后' : '提前'}`);
  }
  if (due.dayOff) notes.push(`${due.dayOff}，非工作日`);
  if (due.uncovered !== undefined) notes.push(`${due.uncovered}年节假日未收录，只避开周末`);
  const week = `星期${WEEKDAYS[weekday(due.date) - 1]}`;
  return `${chineseDate(due.date)}（${[week, ...notes].join('；')}）`;
}

export const DUE_HELP = '可写 2021-11-30、11-30、11月30日、+7（7天后）、本周五、下周五、月底';

/**
 * What the secretary typed as 完成时限, relative to `today` (the meeting's date):
 * a date (2021-11-30, 2021/11/30, 2021年11月30日), a month and day (11-30, 11.30, 11月30日: this
 * year, or next year when that day has passed), +N / N天 (N days on), or a quick pick's label.
 * Digits may be full-width. A quick pick or +N that lands on a weekend or a public holiday moves to
 * the working day before (never before today), by `calendar`; a typed date is kept as typed, and
 * the result says when it is a day off.
 */
export function parseDue(
  text: string,
  today: IsoDate,
  calendar: WorkCalendar | undefined = chineseWorkCalendar,
): DueParse {
  const t = halfWidth(text.trim()).replace(/\s+/g, '');
  if (!t) return { ok: false, message: `请填写完成时限（${DUE_HELP}）` };
  const onWorkday = (date: IsoDate): DueParse => {
    const shift = workdayOnOrBefore(date, today, calendar);
    return {
      ok: true,
      date: shift.date,
      ...(shift.moved ? { moved: shift.moved } : {}),
      ...(shift.moved && shift.uncovered !== undefined ? { uncovered: shift.uncovered } : {}),
    };
  };
  const asTyped = (parsed: DueParse): DueParse => {
    if (!parsed.ok) return parsed;
    const off = dayOffReason(parsed.date, calendar);
    return off === null ? parsed : { ...parsed, dayOff: off };
  };
  const pick = QUICK_PICK_LABELS.indexOf(t);
  if (pick >= 0) return onWorkday(quickDue(QUICK_PICKS[pick]!, today));
  if (t === '周五') return onWorkday(quickDue('this-friday', today));
  const plus = /^\+?(\d{1,3})(?:天|日)$|^\+(\d{1,3})$/.exec(t);
  if (plus) return onWorkday(quickDue({ plusDays: Number(plus[1] ?? plus[2]) }, today));
  const full = fullDateParts(t);
  if (full) return asTyped(dateOf(full.year, full.month, full.day, text));
  const md = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (md) {
    const { year } = dateParts(today);
    const month = Number(md[1]);
    const day = Number(md[2]);
    const first = dateOf(year, month, day, text);
    if (first.ok && first.date < today) return asTyped(dateOf(year + 1, month, day, text));
    return asTyped(first);
  }
  return { ok: false, message: `完成时限“${text.trim()}”无法识别（${DUE_HELP}）` };
}

function dateOf(year: number, month: number, day: number, text: string): DueParse {
  const iso = isoDateOf(year, month, day);
  if (iso === undefined) return { ok: false, message: `完成时限“${text.trim()}”不是有效日期` };
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

export const DECISION_FIELDS = ['text', 'unit', 'coUnits', 'owner', 'due'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

export const DECISION_FIELD_LABELS: Record<DecisionField, string> = {
  text: '议定事项',
  unit: '牵头单位',
  coUnits: '配合单位',
  owner: '责任人',
  due: '完成时限',
};

/** The fields that offer suggestions (↑↓ to pick, Tab/Enter to take). */
export type SuggestField = 'unit' | 'coUnits' | 'owner';

export function isSuggestField(field: DecisionField): field is SuggestField {
  return field === 'unit' || field === 'coUnits' || field === 'owner';
}

export interface DecisionDraft {
  /** editing an existing decision (its id), or adding one */
  id?: string;
  project: string;
  text: string;
  /** 牵头单位 (the decision's `unit`) */
  unit: string;
  /** 配合单位, as typed: names separated by 、 */
  coUnits: string;
  owner: string;
  due: string;
  field: DecisionField;
  /** highlighted suggestion of the focused field (unit, coUnits, owner); -1: keep what was typed */
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
    coUnits: '',
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
  d: { id: string; text: string; unit: string; coUnits?: readonly string[]; owner?: string; due: IsoDate },
): DecisionDraft {
  return {
    id: d.id,
    project,
    text: d.text,
    unit: d.unit,
    coUnits: joinNames(d.coUnits ?? []),
    owner: d.owner ?? '',
    due: d.due,
    field: 'text',
    pick: -1,
  };
}

/** The 配合单位 typed, without empty names, repeats or the 牵头单位. */
export function coUnitList(text: string, lead: string): string[] {
  const out: string[] = [];
  for (const name of splitNames(text)) if (name !== lead.trim() && !out.includes(name)) out.push(name);
  return out;
}

const CO_SEPARATOR = /[、，,；;\s]/u;

/** The name being typed in the 配合单位 field: what follows the last separator. */
export function lastCoUnit(text: string): string {
  const parts = text.split(CO_SEPARATOR);
  return parts[parts.length - 1] ?? '';
}

function replaceLastCoUnit(text: string, name: string): string {
  return text.slice(0, text.length - lastCoUnit(text).length) + name;
}

/**
 * 责任人 named in earlier decisions of `unit`, the latest first, each once: the secretary picks the
 * person the unit sent last time (区自然资源局 → 韩志刚).
 */
export function ownersOf(
  decisions: ReadonlyArray<{ unit: string; owner?: string; date: IsoDate }>,
  unit: string,
): string[] {
  const u = unit.trim();
  const sorted = decisions
    .map((d, i) => ({ ...d, i }))
    .filter((d) => d.unit === u && d.owner)
    .sort((a, b) => (a.date === b.date ? b.i - a.i : a.date < b.date ? 1 : -1));
  const out: string[] = [];
  for (const d of sorted) if (!out.includes(d.owner!)) out.push(d.owner!);
  return out;
}

/** Names matching what is typed (those starting with it first). */
export function nameSuggestions(names: readonly string[], text: string, limit = 6): string[] {
  return unitSuggestions(names, text, limit);
}

export type DecisionFormAction =
  /** a field's new text; `suggestions` (for 配合单位) are those offered before the change */
  | { type: 'set'; field: DecisionField; value: string; suggestions?: readonly string[] }
  | { type: 'focus'; field: DecisionField }
  | { type: 'next' }
  | { type: 'prev' }
  /** ↑/↓ on a field with suggestions: move the highlighted suggestion */
  | { type: 'pickUnit'; delta: 1 | -1; count: number }
  /** accept the highlighted suggestion into `field` (default: the unit field) */
  | { type: 'acceptUnit'; suggestions: readonly string[]; field?: SuggestField }
  /** ↑/↓ on the due field: next or previous quick pick */
  | { type: 'cycleDue'; delta: 1 | -1 }
  /**
   * Tab / Enter: leave the field for the next one; a field with suggestions takes the highlighted
   * one (牵头单位 also when going back)
   */
  | { type: 'advance'; delta: 1 | -1; suggestions: readonly string[] };

/** The highlighted suggestion when a field is entered: the first one while it is empty. */
function pickOnEntry(d: DecisionDraft, field: DecisionField): number {
  return (field === 'unit' || field === 'owner') && d[field].trim() === '' ? 0 : -1;
}

export function reduceDecisionForm(d: DecisionDraft, action: DecisionFormAction): DecisionDraft {
  switch (action.type) {
    case 'set': {
      if (d[action.field] === action.value) return d;
      if (action.field === 'coUnits') {
        // a separator typed right after a highlighted suggestion takes it: 能源、 → 区能源局、
        const sep = action.value.slice(d.coUnits.length);
        const chosen = d.pick >= 0 ? action.suggestions?.[d.pick] : undefined;
        if (
          chosen !== undefined &&
          action.value.startsWith(d.coUnits) &&
          /^[、，,；;]$/u.test(sep) &&
          lastCoUnit(d.coUnits).trim() !== ''
        ) {
          return { ...d, coUnits: `${replaceLastCoUnit(d.coUnits, chosen)}、`, pick: -1 };
        }
        return { ...d, coUnits: action.value, pick: lastCoUnit(action.value).trim() ? 0 : -1 };
      }
      return {
        ...d,
        [action.field]: action.value,
        ...(action.field === 'unit' || action.field === 'owner' ? { pick: 0 } : {}),
      };
    }
    case 'focus':
      return d.field === action.field ? d : { ...d, field: action.field, pick: pickOnEntry(d, action.field) };
    case 'next':
    case 'prev': {
      const at = DECISION_FIELDS.indexOf(d.field);
      const n = DECISION_FIELDS.length;
      const field = DECISION_FIELDS[(at + (action.type === 'next' ? 1 : n - 1)) % n]!;
      return { ...d, field, pick: pickOnEntry(d, field) };
    }
    case 'pickUnit': {
      const pick = Math.max(-1, Math.min(action.count - 1, d.pick + action.delta));
      return pick === d.pick ? d : { ...d, pick };
    }
    case 'acceptUnit': {
      const field = action.field ?? 'unit';
      const chosen = d.pick >= 0 ? action.suggestions[d.pick] : undefined;
      if (chosen === undefined) return d;
      if (field === 'coUnits') {
        const coUnits = replaceLastCoUnit(d.coUnits, chosen);
        return coUnits === d.coUnits ? d : { ...d, coUnits, pick: -1 };
      }
      if (chosen === d[field]) return d;
      return { ...d, [field]: chosen, pick: -1 };
    }
    case 'cycleDue':
      return { ...d, due: cycleQuickPick(d.due, action.delta) };
    case 'advance': {
      // going back (Shift+Tab) from 配合单位 or 责任人 does not fill them in
      const left =
        isSuggestField(d.field) && (d.field === 'unit' || action.delta > 0)
          ? reduceDecisionForm(d, { type: 'acceptUnit', suggestions: action.suggestions, field: d.field })
          : d;
      return reduceDecisionForm(left, { type: action.delta > 0 ? 'next' : 'prev' });
    }
  }
}

/** True when the form holds anything typed (Esc then asks before throwing it away). */
export function decisionDraftHasText(d: DecisionDraft): boolean {
  return d.text.trim() !== '' || d.owner.trim() !== '' || d.coUnits.trim() !== '';
}

export interface DecisionValue {
  text: string;
  unit: string;
  coUnits?: string[];
  owner?: string;
  due: IsoDate;
}

export type DecisionCheck =
  | { ok: true; value: DecisionValue }
  | { ok: false; field: DecisionField; message: string };

/** Checks the form before it is saved; the unit is what was typed or the highlighted suggestion. */
export function checkDecision(
  d: DecisionDraft,
  today: IsoDate,
  calendar: WorkCalendar | undefined = chineseWorkCalendar,
): DecisionCheck {
  if (!d.text.trim()) return { ok: false, field: 'text', message: '请填写议定事项内容' };
  if (!d.unit.trim()) return { ok: false, field: 'unit', message: '请填写牵头单位（可从候选中选）' };
  const due = parseDue(d.due, today, calendar);
  if (!due.ok) return { ok: false, field: 'due', message: due.message };
  const owner = d.owner.trim();
  const coUnits = coUnitList(d.coUnits, d.unit);
  return {
    ok: true,
    value: {
      text: d.text.trim(),
      unit: d.unit.trim(),
      ...(coUnits.length > 0 ? { coUnits } : {}),
      ...(owner ? { owner } : {}),
      due: due.date,
    },
  };
}

export interface DecisionWarning {
  field: DecisionField;
  message: string;
}

/**
 * What the form asks about before saving (the secretary may confirm and save anyway): a time limit
 * before the meeting's date, no 责任人, a unit found neither in the register nor in any decision so
 * far (an emoji or a typo would otherwise become a suggestion for good). "已有单位": the register's
 * units and those of earlier decisions.
 */
export function decisionWarnings(
  value: DecisionValue,
  meetingDate: IsoDate,
  knownUnits: ReadonlySet<string>,
): DecisionWarning[] {
  const out: DecisionWarning[] = [];
  const unknown = [value.unit, ...(value.coUnits ?? [])].filter((u) => !knownUnits.has(u));
  if (unknown.includes(value.unit)) out.push({ field: 'unit', message: `“${value.unit}”不是已有单位` });
  const unknownCo = unknown.filter((u) => u !== value.unit);
  if (unknownCo.length > 0)
    out.push({
      field: 'coUnits',
      message: `配合单位“${unknownCo.join('、')}”不是已有单位`,
    });
  if (!value.owner) out.push({ field: 'owner', message: '未填责任人' });
  if (value.due < meetingDate) out.push({ field: 'due', message: '完成时限早于会议日期' });
  return out;
}

// ---- the set-up form ----

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
