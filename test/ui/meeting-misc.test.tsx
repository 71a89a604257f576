// Issue 11 ("The secretary's meeting, smoother"), items 5 and 10, at 80×24 with exact frames:
// earlier decisions marked from a project's page (and set back to 未听取), `f` at the first one not
// heard, `?` inside forms and the set-up screen, help headings in Chinese, the briefing chooser's
// help, the status line per view, Esc on an unchanged form.
import * as fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMeeting } from '../../src/store/meeting-read.js';
import { commandFor } from '../../src/ui/key-bindings.js';
import { helpLines } from '../../src/ui/screens/help.js';
import { KEYS, meetingFileOf, openMeetingAt, startApp, tabThrough } from './helpers.js';
import type { Harness } from './helpers.js';
import { CS001_PAGE_TOP, FOLLOWUP_0920_02_UNHEARD, HELP_MOVE_KEYS, blank, frameOf } from './frames.js';

let h: Harness;
afterEach(() => h?.cleanup());

const meetingFile = () => meetingFileOf(h);
const heardIn = () => loadMeeting(meetingFile()).followups.map((f) => `${f.decision} ${f.status}`);

describe('earlier decisions heard from the project page (item 5)', () => {
  it('selects an earlier decision with ↑, marks it there, and sets the mark back to 未听取', async () => {
    h = await openMeetingAt('project');
    expect(await h.press(KEYS.up, '▶以往议定')).toBe(
      frameOf(
        CS001_PAGE_TOP,
        '以往议定【逾期14天】协调落实项目用地指标（区自然资源局，2021-09-24）',
        '▶以往议定【未到期】督促施工单位增加作业面（区发改局，2021-10-15）',
        '── 本次议定事项（0） ───────────────────────────────────────────────────────────',
        ' 备注：（按 b 填写）',
        blank(9),
        'y 已落实  t 推进中  x 撤销  0 未听取  e 说明  ↑↓ 移动  Esc 返回  ? 帮助',
      ),
    );
    // y marks the selected one (2021-09-20-02) without leaving the project
    expect(await h.press('y', '本次：已落实')).toBe(
      frameOf(
        CS001_PAGE_TOP,
        '以往议定【逾期14天】协调落实项目用地指标（区自然资源局，2021-09-24）',
        '▶以往议定【本次：已落实】督促施工单位增加作业面（区发改局，2021-10-15）',
        '── 本次议定事项（0） ───────────────────────────────────────────────────────────',
        ' 备注：（按 b 填写）',
        blank(8),
        '2021-09-20-02：已落实',
        'y 已落实  t 推进中  x 撤销  0 未听取  e 说明  ↑↓ 移动  Esc 返回  ? 帮助',
      ),
    );
    expect(heardIn()).toEqual(['2021-09-20-02 已落实']);
    // u sets it back: the file no longer says it was heard, the label is 未到期 again
    const back = await h.press('0', '改回未听取');
    expect(back).toContain('▶以往议定【未到期】督促施工单位增加作业面');
    expect(heardIn()).toEqual([]);
    // ↑ again: the overdue one; 2 marks it 推进中
    await h.press(KEYS.up, '▶以往议定【逾期14天】');
    expect(await h.press('2', '本次：推进中')).toContain('▶以往议定【本次：推进中】协调落实项目用地指标');
    expect(heardIn()).toEqual(['2021-09-20-01 推进中']);
    // ↓↓ back on the decisions row: e and d act on the page's own rows again
    await h.press(KEYS.down);
    expect(await h.press(KEYS.down, '▶备注')).toContain('a 议定  e 修改  d 删除');
  });

  it('f opens the follow-up list at the first decision not heard yet; 0 there sets it back', async () => {
    h = await openMeetingAt('project');
    await h.press(KEYS.up);
    await h.press(KEYS.up, '▶以往议定【逾期14天】');
    await h.press('y', '本次：已落实');
    // from the project page: the first one is heard, so the list opens on the second
    expect(await h.press('f', '上次议定事项 2/2')).toBe(
      frameOf(
        ' diaodu › 调度会 2021-10-08                                   上次议定事项 2/2',
        ' y/1 已落实 · t/2 推进中 · x/3 撤销 · 0 未听取 · e 说明 · 逾期由程序计算',
        ' 【本次：已落实】 2021-09-20-01 协调落实项目用地指标（区自然资源局）',
        '▶【未到期】       2021-09-20-02 督促施工单位增加作业面（区发改局）',
        blank(12),
        FOLLOWUP_0920_02_UNHEARD,
        blank(1),
        'y 已落实  t 推进中  x 撤销  0 未听取  e 说明  ↑↓ 移动  Esc 返回  ? 帮助',
      ),
    );
    await h.press(KEYS.up, '上次议定事项 1/2');
    expect(await h.press('0', '改回未听取')).toContain('▶【逾期14天】');
    expect(heardIn()).toEqual([]);
    // nothing heard: f from the agenda opens on the first
    await h.press(KEYS.esc, '议程 共3项');
    await h.press(KEYS.down);
    expect(await h.press('f', '上次议定事项')).toContain('上次议定事项 1/2');
  });
});

