// `diaodu items`: the decision ledger (督办台账) on a day — every decision of the meetings with its
// latest follow-up and its state; overdue first. The day is today unless --date is given
// (docs/domain.md#the-day: for the ledger on its own "the day" is today).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDate, trimSentenceEnd } from '../briefing/wording.js';
import { daysBetween } from '../domain/dates.js';
import {
  buildLedger,
  decisionInvolves,
  filterLedger,
  ledgerSummary,
  sortLedger,
  takenBy,
} from '../domain/ledger.js';
import { personNames } from '../domain/names.js';
import { safeToEcho } from '../text/sanitize.js';
import {
  InputError,
  type DecisionState,
  type IsoDate,
  type LedgerEntry,
  type Meeting,
} from '../domain/types.js';
import { applyScript, jsonText } from '../text/script.js';
import { diagnosticsText, guard, UsageError } from './errors.js';
import { loadMeetingsFrom, loadRegisterFrom } from './load.js';
import { parseDateOption, parseScript } from './option-values.js';
import { resolvePath, shownPath } from './paths.js';
import type { CommandContext, CommandResult } from './context.js';

export interface ItemsOptions {
  /** meetings folder; default "meetings" */
  meetings?: string;
  unit?: string;
  project?: string;
  /** 已落实 | 推进中 | 逾期 | 撤销 | 未办结 (or done | open | overdue | dropped | unfinished); repeatable, comma-separated */
  state?: string[];
  overdue?: boolean;
  date?: string;
  json?: boolean;
  /** a register, to show project names */
  register?: string;
  script?: string;
}

export const STATE_TEXT: Record<DecisionState, string> = {
  done: '已落实',
  open: '推进中',
  overdue: '逾期',
  dropped: '撤销',
};

const STATE_WORDS: Record<string, DecisionState[]> = {
  已落实: ['done'],
  已落實: ['done'],
  done: ['done'],
  推进中: ['open'],
  推進中: ['open'],
  open: ['open'],
  逾期: ['overdue'],
  overdue: ['overdue'],
  撤销: ['dropped'],
  撤銷: ['dropped'],
  dropped: ['dropped'],
  未办结: ['open', 'overdue'],
  未辦結: ['open', 'overdue'],
  未落实: ['open', 'overdue'],
  未落實: ['open', 'overdue'],
  unfinished: ['open', 'overdue'],
};

export function parseStates(
  values: readonly string[] | undefined,
  overdue: boolean | undefined,
): DecisionState[] | undefined {
  if ((values === undefined || values.length === 0) && !overdue) return undefined;
  const out = new Set<DecisionState>();
  for (const value of values ?? []) {
    for (const word of value
      .split(/[,，、]/)
      .map((w) => w.trim())
      .filter(Boolean)) {
      const states = STATE_WORDS[word];
      if (!states) {
        throw new UsageError(
          `--state 只能是 已落实、推进中、逾期、撤销、未办结（可用逗号分隔多个），而不是“${word}”`,
          'items',
        );
      }
      for (const s of states) out.add(s);
    }
  }
  if (overdue) out.add('overdue');
  return [...out];
}

/** The register named by the latest meeting that names one, for project names when --register is not given. */
function registerOfMeetings(meetings: readonly Meeting[]): string | undefined {
  for (let i = meetings.length - 1; i >= 0; i--) {
    const m = meetings[i]!;
    if (m.meeting.register && m.file) return path.resolve(path.dirname(m.file), m.meeting.register);
  }
  return undefined;
}

/** "（截至2021年9月30日）", or with no --date "（截至今天，2026年11月25日）" so the day is never a surprise. */
function dayPhrase(day: IsoDate, given: boolean): string {
  return given ? `截至${formatDate(day)}` : `截至今天，${formatDate(day)}`;
}

const GROUPS: Array<[DecisionState, string]> = [
  ['overdue', '逾期'],
  ['open', '推进中'],
  ['done', '已落实'],
  ['dropped', '撤销'],
];

