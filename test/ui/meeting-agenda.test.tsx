// The meeting, smoother (issue 11, items 4, 6, 7), at 80×24 with exact frames: 综合事项 recorded from
// the agenda; undo (u) of a deletion, a follow-up mark, an agenda move and an edit, several steps;
// move to / jump to item N, 已讨论 / 跳过 marks and the time spent per item, all saved in the file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMinutes } from '../../src/briefing/minutes.js';
import { renderText } from '../../src/briefing/text.js';
import { loadMeeting, loadMeetings } from '../../src/store/meeting-read.js';
import { loadRegister } from '../../src/store/register-file.js';
import { KEYS, meetingFileOf, openMeetingAt } from './helpers.js';
import type { Harness } from './helpers.js';
import { FOLLOWUP_0920_02_UNHEARD, blank, frameOf } from './frames.js';

let h: Harness;
afterEach(() => h?.cleanup());

const meetingFile = () => meetingFileOf(h);

/** What the minutes of the meeting file are built from, as `minutes` reads it. */
function minutesInput() {
  return {
    meeting: loadMeeting(meetingFile(), { cache: false }),
    register: loadRegister(path.join(h.dir, 'register.yaml'), { cache: false }).register,
    meetings: loadMeetings(h.meetingsDir, { cache: false }),
  };
}

/** On the agenda's selected project: a decision recorded with its 牵头单位 and no 责任人 (asked once). */
async function decideWithoutOwner(text: string, unit: string): Promise<void> {
  await h.press('a', '新增议定事项');
  await h.press(text);
  await h.press(KEYS.tab);
  await h.press(unit);
  await h.press(KEYS.ctrlS, '仍要保存'); // no 责任人: asked once
  await h.press('y', '已保存议定事项');
}

describe('综合事项 (decisions tied to no project)', () => {
  it('are recorded from the agenda’s last row, saved under general:, in the same id sequence', async () => {
    h = await openMeetingAt('agenda');
    // a decision on a project first: 2021-10-08-01
    await h.press(KEYS.down);
    await decideWithoutOwner('督促企业增加作业面', '区发改局');
    await h.press(KEYS.esc, '议程 共3项');
    const agenda = await h.press('G', '▶     综合事项');
    expect(agenda.split('\n')[7]).toBe('▶     综合事项（不针对具体项目的议定事项）');
    await h.press('a', '新增综合事项');
    await h.press('各责任单位周五前报送投资统计数据');
    await h.press(KEYS.tab);
    await h.press('区发改局');
    await h.press(KEYS.ctrlS, '仍要保存'); // no 责任人: asked once
    expect(await h.press('y', '已保存议定事项 2021-10-08-02')).toMatchInlineSnapshot(`
      " diaodu › 调度会 2021-10-08                                       综合事项 1项
       会议议定的、不针对具体项目的事项，与项目的议定事项一样督办、跟进
       a 新增 · e 修改 · d 删除 · u 撤销上步
      ── 综合事项（1） ───────────────────────────────────────────────────────────────
      ▶1. 各责任单位周五前报送投资统计数据（区发改局·2021-10-15）
       （按 a 或 Enter 新增综合事项）
















      已保存议定事项 2021-10-08-02：各责任单位周五前报送投资统计数据（区发改局，2021-…
      a 议定  e 修改  d 删除  u 撤销上步  ↑↓ 移动  Esc 返回  ? 帮助  Ctrl+C 退出"
    `);
    const m = loadMeeting(meetingFile());
    expect(m.general).toEqual([
      { id: '2021-10-08-02', text: '各责任单位周五前报送投资统计数据', unit: '区发改局', due: '2021-10-15' },
    ]);
    expect(fs.readFileSync(meetingFile(), 'utf8')).toMatch(/\ngeneral:\n {2}- id: 2021-10-08-02\n/);
    // the agenda row counts them; the minutes have a section of their own before 下步工作要求
    await h.press(KEYS.esc, '议程 共3项');
    expect(h.frame().split('\n')[7]).toBe('▶     综合事项（不针对具体项目的议定事项）：已议定1项');
    const text = renderText(buildMinutes(minutesInput()));
    expect(text).toContain(
      '四、综合事项\n\n　　会议议定：\n\n　　1.各责任单位周五前报送投资统计数据（责任单位：区发改局，完成时限：2021年10月15日）。\n\n五、下步工作要求',
    );
  });
});