describe('help, status line and Esc (item 10)', () => {
  it('opens help with ? on the set-up screen: the kind field, and an empty text field', async () => {
    h = await openMeetingAt('set-up');
    await h.press(KEYS.tab, '▶会议类别');
    expect(await h.press('?', '帮助')).toMatchInlineSnapshot(`
      " diaodu › 帮助
      在“开会设置 · 会议类别”中可用的按键：

      全局
        Esc                    返回上一层 / 取消
        ?                      显示全部快捷键
        Ctrl+C                 保存并退出

      表单
        Tab                    下一栏
        Shift+Tab              上一栏
        ↓                      下一栏
        ↑                      上一栏

      开会设置
        Ctrl+S                 开会（建立会议记录，议程自动排好）
        → / 空格               下一个会议类别（周调度 / 月调度 / 专题）
        ←                      上一个会议类别
        Enter                  下一栏（最后一栏：开会）




      ↑↓ 移动  PgDn 翻页  Esc 返回  Ctrl+C 退出"
    `);
    await h.press(KEYS.esc, '▶会议类别');
    // 主持 has text: ? is typed there
    await h.press(KEYS.tab, '▶主持');
    expect(await h.press('?', '马占文?')).toContain('▶主持      马占文?');
    await h.press(KEYS.backspace, (f) => !f.includes('马占文?'));
    // the attendance checklist: ? is a key there
    await tabThrough(h, '▶地点', '▶出席情况');
    expect(await h.press('?', '帮助')).toContain('在“开会设置 · 出席情况”中可用的按键：');
    await h.press(KEYS.esc, '▶出席情况');
    // 增加人员 is empty: ? opens the help of the set-up fields
    await h.press(KEYS.tab, '▶增加人员');
    const help = await h.press('?', '帮助');
    expect(help).toContain('在“开会设置”中可用的按键：');
    expect(help).toMatch(/\?（栏内为空时） +显示全部快捷键/);
    expect(await h.press(KEYS.esc, '▶增加人员')).toContain('▶增加人员  名单外的人员');
  });

  it('opens help with ? in an empty field of the decision form, types it into a field with text', async () => {
    h = await openMeetingAt('project');
    await h.press('a', '新增议定事项');
    const help = await h.press('?', '帮助');
    expect(help).toContain('在“议定事项录入”中可用的按键：');
    await h.press(KEYS.esc, '新增议定事项');
    expect(await h.press('协调?', '协调?')).toContain('▶议定事项  协调?');
    // the binding table agrees: ? acts only on an empty field where text is typed
    expect(commandFor('decisionForm', '?', {})).toBeUndefined();
    expect(commandFor('decisionForm', '?', { emptyField: true })).toBe('app.help');
    expect(commandFor('agenda', '?', {})).toBe('app.help');
  });

  it('names every help group in Chinese (首页, not "home")', async () => {
    h = await startApp({ routes: [{ screen: 'home' }] });
    await h.waitFor('总览');
    const help = await h.press('?', '帮助');
    expect(help).toBe(
      frameOf(
        ' diaodu › 帮助',
        '在“首页”中可用的按键：',
        blank(1),
        '打开界面',
        '  1                      项目台账',
        '  2                      周调度会',
        '  3                      督办台账（议定事项）',
        '  4                      纪要与通报',
        '  5                      设置',
        '  6                      包联领导（项目、红黄灯、逾期议定事项）',
        blank(1),
        '首页',
        '  r                      重新读取台账和会议记录（在别处改过文件之后）',
        blank(1),
        HELP_MOVE_KEYS,
        blank(1),
        '↑↓ 移动  PgDn 翻页  Esc 返回  Ctrl+C 退出',
      ),
    );
    for (const context of [
      'home',
      'projects',
      'ledger',
      'settings',
      'briefings',
      'meetingEarlier',
    ] as const) {
      const headings = helpLines(context).filter((l) => l.bold);
      for (const l of headings) expect(l.text, context).toMatch(/[\u4e00-\u9fff]/);
      // each group once
      expect(new Set(headings.map((l) => l.text)).size, context).toBe(headings.length);
    }
  });

  it('lists on the briefing chooser’s help only the keys that act there', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'briefings' }] });
    await h.waitFor('选择要生成的文稿');
    const help = await h.press('?', '帮助');
    expect(help).toContain('在“纪要与通报 · 选择文稿”中可用的按键：');
    expect(help).not.toContain('写出文件');
    expect(help).not.toContain('切换格式');
    expect(help).not.toContain('切换纪要 / 月通报');
    expect(help).toContain('打开选中项');
  });

  it('clears the status line when the view changes, and leaves an unchanged form without asking', async () => {
    h = await openMeetingAt('project');
    await h.press('a', '新增议定事项');
    await h.press('督促加快进度', '督促加快进度');
    // no 责任人: the form asks once before saving
    await h.press(KEYS.ctrlS, '仍要保存');
    await h.press('y', '已保存议定事项');
    // the next project: the message was about the first one
    const next = await h.press('n', '第2/3项');
    expect(next).not.toContain('已保存议定事项');
    await h.press('p', '第1/3项');
    expect(h.frame()).not.toContain('已保存议定事项');
    // e on the saved decision, Esc without changing it: no question, the form is gone
    await h.press('e', '修改议定事项');
    const after = await h.press(KEYS.esc, (f) => !f.includes('修改议定事项'));
    expect(after).not.toContain('放弃正在输入的内容');
    expect(after).toContain('▶1. 督促加快进度');
    // changed: Esc asks
    await h.press('e', '修改议定事项');
    await h.press('！', '督促加快进度！');
    expect(await h.press(KEYS.esc, '放弃正在输入的内容')).toContain('放弃正在输入的内容？');
    expect(fs.existsSync(meetingFile())).toBe(true);
  });
});
