// The meeting screen, key by key, at 80×24: exact frames for set-up, agenda, follow-ups, a project
// and the decision form; and what each key leaves in the meeting file. Fixture day: 2021-10-08 (a
// Friday), so 下周五 is 2021-10-15 and 月底 2021-10-31.
import * as fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMeeting } from '../../src/store/meeting-read.js';
import { AT_MEETING, KEYS, meetingFileOf, openMeetingAt, startApp, tabThrough } from './helpers.js';
import type { Harness } from './helpers.js';
import {
  CS001_EARLIER_UNHEARD,
  CS001_FORM_TOP,
  CS001_PAGE_TOP,
  FORM_BELOW_TEXT_UNTOUCHED,
  blank,
  frameOf,
} from './frames.js';

let h: Harness;
afterEach(() => h?.cleanup());

const meetingFile = () => meetingFileOf(h);

describe('调度会', () => {
  it('sets up with today and the people expected (last time’s 请假 expected again), then builds the agenda red, yellow, due', async () => {
    h = await openMeetingAt('set-up');
    expect(h.frame()).toMatchInlineSnapshot(`
      " diaodu › 调度会 · 开会
       测试区2021年重点项目台账 · 数据截至 2021-09-30

       ▶会议日期  2021-10-08
        会议类别  ◀ 周调度 ▶
        主持      马占文
        地点      区政府三楼会议室
        出席情况  出席3人 · 请假0人 · 列席0人
                  区发改局                                                   〔出席〕
                  区住建局                                                   〔出席〕
                  区交通局                                                   〔出席〕
        增加人员  名单外的人员，用顿号分隔，Enter 加入上面的名单

       第2期 · 先听取以往议定事项2项 · 议程3个项目（红灯、黄灯、有到期事项的）
       Tab/↓ 下一栏 · Enter 下一栏（最后一栏：开会） · Ctrl+S 开会 · Esc 取消








      Tab 下一栏  Ctrl+S 开会  Esc 取消  Ctrl+C 退出"
    `);
    expect(fs.existsSync(meetingFile())).toBe(false);
    // Ctrl+S starts it: the file exists at once, with the agenda and the snapshot of each light
    await h.press(KEYS.ctrlS, '已建立会议记录');
    expect(h.shown()).toMatchInlineSnapshot(`
      " diaodu › 调度会 2021-10-08                                         议程 共3项
       2021-10-08 周调度会 第2期 · 主持 马占文 · 出席 区发改局、区住建局、区交通局
       K/J 调整顺序 · x 移出议程 · i 加入项目 · f 听取落实情况 · C 结束会议
      ▶ 上次会议议定事项落实情况（2项，已听取0项，未听取2项，其中逾期1项）
        1. ●红 CS-001 光伏组件项目         区发改局
        2. ●红 CS-004 乡村道路提质工程     区交通局
        3. ▲黄 CS-002 城区集中供热改造工程 区住建局
            综合事项（不针对具体项目的议定事项）














      已建立会议记录 2021-10-08-周调度.yaml（保存在 <tmp>/meetings）
      Enter 打开  f 落实  a 议定  ↑↓ 移动  Esc 返回  ? 帮助  Ctrl+C 退出"
    `);
    const m = loadMeeting(meetingFile());
    expect(m.meeting).toMatchObject({
      date: '2021-10-08',
      kind: '周调度',
      chair: '马占文',
      present: ['区发改局', '区住建局', '区交通局'],
      absent: [],
      late: [],
      closed: false,
      asOf: '2021-09-30',
      register: '../register.yaml',
    });
    expect(m.items.map((i) => [i.project, i.light])).toEqual([
      ['CS-001', '红'],
      ['CS-004', '红'],
      ['CS-002', '黄'],
    ]);
    // The state at the meeting is recorded (docs/minutes-rules.md): the register's 总体 figures and
    // each item's figures, so the minutes never depend on a register updated later. Nothing is
    // taken up yet.
    expect(m.meeting.snapshot).toMatchObject({ projects: 5, red: 2, yellow: 1, green: 2 });
    expect(m.items.every((i) => i.figures !== undefined && i.discussed === undefined)).toBe(true);
  });

  it('marks an agenda item taken up (discussed) when the secretary opens it', async () => {
    h = await openMeetingAt('agenda');
    await h.press(KEYS.down);
    await h.press(KEYS.down);
    await h.press(KEYS.enter, '第2/3项');
    await h.waitFor('第2/3项');
    const m = loadMeeting(meetingFile());
    expect(m.items.map((i) => [i.project, i.discussed ?? false])).toEqual([
      ['CS-001', false],
      ['CS-004', true],
      ['CS-002', false],
    ]);
    expect(fs.readFileSync(meetingFile(), 'utf8')).toContain('discussed: true');
  });

  it('marks each expected attendee 出席 / 请假 / 列席 / 迟到 and adds people not on the list', async () => {
    h = await openMeetingAt('set-up');
    await tabThrough(h, '▶会议类别', '▶主持', '▶地点', '▶出席情况');
    // 区交通局 was 请假 last time: expected again, as 出席; → (or 空格) changes the selected one
    await h.press(KEYS.down);
    await h.press(KEYS.down, /▶区交通局/);
    expect(await h.press(KEYS.right, '〔请假〕')).toMatchInlineSnapshot(`
      " diaodu › 调度会 · 开会
       测试区2021年重点项目台账 · 数据截至 2021-09-30

        会议日期  2021-10-08
        会议类别  ◀ 周调度 ▶
        主持      马占文
        地点      区政府三楼会议室
       ▶出席情况  出席2人 · 请假1人 · 列席0人  ←/→ 改出席情况
                  区发改局                                                   〔出席〕
                  区住建局                                                   〔出席〕
                 ▶区交通局                                                   〔请假〕
        增加人员  名单外的人员，用顿号分隔，Enter 加入上面的名单

       第2期 · 先听取以往议定事项2项 · 议程3个项目（红灯、黄灯、有到期事项的）
       Tab/↓ 下一栏 · Enter 下一栏（最后一栏：开会） · Ctrl+S 开会 · Esc 取消








      → 出席/请假  Tab 下一栏  Ctrl+S 开会  Esc 返回  ? 帮助  Ctrl+C 退出"
    `);
    await h.press(KEYS.up);
    await h.press(KEYS.right + KEYS.right + KEYS.right, '迟到1人');
    // 增加人员: typed names join the checklist as 出席
    await h.press(KEYS.tab, '▶增加人员');
    await h.press('区水利局、区文旅局', '区文旅局');
    const added = await h.press(KEYS.enter, '出席4人');
    expect(added).toMatch(/ 区文旅局 +〔出席〕/);
    expect(added).toContain('▶增加人员  名单外的人员');
    await h.press(KEYS.ctrlS, '已建立会议记录');
    const m = loadMeeting(meetingFile()).meeting;
    expect([m.present, m.absent, m.attending, m.late]).toEqual([
      ['区发改局', '区住建局', '区水利局', '区文旅局'],
      ['区交通局'],
      [],
      ['区住建局'],
    ]);
    // the minutes' 出席 line names who attended, late or not; 迟到 stays in the meeting file only
    expect(fs.readFileSync(meetingFile(), 'utf8')).toContain('late: [区住建局]');
  });

  it('hears earlier decisions first: 已落实 / 推进中 / 撤销 and a note; 逾期 is shown, not typed', async () => {
    h = await openMeetingAt('agenda');
    expect(await h.press(KEYS.enter, '本次尚未听取')).toMatchInlineSnapshot(`
      " diaodu › 调度会 2021-10-08                                   上次议定事项 1/2
       y/1 已落实 · t/2 推进中 · x/3 撤销 · 0 未听取 · e 说明 · 逾期由程序计算
      ▶【逾期14天】     2021-09-20-01 协调落实项目用地指标（区自然资源局）
       【未到期】       2021-09-20-02 督促施工单位增加作业面（区发改局）












      ────────────────────────────────────────────────────────────────────────────────
      2021-09-20-01（2021-09-20会议） CS-001 光伏组件项目
      协调落实项目用地指标

      责任单位：区自然资源局 · 责任人：王强 · 完成时限：2021-09-24（逾期14天）
      本次尚未听取

      y 已落实  t 推进中  x 撤销  0 未听取  e 说明  ↑↓ 移动  Esc 返回  ? 帮助"
    `);
    // the list says what this meeting heard, no longer how late the decision was
    const afterYes = await h.press('y', '2021-09-20-01：已落实');
    expect(afterYes).toContain(' 【本次：已落实】 2021-09-20-01 协调落实项目用地指标（区自然资源局）');
    expect(afterYes).toContain('▶【未到期】       2021-09-20-02 督促施工单位增加作业面（区发改局）');
    expect(afterYes).not.toContain('【逾期14天】');
    await h.press('t', '2021-09-20-02：推进中');
    await h.press('k');
    await h.press('e', '落实情况说明');
    await h.press('用地指标已下达');
    expect(await h.press(KEYS.enter, '已记录落实情况')).toMatchInlineSnapshot(`
      " diaodu › 调度会 2021-10-08                                   上次议定事项 1/2
       y/1 已落实 · t/2 推进中 · x/3 撤销 · 0 未听取 · e 说明 · 逾期由程序计算
      ▶【本次：已落实】 2021-09-20-01 协调落实项目用地指标（区自然资源局）
       【本次：推进中】 2021-09-20-02 督促施工单位增加作业面（区发改局）












      ────────────────────────────────────────────────────────────────────────────────
      2021-09-20-01（2021-09-20会议） CS-001 光伏组件项目
      协调落实项目用地指标

      责任单位：区自然资源局 · 责任人：王强 · 完成时限：2021-09-24（逾期14天）
      本次听取：已落实，用地指标已下达
      已记录落实情况：已落实
      y 已落实  t 推进中  x 撤销  0 未听取  e 说明  ↑↓ 移动  Esc 返回  ? 帮助"
    `);
    expect(loadMeeting(meetingFile()).followups).toEqual([
      { decision: '2021-09-20-01', status: '已落实', note: '用地指标已下达' },
      { decision: '2021-09-20-02', status: '推进中' },
    ]);
    // changing one's mind replaces the entry
    await h.press('x', '2021-09-20-01：撤销');
    expect(loadMeeting(meetingFile()).followups[0]).toEqual({
      decision: '2021-09-20-01',
      status: '撤销',
      note: '用地指标已下达',
    });
  });

  it('says so when there is nothing to hear, and offers no keys that would do nothing', async () => {
    h = await openMeetingAt('agenda', { withMeetings: false });
    const empty = (await h.press(KEYS.enter, '没有需要听取')).split('\n');
    expect(empty[1]).toBe(' 没有需要听取的以往议定事项');
    expect(empty[23]).toBe('Esc 返回  ? 帮助  Ctrl+C 退出');
    expect((await h.press('y', '按 Esc 回到议程')).split('\n')[22]).toBe(
      '没有需要听取的以往议定事项：按 Esc 回到议程',
    );
  });

  it('walks one project at a time and records, edits and deletes decisions', async () => {
    h = await openMeetingAt('agenda');
    await h.press(KEYS.down);
    expect(await h.press(KEYS.enter, '第1/3项')).toBe(
      frameOf(
        CS001_PAGE_TOP,
        CS001_EARLIER_UNHEARD,
        '── 本次议定事项（0） ───────────────────────────────────────────────────────────',
        '▶备注：（按 b 填写）',
        blank(9),
        'a 议定  e 修改  d 删除  b 备注  → 下一项  ← 上一项  ↑↓ 移动  Esc 返回  ? 帮助',
      ),
    );
    expect(await h.press('a', '新增议定事项')).toBe(
      frameOf(CS001_FORM_TOP, '▶议定事项', FORM_BELOW_TEXT_UNTOUCHED),
    );
    await h.press('协调落实');
    await h.press('项目用地指标');
    await h.press(KEYS.tab, '候选');
    expect(await h.press('自然', '【区自然资源局】')).toBe(
      frameOf(
        CS001_FORM_TOP,
        ' 议定事项  协调落实项目用地指标',
        '▶牵头单位  自然',
        ' 配合单位',
        ' 责任人',
        ' 完成时限  下周五       → 2021年10月15日（星期五）',
        '  候选（↑/↓ 选，Tab/Enter 确定）：【区自然资源局】',
        blank(1),
        '↑↓ 选择  Tab 下一栏  Ctrl+S 保存  Enter 确认  Esc 取消  ? 帮助  Ctrl+C 退出',
      ),
    );
    await h.press(KEYS.tab, '▶配合单位');
    // 责任人: the person the unit sent last time is offered
    expect((await h.press(KEYS.tab, '▶责任人')).split('\n')[21]).toBe(
      '  区自然资源局以往责任人（↑/↓ 选，Tab/Enter 确定）：【王强】',
    );
    await h.press('王强');
    await h.press(KEYS.tab, '快选');
    expect(await h.press(KEYS.down, '月底')).toBe(
      frameOf(
        CS001_FORM_TOP,
        ' 议定事项  协调落实项目用地指标',
        ' 牵头单位  区自然资源局',
        ' 配合单位',
        ' 责任人    王强',
        '▶完成时限  月底         → 2021年10月29日（星期五；10月31日星期日，已提前）',
        '  ↑/↓ 快选：本周五 下周五 【月底】 +3天 +7天 +15天 +30天；直接写 11-30 即替换',
        blank(1),
        '↑↓ 选择  Tab 下一栏  Ctrl+S 保存  Enter 确认  Esc 取消  ? 帮助  Ctrl+C 退出',
      ),
    );
    expect(await h.press(KEYS.enter, '已保存议定事项')).toBe(
      frameOf(
        CS001_PAGE_TOP,
        CS001_EARLIER_UNHEARD,
        '── 本次议定事项（1） ───────────────────────────────────────────────────────────',
        '▶1. 协调落实项目用地指标（区自然资源局·王强·2021-10-29）',
        ' 备注：（按 b 填写）',
        blank(7),
        '已保存议定事项 2021-10-08-01：协调落实项目用地指标（区自然资源局，2021-10-29）',
        'a 议定  e 修改  d 删除  b 备注  → 下一项  ← 上一项  ↑↓ 移动  Esc 返回  ? 帮助',
      ),
    );
    expect(loadMeeting(meetingFile()).items[0]!.decisions).toEqual([
      {
        id: '2021-10-08-01',
        text: '协调落实项目用地指标',
        unit: '区自然资源局',
        owner: '王强',
        due: '2021-10-29',
      },
    ]);

    // e edits: the owner removed, the due typed as month-day (typing replaces what the field held)
    await h.press('e', '修改议定事项 2021-10-08-01');
    await tabThrough(h, '▶牵头单位', '▶配合单位', '▶责任人');
    await h.press('\u0015', '【王强】'); // Ctrl+U clears the field; the last person is offered again
    await h.press(KEYS.up, '〔按输入〕'); // ↑: keep it empty
    await h.press(KEYS.tab, '▶完成时限');
    await h.press('11-5', '2021年11月5日');
    // no 责任人: the form asks before saving
    expect((await h.press(KEYS.ctrlS, '仍要保存')).split('\n')[22]).toBe(
      '未填责任人。仍要保存？ y 保存 · n 返回修改',
    );
    await h.press('y', '已保存议定事项');
    expect(loadMeeting(meetingFile()).items[0]!.decisions).toEqual([
      { id: '2021-10-08-01', text: '协调落实项目用地指标', unit: '区自然资源局', due: '2021-11-05' },
    ]);

    // notes: Enter on the notes row
    await h.press(KEYS.down);
    await h.press(KEYS.enter, '备注：');
    await h.press('企业汇报设备已进场');
    await h.press(KEYS.enter, '已保存备注');
    expect(loadMeeting(meetingFile()).items[0]!.notes).toBe('企业汇报设备已进场');

    // d deletes after y
    await h.press(KEYS.up);
    expect(await h.press('d', '删除议定事项')).toContain(
      '删除议定事项“协调落实项目用地指标”？ y 删除 · n 取消',
    );
    await h.press('y', '已删除议定事项');
    expect(loadMeeting(meetingFile()).items[0]!.decisions).toEqual([]);

    // → next project, ← back
    expect(await h.press(KEYS.right, '第2/3项')).toContain('CS-004 乡村道路提质工程');
    expect(await h.press(KEYS.left, '第1/3项')).toContain('CS-001 光伏组件项目');
  });

  it('lets the secretary reorder, drop and add agenda projects', async () => {
    h = await openMeetingAt('agenda');
    await h.press(KEYS.down);
    await h.press('J');
    await h.waitFor('1. ●红 CS-004');
    expect(loadMeeting(meetingFile()).items.map((i) => i.project)).toEqual(['CS-004', 'CS-001', 'CS-002']);
    await h.press('x', '移出议程？');
    await h.press('y', '已把 CS-001 移出议程');
    expect(loadMeeting(meetingFile()).items.map((i) => i.project)).toEqual(['CS-004', 'CS-002']);
    expect(await h.press('i', '加入：')).toMatchInlineSnapshot(`
      " diaodu › 调度会 2021-10-08                                         议程 共2项
       2021-10-08 周调度会 第2期 · 主持 马占文 · 出席 区发改局、区住建局、区交通局
       K/J 调整顺序 · x 移出议程 · i 加入项目 · f 听取落实情况 · C 结束会议
        上次会议议定事项落实情况（2项，已听取0项，未听取2项，其中逾期1项）
        1. ●红 CS-004 乡村道路提质工程     区交通局
      ▶ 2. ▲黄 CS-002 城区集中供热改造工程 区住建局
            综合事项（不针对具体项目的议定事项）









       加入：输入项目名称、编号或责任单位
      ▶ CS-001 光伏组件项目                                         ●红 区发改局
        CS-003 煤矸石综合利用项目                                   ○绿 开发区管委会
        CS-005 智慧农业示范园                                       ○绿 区农业农村局


      已把 CS-001 移出议程
      ↑↓ 移动  PgDn 翻页  Enter 确认  Esc 取消  Ctrl+C 退出"
    `);
    await h.press('农业', 'CS-005');
    await h.press(KEYS.enter, '已把 CS-005 加入议程');
    // added after the selected row (CS-002, where the cursor went when CS-001 left)
    expect(loadMeeting(meetingFile()).items.map((i) => i.project)).toEqual(['CS-004', 'CS-002', 'CS-005']);
  });

  it('closes the meeting, shows its decisions and offers the minutes', async () => {
    h = await openMeetingAt('agenda');
    await h.press(KEYS.down);
    await h.press('a', '新增议定事项');
    await h.press('尽快制定复工方案');
    await h.press(KEYS.ctrlS, '未填责任人。仍要保存？');
    await h.press('y', '已保存议定事项');
    await h.press(KEYS.esc, '议程 共3项');
    expect(await h.press('C', '结束会议？')).toContain(
      '结束会议？还有2项以往议定事项未听取。结束后可再打开。 y 结束 · n 取消',
    );
    expect(await h.press('y', '会议已结束')).toMatchInlineSnapshot(`
      " diaodu › 调度会 2021-10-08                                         会议已结束
      会议已结束，记录已保存。本次议定事项：
      CS-001 光伏组件项目
        1. 尽快制定复工方案（责任单位：区发改局，完成时限：2021-10-15）

      听取以往议定事项落实情况 0 项。按 Enter 生成会议纪要，Esc 返回。
















      会议已结束，记录已保存：2021-10-08-周调度.yaml
      Enter 纪要  ↑↓ 移动  PgDn 翻页  Esc 返回  ? 帮助  Ctrl+C 退出"
    `);
    expect(loadMeeting(meetingFile()).meeting.closed).toBe(true);
    expect(fs.readdirSync(h.meetingsDir).sort()).toEqual([
      '2021-09-20-周调度.yaml',
      '2021-10-08-周调度.yaml',
    ]);
    expect(await h.press(KEYS.enter, '简报 · 会议纪要')).toContain('测试区重点项目周调度会议纪要');
  });

  it('lines the agenda up in columns, with 包联领导 and 完成率 on a wide screen', async () => {
    h = await openMeetingAt('set-up', { size: { columns: 160, rows: 45 } });
    const agenda = await h.press(KEYS.ctrlS, '已建立会议记录');
    expect(agenda.split('\n').slice(3, 7).join('\n')).toMatchInlineSnapshot(`
      "▶ 上次会议议定事项落实情况（2项，已听取0项，未听取2项，其中逾期1项）
        1. ●红 CS-001 光伏组件项目         区发改局 马占文     20.0%
        2. ●红 CS-004 乡村道路提质工程     区交通局 刘志宏     80.0%
        3. ▲黄 CS-002 城区集中供热改造工程 区住建局 张建国     62.5%"
    `);
  });

  it('scrolls the list of decisions after closing when it is longer than the screen', async () => {
    h = await openMeetingAt('project', { size: { columns: 80, rows: 8 } });
    for (const text of ['尽快制定复工方案', '协调落实用地指标', '督促施工单位增加作业面']) {
      await h.press('a', '新增议定事项');
      await h.press(text);
      await h.press(KEYS.ctrlS, '仍要保存？');
      await h.press('y', '已保存议定事项');
    }
    await h.press(KEYS.esc, '议程 共3项');
    await h.press('C', '结束会议？');
    const closed = await h.press('y', '会议已结束，记录已保存。');
    // 5 rows of body for 7 lines: the last two are out of sight until scrolled to
    expect(closed).not.toContain('按 Enter 生成会议纪要');
    const end = await h.press('G', '按 Enter 生成会议纪要');
    expect(end.split('\n').slice(1, 6)).toEqual([
      '  1. 尽快制定复工方案（责任单位：区发改局，完成时限：2021-10-15）',
      '  2. 协调落实用地指标（责任单位：区发改局，完成时限：2021-10-15）',
      '  3. 督促施工单位增加作业面（责任单位：区发改局，完成时限：2021-10-15）',
      '',
      '听取以往议定事项落实情况 0 项。按 Enter 生成会议纪要，Esc 返回。',
    ]);
    expect(await h.press('g', '会议已结束，记录已保存。本次议定事项：')).not.toContain(
      '按 Enter 生成会议纪要',
    );
  });

  it('asks before resuming a meeting of an earlier day that was left unfinished', async () => {
    h = await openMeetingAt('agenda');
    const dir = h.dir;
    h.app.unmount();
    h.session.shutdown();
    // a week later
    h = await startApp({
      routes: AT_MEETING,
      reuseDir: dir,
      today: '2021-10-15',
    });
    expect((await h.waitFor('尚未结束')).split('\n').slice(0, 5).join('\n')).toMatchInlineSnapshot(`
      " diaodu › 调度会
       有一次调度会尚未结束：2021-10-08 周调度会，已记议定事项0项

         Enter  继续记录那次未结束的会议
         N      开一次新的会议（那次会议保持未结束，以后仍可打开）"
    `);
    expect(await h.press('N', '会议日期')).toContain('▶会议日期  2021-10-15');
    await h.press(KEYS.esc, '总览');
    await h.press('2', '尚未结束');
    expect(await h.press(KEYS.enter, '已恢复未结束的调度会')).toContain('调度会 2021-10-08');
  });

  it('resumes an unfinished meeting where it was left, half-typed text included', async () => {
    h = await openMeetingAt('form');
    await h.press('尽快复工，');
    // the app goes away without any chance to save (as after a kill): only what is on disk counts
    const dir = h.dir;
    h.app.unmount();
    h.session.shutdown();
    const again = await startApp({ routes: AT_MEETING, reuseDir: dir });
    h = again;
    expect(await h.waitFor('已恢复未结束的调度会')).toBe(
      frameOf(
        CS001_FORM_TOP,
        '▶议定事项  尽快复工，',
        ' 牵头单位',
        ' 配合单位',
        ' 责任人',
        ' 完成时限  下周五       → 2021年10月15日（星期五）',
        '  Tab 下一栏 · Enter 下一栏（最后一栏：保存） · Ctrl+S 保存 · Esc 取消',
        '已恢复未结束的调度会（2021-10-08 周调度），继续记录',
        'Tab 下一栏  Ctrl+S 保存  Enter 确认  Esc 取消  ? 帮助  Ctrl+C 退出',
      ),
    );
  });
});