describe('undo (u)', () => {
  it('takes back a deletion, a follow-up mark, an agenda move and an edit, one step at a time, each saved', async () => {
    h = await openMeetingAt('agenda');
    // an edit: a decision recorded, then changed
    await h.press(KEYS.down);
    await decideWithoutOwner('督促企业增加作业面', '区发改局');
    await h.press('e', '修改议定事项 2021-10-08-01');
    await h.press('，10月底前完成');
    await h.press(KEYS.ctrlS, '仍要保存'); // no 责任人: asked once
    await h.press('y', '已保存议定事项');
    // a deletion
    await h.press('d', '删除议定事项“');
    await h.press('y', '已删除议定事项 2021-10-08-01');
    // an agenda move
    await h.press(KEYS.esc, '议程 共3项');
    await h.press('J', '2. ●红 CS-004');
    // a follow-up mark
    await h.press('f', '上次议定事项');
    await h.press('y', '2021-09-20-01：已落实');
    let m = loadMeeting(meetingFile());
    expect(m.followups).toEqual([{ decision: '2021-09-20-01', status: '已落实' }]);
    expect(m.items.map((i) => i.project)).toEqual(['CS-004', 'CS-001', 'CS-002']);
    expect(m.items[1]!.decisions).toEqual([]);

    expect(await h.press('u', '已撤销：落实情况')).toBe(
      frameOf(
        ' diaodu › 调度会 2021-10-08                                   上次议定事项 2/2',
        ' y/1 已落实 · t/2 推进中 · x/3 撤销 · 0 未听取 · e 说明 · 逾期由程序计算',
        ' 【逾期14天】     2021-09-20-01 协调落实项目用地指标（区自然资源局）',
        '▶【未到期】       2021-09-20-02 督促施工单位增加作业面（区发改局）',
        blank(12),
        FOLLOWUP_0920_02_UNHEARD,
        '已撤销：落实情况 2021-09-20-01 记为“已落实”',
        'y 已落实  t 推进中  x 撤销  0 未听取  e 说明  ↑↓ 移动  Esc 返回  ? 帮助',
      ),
    );
    expect(loadMeeting(meetingFile()).followups).toEqual([]);
    await h.press(KEYS.esc, '议程 共3项');
    expect((await h.press('u', '已撤销：议程顺序')).split('\n').slice(-2, -1)).toEqual([
      '已撤销：议程顺序（CS-001 从第1项移到第2项）',
    ]);
    expect(loadMeeting(meetingFile()).items.map((i) => i.project)).toEqual(['CS-001', 'CS-004', 'CS-002']);
    expect((await h.press('u', '已撤销：删除')).split('\n').slice(-2, -1)).toEqual([
      '已撤销：删除议定事项 2021-10-08-01“督促企业增加作业面，10月底前完…”',
    ]);
    m = loadMeeting(meetingFile());
    expect(m.items[0]!.decisions).toEqual([
      { id: '2021-10-08-01', text: '督促企业增加作业面，10月底前完成', unit: '区发改局', due: '2021-10-15' },
    ]);
    expect((await h.press('u', '已撤销：修改')).split('\n').slice(-2, -1)).toEqual([
      '已撤销：修改议定事项 2021-10-08-01',
    ]);
    expect(loadMeeting(meetingFile()).items[0]!.decisions[0]!.text).toBe('督促企业增加作业面');
    expect((await h.press('u', '已撤销：新增')).split('\n').slice(-2, -1)).toEqual([
      '已撤销：新增议定事项“督促企业增加作业面”',
    ]);
    expect(loadMeeting(meetingFile()).items[0]!.decisions).toEqual([]);
    expect((await h.press('u', '没有可撤销的修改')).split('\n').slice(-2, -1)).toEqual(['没有可撤销的修改']);
  });
});

