// docs/meeting.md lists the meeting's keys as the app knows them: its key tables are generated from
// the binding table (the same one the help screen and the footers come from), so the manual cannot
// drift. `UPDATE_DOCS=1 npx vitest run test/ui/docs-keys.test.ts` writes them after a change.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpSections } from '../../src/ui/key-bindings.js';
import type { Context } from '../../src/ui/key-bindings.js';

const DOC = path.resolve(import.meta.dirname, '..', '..', 'docs', 'meeting.md');
const START = /<!-- 按键表：开始[^>]*-->\n/;
const END = '<!-- 按键表：结束 -->';

/** Where the secretary is, in the order a meeting goes. */
const SECTIONS: ReadonlyArray<{ context: Context; heading: string }> = [
  { context: 'resumeChoice', heading: '有一次以前的调度会未结束时' },
  { context: 'setup', heading: '开会设置（填写的栏）' },
  { context: 'setupKind', heading: '开会设置（会议类别栏）' },
  { context: 'setupAttendance', heading: '开会设置（出席情况栏）' },
  { context: 'reopenMeeting', heading: '这天的会议已结束时（是否重新打开）' },
  { context: 'agenda', heading: '议程' },
  { context: 'followups', heading: '听取上次会议议定事项落实情况' },
  { context: 'meetingItem', heading: '逐个过项目' },
  { context: 'meetingGeneral', heading: '综合事项（不针对具体项目的议定事项）' },
  { context: 'meetingEarlier', heading: '逐个过项目（选中以往议定事项时）' },
  { context: 'decisionForm', heading: '议定事项录入（议定事项栏）' },
  { context: 'decisionPick', heading: '议定事项录入（牵头单位、配合单位、责任人、完成时限栏）' },
  { context: 'meetingClosed', heading: '会议结束后' },
  { context: 'quitConfirm', heading: '退出时还有未保存的内容' },
  { context: 'ledger', heading: '督办' },
];

/** Commands every screen has (moving, help, quitting) are listed once, at the end. */
const COMMON: ReadonlySet<string> = new Set(['移动', '全局', '输入框编辑']);

function keyTables(): string {
  const out: string[] = [];
  for (const { context, heading } of SECTIONS) {
    out.push(`#### ${heading}`, '', '| 按键 | 作用 |', '|---|---|');
    for (const section of helpSections(context)) {
      if (COMMON.has(section.title)) continue;
      for (const row of section.rows) out.push(`| ${row.keys.replace(/\|/g, '\\|')} | ${row.description} |`);
    }
    out.push('');
  }
  for (const context of ['list', 'input'] as const) {
    out.push(`#### ${context === 'list' ? '各处通用' : '输入框里'}`, '', '| 按键 | 作用 |', '|---|---|');
    for (const section of helpSections(context)) {
      for (const row of section.rows) out.push(`| ${row.keys.replace(/\|/g, '\\|')} | ${row.description} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

describe('docs/meeting.md', () => {
  it('lists the keys exactly as the binding table has them', () => {
    const text = fs.readFileSync(DOC, 'utf8');
    const start = START.exec(text);
    const end = text.indexOf(END);
    expect(start, 'the start marker').not.toBeNull();
    expect(end, 'the end marker').toBeGreaterThan(0);
    const from = start!.index + start![0].length;
    const tables = keyTables();
    if (process.env.UPDATE_DOCS) {
      fs.writeFileSync(DOC, text.slice(0, from) + tables + text.slice(end));
      return;
    }
    expect(text.slice(from, end)).toBe(tables);
  });

  it('names the keys it explains in prose the way the table does', () => {
    const text = fs.readFileSync(DOC, 'utf8');
    // the keys the brief asked about: notes, the meeting kind, the picks, 督办's state filter
    expect(text).toContain('| b | 填写本项目备注（企业汇报等情况） |');
    expect(text).toContain('| ← | 上一个会议类别 |');
    expect(text).toContain('| ↓ | 下一个候选（单位、责任人） / 快选时限 |');
    expect(text).toMatch(/\| o \| 按状态筛选/);
  });
});
