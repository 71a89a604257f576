// Layout details a secretary trips over, each with hand-computed text: the footer keeps the way back
// and the way to help at 80 columns, wrapped lines never split a number, the home screen's labels
// keep their column next to a long value, the follow-up labels say what this meeting heard.
import * as path from 'node:path';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Followup, LedgerEntry } from '../../src/domain/types.js';
import { hintsFor } from '../../src/ui/key-bindings.js';
import { footerText } from '../../src/ui/screens/chrome.js';
import { followupLabel } from '../../src/ui/screens/decision-labels.js';
import { HomeRow } from '../../src/ui/screens/home.js';
import { wrapText } from '../../src/ui/screens/lines.js';
import { displayWidth } from '../../src/text/width.js';
import { assessRegister } from '../../src/domain/lag-rules.js';
import { loadRegister } from '../../src/store/register-file.js';
import { projectLines } from '../../src/ui/screens/project.js';
import { suggestionLine } from '../../src/ui/screens/meeting/decision-form.js';
import { FIXTURES } from './helpers.js';

describe('footer', () => {
  it('drops Ctrl+C first, then hints from the end, but keeps 返回 and 帮助', () => {
    const hints = hintsFor('meetingItem', [
      'meeting.addDecision',
      'meeting.editDecision',
      'meeting.deleteDecision',
      'meeting.notes',
      'meeting.nextItem',
      'meeting.prevItem',
      'nav.down',
      'app.back',
      'app.help',
      'app.quit',
    ]);
    // all of them: 90 columns (→ ← ↑↓ are one column each)
    expect(footerText(hints, 90)).toBe(
      'a 议定  e 修改  d 删除  b 备注  → 下一项  ← 上一项  ↑↓ 移动  Esc 返回  ? 帮助  Ctrl+C 退出',
    );
    // 80: Ctrl+C goes (the rest is 77 columns)
    expect(footerText(hints, 80)).toBe(
      'a 议定  e 修改  d 删除  b 备注  → 下一项  ← 上一项  ↑↓ 移动  Esc 返回  ? 帮助',
    );
    // 60: then ↑↓ 移动 and ← 上一项 go (58 columns left); 返回 and 帮助 stay
    const at60 = footerText(hints, 60);
    expect(at60).toBe('a 议定  e 修改  d 删除  b 备注  → 下一项  Esc 返回  ? 帮助');
    expect(displayWidth(at60)).toBeLessThanOrEqual(60);
  });
});

describe('wrapText', () => {
  it('never splits a number, a percentage or a date between lines', () => {
    // 30 columns: "投资完成率76.1%，序时进度75.0%" fits, "，" does not and may not start a line
    expect(wrapText('投资完成率76.1%，序时进度75.0%，超序时进度', 30)).toEqual([
      '投资完成率76.1%，序时进度',
      '75.0%，超序时进度',
    ]);
    expect(wrapText('完成时限：2021-10-15', 16)).toEqual(['完成时限：', '2021-10-15']);
  });
  it('still cuts a run longer than a line', () => {
    expect(wrapText('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 10)).toEqual(['ABCDEFGHIJ', 'KLMNOPQRST', 'UVWXYZ']);
  });
});

describe('home rows', () => {
  it('keep the label column when the value is too long for the line', () => {
    const { lastFrame } = render(
      <Box width={40}>
        <HomeRow label="议定事项">未办结 23 项，其中逾期 23 项；已落实 4 项（截至2026年11月25日）</HomeRow>
      </Box>,
    );
    // " 议定事项" padded to 16, then 24 columns: 23 of the value and "…" (the 2 would make 25)
    expect(lastFrame()).toBe(' 议定事项       未办结 23 项，其中逾期 …');
  });
});

describe('follow-up labels', () => {
  const entry = (state: LedgerEntry['state'], latest?: Followup['status']): LedgerEntry => ({
    decision: { id: '2021-09-06-01', text: '协调用地', unit: '区自然资源局', due: '2021-09-15' },
    project: 'PL-001',
    meetingDate: '2021-09-06',
    state,
    daysOverdue: state === 'overdue' ? 23 : 0,
    doneOnTime: false,
    ...(latest ? { latest: { decision: '2021-09-06-01', status: latest, heardOn: '2021-09-13' } } : {}),
  });
  it('say what this meeting heard, else how late it is, else what was heard last time', () => {
    const heard = (status: Followup['status']): Followup => ({ decision: '2021-09-06-01', status });
    expect(followupLabel(entry('overdue'), heard('已落实'))).toBe('本次：已落实');
    expect(followupLabel(entry('overdue', '推进中'), heard('推进中'))).toBe('本次：推进中');
    expect(followupLabel(entry('open'), heard('撤销'))).toBe('本次：撤销');
    expect(followupLabel(entry('overdue', '推进中'), undefined)).toBe('逾期23天');
    expect(followupLabel(entry('open', '推进中'), undefined)).toBe('上次：推进中');
    expect(followupLabel(entry('open'), undefined)).toBe('未到期');
  });
});

describe('project detail', () => {
  it('breaks a line of facts between facts, never inside a name', () => {
    const { register } = loadRegister(path.join(FIXTURES, 'register.yaml'));
    const assessment = assessRegister(register);
    const cs001 = assessment.statuses.find((s) => s.project.id === 'CS-001')!;
    // 34 columns: "建设性质 新建 · 建设阶段 在建" is 29, " · 责任单位 区发改局" would make 49;
    // "责任单位 区发改局 · 包联领导 马占文" is 35, so 马占文 goes down with its label, not alone
    const lines = projectLines(cs001, [], '万元', assessment.timeProgress, 34).map((l) => l.text);
    expect(lines.slice(1, 5)).toEqual([
      '建设性质 新建 · 建设阶段 在建',
      '责任单位 区发改局',
      '包联领导 马占文',
      '片区 北坪园区',
    ]);
  });
});

describe('unit suggestions in the decision form', () => {
  const units = ['区能源局', '开发区管委会', '区住建局', '区自然资源局', '区水利局', '区发改局'];
  it('show as many as fit, the highlighted one always among them', () => {
    // 40 columns, "候选：" takes 6: 34 for the names and "…" marks (2 columns each)
    expect(suggestionLine('候选：', units, 0, 40)).toBe('候选：【区能源局】 开发区管委会 …');
    expect(suggestionLine('候选：', units, 4, 40)).toBe('候选：… 区自然资源局 【区水利局】 …');
    expect(suggestionLine('候选：', units, 5, 40)).toBe('候选：… 区水利局 【区发改局】');
    expect(suggestionLine('候选：', units, -1, 40)).toBe('候选：区能源局 …  〔按输入〕');
    for (let pick = -1; pick < units.length; pick++)
      expect(displayWidth(suggestionLine('候选：', units, pick, 40))).toBeLessThanOrEqual(40);
  });
});