/** How a decision stands, after its time limit: "已逾期15天", "按时落实", "超过时限落实"… */
function standing(e: LedgerEntry): string {
  switch (e.state) {
    case 'overdue':
      return `已逾期${e.daysOverdue}天`;
    case 'open':
      return '未到时限';
    case 'done':
      return e.doneOnTime ? '按时落实' : '超过时限落实';
    case 'dropped':
      return '已撤销';
  }
}

/**
 * One decision as three lines, as the minutes list them: what and on which project; who, by when,
 * how it stands and its number; the latest report on it.
 */
function entryLines(e: LedgerEntry, n: number, width: number, names: ReadonlyMap<string, string>): string[] {
  const label = `${n}.`.padEnd(width + 1);
  const indent = ' '.repeat(width + 2);
  const name = names.get(e.project);
  const project = name ? `${name}（${e.project}）` : e.project;
  const co = e.decision.coUnits ?? [];
  const who =
    co.length > 0
      ? [`牵头单位：${e.decision.unit}`, `配合单位：${co.join('、')}`]
      : [`责任单位：${e.decision.unit}`];
  if (e.decision.owner) who.push(`责任人：${e.decision.owner}`);
  who.push(`完成时限：${formatDate(e.decision.due)}，${standing(e)}`);
  who.push(`编号：${e.decision.id}`);
  const lines = [`${label} ${project}：${trimSentenceEnd(e.decision.text)}`, `${indent}${who.join('；')}`];
  if (e.latest) {
    const note = e.latest.note ? trimSentenceEnd(e.latest.note) : e.latest.status;
    lines.push(`${indent}最新进展（${formatDate(e.latest.heardOn)}会议）：${note}`);
  } else if (e.state === 'open' || e.state === 'overdue') {
    lines.push(`${indent}最新进展：尚未报告落实情况（${formatDate(e.meetingDate)}会议议定）`);
  }
  return lines;
}

/** Why a filter matched nothing: the units or projects that do have decisions. */
function noMatchHint(all: readonly LedgerEntry[], opts: ItemsOptions): string[] {
  const out: string[] = [];
  const list = (values: string[]): string =>
    values.length > 20 ? `${values.slice(0, 20).join('、')}等${values.length}个` : values.join('、');
  if (opts.unit !== undefined && !all.some((e) => decisionInvolves(e.decision, opts.unit!))) {
    const units = [...new Set(all.map((e) => e.decision.unit))];
    out.push(
      `没有责任单位为“${safeToEcho(opts.unit)}”的议定事项。` +
        (units.length > 0 ? `议定事项的责任单位有：${list(units)}。` : ''),
    );
  }
  if (opts.project !== undefined && !all.some((e) => e.project === opts.project)) {
    const projects = [...new Set(all.map((e) => e.project))];
    out.push(
      `没有项目编号为“${safeToEcho(opts.project)}”的议定事项。` +
        (projects.length > 0 ? `有议定事项的项目：${list(projects)}。` : ''),
    );
  }
  return out;
}