describe('the agenda: positions, marks, time', () => {
  it('moves an item to a typed position and jumps to item N', async () => {
    h = await openMeetingAt('agenda');
    await h.press(KEYS.down);
    await h.press('m', '移到第几项');
    await h.press('3');
    expect(await h.press(KEYS.enter, '已把 CS-001 移到第3项')).toMatchInlineSnapshot(`
      " diaodu › 调度会 2021-10-08                                         议程 共3项
       2021-10-08 周调度会 第2期 · 主持 马占文 · 出席 区发改局、区住建局、区交通局
       K/J 调整顺序 · x 移出议程 · i 加入项目 · f 听取落实情况 · C 结束会议
        上次会议议定事项落实情况（2项，已听取0项，未听取2项，其中逾期1项）
        1. ●红 CS-004 乡村道路提质工程     区交通局
        2. ▲黄 CS-002 城区集中供热改造工程 区住建局
      ▶ 3. ●红 CS-001 光伏组件项目         区发改局
            综合事项（不针对具体项目的议定事项）














      已把 CS-001 移到第3项
      Enter 打开  f 落实  a 议定  ↑↓ 移动  Esc 返回  ? 帮助  Ctrl+C 退出"
    `);
    expect(loadMeeting(meetingFile()).items.map((i) => i.project)).toEqual(['CS-004', 'CS-002', 'CS-001']);
    // a number out of range is refused, the prompt stays
    await h.press('m', '移到第几项');
    await h.press('9');
    expect((await h.press(KEYS.enter, '序号应为')).split('\n').slice(-3, -1)).toEqual([
      ' 把 CS-001 移到第几项（1-3）：9',
      '议程共3项，序号应为1到3',
    ]);
    await h.press(KEYS.esc, '议程 共3项');
    // typing a number jumps to that item
    await h.press('2', '转到第几项');
    const jumped = await h.press(KEYS.enter, '第2/3项');
    expect(jumped.split('\n')[1]).toBe('▲黄 CS-002 城区集中供热改造工程 · 区住建局 · 包联 张建国');
  });

  it('marks items 已讨论 / 跳过 (again: unmarked); the minutes take up 已讨论 and leave out 跳过', async () => {
    h = await openMeetingAt('agenda');
    await h.press(KEYS.down);
    await h.press('t', 'CS-001 已标记为“已讨论”');
    await h.press(KEYS.down);
    // CS-004 opened, then passed over: 跳过 wins over the discussed flag opening wrote
    await h.press(KEYS.enter, '第2/3项');
    await h.press('s', 'CS-004 已标记为“跳过”');
    await h.press(KEYS.esc, '议程 共3项');
    await h.press(KEYS.down);
    await h.press('s', 'CS-002 已标记为“跳过”');
    expect(await h.press('s', '已取消 CS-002 的“跳过”标记')).toMatchInlineSnapshot(`
      " diaodu › 调度会 2021-10-08                                         议程 共3项
       2021-10-08 周调度会 第2期 · 主持 马占文 · 出席 区发改局、区住建局、区交通局
       K/J 调整顺序 · x 移出议程 · i 加入项目 · f 听取落实情况 · C 结束会议
        上次会议议定事项落实情况（2项，已听取0项，未听取2项，其中逾期1项）
        1. ●红 CS-001 光伏组件项目         区发改局  ✓已讨论
        2. ●红 CS-004 乡村道路提质工程     区交通局  跳过
      ▶ 3. ▲黄 CS-002 城区集中供热改造工程 区住建局
            综合事项（不针对具体项目的议定事项）














      已取消 CS-002 的“跳过”标记
      Enter 打开  f 落实  a 议定  ↑↓ 移动  Esc 返回  ? 帮助  Ctrl+C 退出"
    `);
    const m = loadMeeting(meetingFile());
    expect(m.items.map((i) => [i.project, i.status ?? null, i.discussed ?? null])).toEqual([
      ['CS-001', '已讨论', true],
      ['CS-004', '跳过', false],
      ['CS-002', null, null],
    ]);
    const text = fs.readFileSync(meetingFile(), 'utf8');
    expect(text).toContain('    status: 已讨论\n');
    expect(text).toContain('    discussed: true\n    status: 跳过\n');
    const minutes = buildMinutes(minutesInput()).data as {
      items: { project: string }[];
      notTakenUp: string[];
    };
    expect(minutes.items.map((i) => i.project)).toEqual(['CS-001']);
    expect(minutes.notTakenUp).toEqual(['CS-004', 'CS-002']);
  });

  it('saves the time spent on each item (summed over visits) and the minutes show it with times', async () => {
    let clock = 0;
    h = await openMeetingAt('agenda', { now: () => clock });
    await h.press(KEYS.down);
    await h.press(KEYS.enter, '第1/3项');
    clock += 125_000;
    await h.press('n', '第2/3项');
    expect(loadMeeting(meetingFile()).items[0]!.seconds).toBe(125);
    clock += 20_000;
    await h.press('p', '第1/3项');
    clock += 50_000;
    await h.press(KEYS.esc, '议程 共3项');
    const m = loadMeeting(meetingFile());
    expect(m.items.map((i) => [i.project, i.seconds ?? null])).toEqual([
      ['CS-001', 175],
      ['CS-004', 20],
      ['CS-002', null],
    ]);
    expect(fs.readFileSync(meetingFile(), 'utf8')).toContain('    seconds: 175\n');
    const input = minutesInput();
    expect(renderText(buildMinutes({ ...input, times: true }))).toContain('（一）光伏组件项目（用时3分钟）');
    expect(renderText(buildMinutes({ ...input, times: true }))).toContain(
      '（二）乡村道路提质工程（用时不足1分钟）',
    );
    expect(renderText(buildMinutes(input))).toContain('（一）光伏组件项目\n');
  });
});
