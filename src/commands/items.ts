// `diaodu items`: the decision ledger (督办台账) on a day — every decision of the meetings with its
// latest follow-up and its state; overdue first. The day is today unless --date is given
// (domain.md: for the ledger on its own "the day" is today).
import { formatDate } from '../briefing/wording.js';
import { buildLedger, filterLedger, ledgerSummary, sortLedger, takenBy } from '../domain/ledger.js';
import type { DecisionState, LedgerEntry } from '../domain/types.js';
import {
  applyScript,
  diagnosticsText,
  guard,
  loadMeetingsFrom,
  loadRegisterFrom,
  parseDateOption,
  parseScript,
  UsageError,
  type CommandContext,
  type CommandResult,
} from './common.js';
import { plainTable } from './table.js';

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

function stateLabel(e: LedgerEntry): string {
  return e.state === 'overdue' ? `逾期${e.daysOverdue}天` : STATE_TEXT[e.state];
}

export async function runItems(opts: ItemsOptions, ctx: CommandContext): Promise<CommandResult> {
  return guard(async () => {
    const script = parseScript(opts.script);
    const day = opts.date !== undefined ? parseDateOption(opts.date, '--date') : ctx.today();
    const states = parseStates(opts.state, opts.overdue);
    const dir = opts.meetings ?? 'meetings';
    const loaded = await loadMeetingsFrom(ctx, dir);
    const meetings = loaded.meetings;
    let stderr = loaded.warnings;
    const names = new Map<string, string>();
    if (opts.register !== undefined) {
      const { register, warnings } = await loadRegisterFrom(ctx, opts.register);
      stderr += diagnosticsText(warnings);
      for (const p of register.projects) names.set(p.id, p.name);
    }
    const all = takenBy(buildLedger(meetings, day), day);
    const filter: Parameters<typeof filterLedger>[1] = {};
    if (opts.unit !== undefined) filter.unit = opts.unit;
    if (opts.project !== undefined) filter.project = opts.project;
    if (states !== undefined) filter.states = states;
    const entries = sortLedger(filterLedger(all, filter));

    if (opts.json) {
      const data = {
        day,
        meetings: meetings.length,
        summary: ledgerSummary(entries),
        items: entries.map((e) => ({
          id: e.decision.id,
          project: e.project,
          projectName: names.get(e.project) ?? null,
          text: e.decision.text,
          unit: e.decision.unit,
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
      return { stdout: await applyScript(`${JSON.stringify(data, null, 2)}\n`, script), stderr, exitCode: 0 };
    }

    const s = ledgerSummary(entries);
    const filtered = entries.length !== all.length ? `（筛选后，全部${all.length}项）` : '';
    const lines = [
      `督办台账（截至${formatDate(day)}）：共${s.total}项${filtered}，逾期${s.overdue}项，推进中${s.open}项，已落实${s.done}项，撤销${s.dropped}项`,
    ];
    if (meetings.length === 0) lines.push(`会议记录文件夹 ${dir} 中没有会议记录。`);
    if (entries.length > 0) {
      lines.push('');
      lines.push(
        ...plainTable(
          [
            { title: '编号', align: 'left' },
            { title: '项目', align: 'left' },
            { title: '议定事项', align: 'left' },
            { title: '责任单位', align: 'left' },
            { title: '责任人', align: 'left' },
            { title: '完成时限', align: 'left' },
            { title: '状态', align: 'left' },
            { title: '最新进展', align: 'left' },
          ],
          entries.map((e) => [
            e.decision.id,
            names.get(e.project) ?? e.project,
            e.decision.text,
            e.decision.unit,
            e.decision.owner ?? '',
            e.decision.due,
            stateLabel(e),
            e.latest?.note ?? '',
          ]),
        ),
      );
    }
    return { stdout: await applyScript(`${lines.join('\n')}\n`, script), stderr, exitCode: 0 };
  }, 'items');
}