export async function runItems(opts: ItemsOptions, ctx: CommandContext): Promise<CommandResult> {
  return guard(async () => {
    const script = parseScript(opts.script);
    const dateGiven = opts.date !== undefined;
    const day = opts.date !== undefined ? parseDateOption(opts.date, '--date') : ctx.today();
    const states = parseStates(opts.state, opts.overdue);
    const dir = opts.meetings ?? 'meetings';
    if (opts.meetings === undefined && !fs.existsSync(resolvePath(ctx, dir))) {
      throw new UsageError('当前文件夹中没有 meetings 文件夹；请用 --meetings 给出会议记录文件夹', 'items');
    }
    const loaded = await loadMeetingsFrom(ctx, dir);
    const meetings = loaded.meetings;
    let stderr = loaded.warnings;
    const names = new Map<string, string>();
    // people kept as written in 繁體 output: the meetings', and the register's when it is read
    let people = personNames(undefined, meetings);
    if (opts.register !== undefined) {
      const { register, warnings } = await loadRegisterFrom(ctx, opts.register);
      stderr += diagnosticsText(warnings);
      for (const p of register.projects) names.set(p.id, p.name);
      people = personNames(register, meetings);
    } else {
      // Project names from the register the meetings name (docs/formats.md#meeting-header: register); without
      // it, numbers only.
      const named = registerOfMeetings(meetings);
      if (named !== undefined) {
        try {
          const { register } = await loadRegisterFrom(ctx, named);
          for (const p of register.projects) names.set(p.id, p.name);
          people = personNames(register, meetings);
        } catch (error) {
          if (!(error instanceof InputError || error instanceof UsageError)) throw error;
          stderr += `注意：无法读取会议记录中写明的台账 ${safeToEcho(shownPath(ctx, named))}，项目只显示编号（可用 --register 指定台账）。\n`;
        }
      }
    }
    const all = takenBy(buildLedger(meetings, day), day);
    const filter: Parameters<typeof filterLedger>[1] = {};
    if (opts.unit !== undefined) filter.unit = opts.unit;
    if (opts.project !== undefined) filter.project = opts.project;
    if (states !== undefined) filter.states = states;
    const entries = sortLedger(filterLedger(all, filter));

    // With no --date the day is today: say so when the meetings are long past, since every open
    // decision of an old series then reads as overdue (docs/domain.md#the-day: for items the day is today).
    const last = meetings.reduce<IsoDate | undefined>(
      (acc, m) => (acc === undefined || m.meeting.date > acc ? m.meeting.date : acc),
      undefined,
    );
    if (!dateGiven && last !== undefined && daysBetween(last, day) > 31) {
      stderr +=
        `注意：未给出 --date，按今天（${formatDate(day)}）判断是否逾期；最近一次会议是${formatDate(last)}。` +
        `要看某一天的情况，请加 --date，如 --date ${last}。\n`;
    }

    if (opts.json) {
      const data = {
        day,
        dayIsToday: !dateGiven,
        meetings: meetings.length,
        summary: ledgerSummary(entries),
        items: entries.map((e) => ({
          id: e.decision.id,
          project: e.project,
          projectName: names.get(e.project) ?? null,
          ...(e.general ? { general: true } : {}),
          text: e.decision.text,
          unit: e.decision.unit,
          coUnits: e.decision.coUnits ?? [],
          owner: e.decision.owner ?? null,
          due: e.decision.due,
          meetingDate: e.meetingDate,
          state: e.state,
          stateText: STATE_TEXT[e.state],
          daysOverdue: e.daysOverdue,
          doneOnTime: e.doneOnTime,
          latest: e.latest
            ? { status: e.latest.status, note: e.latest.note ?? null, heardOn: e.latest.heardOn }
            : null,
        })),
      };
      return { stdout: await jsonText(data, script, people), stderr, exitCode: 0 };
    }

    const s = ledgerSummary(entries);
    const filtered = entries.length !== all.length ? `（筛选后；全部${all.length}项）` : '';
    const lines = [
      `督办台账（${dayPhrase(day, dateGiven)}）：议定事项共${s.total}项${filtered}，逾期${s.overdue}项，推进中${s.open}项，已落实${s.done}项，撤销${s.dropped}项`,
    ];
    if (meetings.length === 0) lines.push('', `会议记录文件夹 ${safeToEcho(dir)} 中还没有会议记录。`);
    else if (all.length === 0) lines.push('', `${formatDate(day)}以前的会议没有议定事项。`);
    else if (entries.length === 0) {
      const hints = noMatchHint(all, opts);
      lines.push('', ...(hints.length > 0 ? hints : ['没有符合条件的议定事项。']));
    }
    for (const [state, title] of GROUPS) {
      const group = entries.filter((e) => e.state === state);
      if (group.length === 0) continue;
      const width = String(group.length).length;
      lines.push('', `${title}（${group.length}项）`);
      group.forEach((e, i) => lines.push(...entryLines(e, i + 1, width, names)));
    }
    return { stdout: await applyScript(`${lines.join('\n')}\n`, script, people), stderr, exitCode: 0 };
  }, 'items');
}
