/* eslint-disable no-irregular-whitespace -- the minutes indent paragraphs with full-width spaces (　　) */
// Exact frames of 督办, 简报, 设置 and 帮助 at 80×24, and what their keys write.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMeeting } from '../../src/store/meeting-read.js';
import { KEYS, openMeetingAt, startApp } from './helpers.js';
import type { Harness } from './helpers.js';
import { HELP_MOVE_KEYS, blank, frameOf } from './frames.js';

let h: Harness;
afterEach(() => h?.cleanup());

describe('督办', () => {
  it('lists every decision overdue first, filters by state, and marks one done between meetings', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'ledger' }] });
    expect(await h.waitFor('共2项')).toMatchInlineSnapshot(`
      " diaodu › 督办
       共2项，显示2项 · 状态：全部 · 排序：逾期在前 · 2021-10-08
      状态       项目            议定事项                      责任单位     完成时限
      逾期14天   光伏组件项目    协调落实项目用地指标          区自然资源局 2021-09-24
      未到期     光伏组件项目    督促施工单位增加作业面        区发改局     2021-10-15














      2021-09-20-01（2021-09-20会议）CS-001 光伏组件项目：协调落实项目用地指标；责任单
      位：区自然资源局，责任人：王强；完成时限：2021-09-24；逾期14天


      y 落实  t 推进  o 状态  u 单位  / 搜索  s 排序  Enter 打开  Esc 返回  ? 帮助"
    `);
    // Enter: the project the decision is about
    expect(await h.press(KEYS.enter, '项目详情 CS-001')).toContain('议定事项（历次会议，2）');
    await h.press(KEYS.esc, '共2项');
    expect(await h.press('o', '状态：逾期')).toContain('显示1项');
    expect(await h.press('o', '状态：未办结')).toContain('显示2项');
    await h.press('c', '状态：全部');
    await h.press('y', '说明');
    await h.press('用地指标已下达');
    expect(await h.press(KEYS.enter, '已记录')).toMatchInlineSnapshot(`
      " diaodu › 督办
       共2项，显示2项 · 状态：全部 · 排序：逾期在前 · 2021-10-08
      状态       项目            议定事项                      责任单位     完成时限
      未到期     光伏组件项目    督促施工单位增加作业面        区发改局     2021-10-15
      已落实     光伏组件项目    协调落实项目用地指标          区自然资源局 2021-09-24














      2021-09-20-02（2021-09-20会议）CS-001 光伏组件项目：督促施工单位增加作业面；责任
      单位：区发改局；完成时限：2021-10-15；未到期

      已记录：2021-09-20-01 已落实（2021-10-08）
      y 落实  t 推进  o 状态  u 单位  / 搜索  s 排序  Enter 打开  Esc 返回  ? 帮助"
    `);
    // stored with the decision's own meeting, dated today (docs/formats.md#follow-ups: a follow-up's date)
    expect(loadMeeting(path.join(h.meetingsDir, '2021-09-20-周调度.yaml')).followups).toEqual([
      { decision: '2021-09-20-01', status: '已落实', note: '用地指标已下达', date: '2021-10-08' },
    ]);
  });
});

describe('简报', () => {
  it('offers the bulletin and each meeting’s minutes, previews, switches format and writes the file', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'briefings' }] });
    expect(await h.waitFor('选择要生成')).toMatchInlineSnapshot(`
      " diaodu › 简报
       选择要生成的文稿（Enter 预览，预览中可写出 Word 等格式）：

       ▶ 月通报 2021年9月份（数据截至2021年9月30日）
         会议纪要 2021年9月20日 周调度会 第1期，议定事项2项
         季考核 2021年第三季度（数据截至2021年9月30日，默认考核规则）

















      ↑↓ 移动  Enter 打开  Esc 返回  ? 帮助"
    `);
    await h.press(KEYS.down);
    expect(await h.press(KEYS.enter, '会议纪要')).toMatchInlineSnapshot(`
      " diaodu › 简报 · 会议纪要
       格式：Word（f 选择）· w 写出到 <tmp>/out · 第1/51行
                              测试区重点项目周调度会议纪要

                                         第1期
      测试区项目推进中心                                             2021年9月20日

      　　2021年9月20日，马占文同志在区政府三楼会议室主持召开测试区重点项目周调度会。
      区发改局、区住建局负责同志参加会议。会议听取了各责任单位重点项目推进情况汇报，逐
      一研究了1个进度滞后项目存在的问题。现将会议议定事项纪要如下：

      一、总体进展

      　　据项目台账最新数据（截至2021年9月30日），测试区共有重点项目5个，总投资11.50
      亿元。已开复工4个，开复工率80.0%；新建项目3个，已开工3个，新开工率100.0%。

      　　年度计划投资3.70亿元，累计完成投资2.34亿元，投资完成率63.2%，序时进度75.0%，
      慢于序时进度11.8个百分点。

      　　对照序时进度，3个项目进度滞后，其中亮红灯2个、亮黄灯1个，其余2个项目亮绿灯。

      二、上次会议议定事项落实情况

      w 写出  f 格式  t 切换  ↑↓ 移动  PgDn 翻页  Esc 返回  ? 帮助"
    `);
    await h.press('f', '选择格式');
    expect(await h.press('2', '格式：Markdown')).toContain('w 写出到 <tmp>/out');
    await h.press('w', '已写入');
    const out = path.join(h.dir, 'out');
    expect(fs.readdirSync(out)).toEqual(['2021-09-20-测试区重点项目周调度会议纪要.md']);
    // a second write never overwrites the first
    await h.press('w', '（2）.md');
    expect(fs.readdirSync(out).sort()).toEqual([
      '2021-09-20-测试区重点项目周调度会议纪要.md',
      '2021-09-20-测试区重点项目周调度会议纪要（2）.md',
    ]);
    // t switches to the month's bulletin (its own formats, Excel among them) and back
    const bulletin = await h.press('t', '简报 · 月通报');
    expect(bulletin).toContain('关于2021年9月份测试区重点项目建设情况的通报');
    expect(bulletin).toContain('格式：Word');
    await h.press('f', '选择格式');
    expect(await h.press('2', '格式：Excel')).toContain('w 写出到 <tmp>/out');
    expect(await h.press('t', '简报 · 会议纪要')).toContain('测试区重点项目周调度会议纪要');
  });
});

describe('设置', () => {
  it('shows the settings and the register’s lag rules, and saves an edit', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'settings' }] });
    expect(await h.waitFor('我的设置')).toMatchInlineSnapshot(`
      " diaodu › 设置
       我的设置（Enter 修改；出席等名单用顿号分隔）
       ▶ 发文机关          （未设置）
         默认主持人        （未设置）
         默认出席          （未设置）
         默认请假          （未设置）
         默认列席          （未设置）
         会议记录文件夹    （未设置，本次用 <tmp>/meetings）
         输出文件夹        <tmp>/out
         字形（简体/繁体） 简体
       设置文件：<tmp>/config/config.json

       滞后判定规则（由台账 rules 决定，本台账 / 默认）
        序时进度                  按月（已过整月÷12）
        黄灯：落后序时进度        10个百分点起
        红灯：落后序时进度        超过30个百分点
        新建项目逾期未开工转红    超过60天
        节点逾期转红              超过30天





      ↑↓ 移动  Enter 修改  Esc 返回  ? 帮助"
    `);
    await h.press(KEYS.enter, '发文机关：');
    await h.press('测试区项目推进中心');
    expect(await h.press(KEYS.enter, '已保存：发文机关')).toContain(
      '▶ 发文机关          测试区项目推进中心',
    );
    expect(h.session.settings.get('issuer')).toBe('测试区项目推进中心');
    await h.press(KEYS.down);
    await h.press(KEYS.down);
    await h.press(KEYS.enter, '默认出席：');
    await h.press('区发改局、区住建局，区水利局');
    await h.press(KEYS.enter, '已保存：默认出席');
    expect(h.session.settings.get('present')).toEqual(['区发改局', '区住建局', '区水利局']);
  });
});

describe('帮助', () => {
  it('lists the keys of the screen it was asked from, generated from the key table', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'projects' }] });
    await h.waitFor('显示5个');
    expect(await h.press('?', '可用的按键')).toBe(
      frameOf(
        ' diaodu › 帮助',
        '在“项目台账”中可用的按键：',
        blank(1),
        '查找、排序与筛选',
        '  /                      搜索（输入项目名称、编号等）',
        '  s                      换一种排序',
        '  S                      反转排序方向',
        '  u                      按责任单位筛选',
        '  l                      按红黄绿灯筛选',
        '  a                      按片区/园区筛选',
        '  c                      清除筛选和搜索',
        blank(1),
        HELP_MOVE_KEYS,
        blank(1),
        '全局',
        blank(1),
        '↑↓ 移动  PgDn 翻页  Esc 返回  Ctrl+C 退出',
      ),
    );
    expect(await h.press(KEYS.esc, '显示5个')).toContain('diaodu › 项目');
  });
});

describe('Ctrl+C', () => {
  it('leaves from anywhere and lets go of the meeting lock', async () => {
    h = await openMeetingAt('agenda');
    const lock = path.join(h.meetingsDir, '2021-10-08-周调度.yaml.lock');
    expect(fs.existsSync(lock)).toBe(true);
    await h.press(KEYS.ctrlC);
    expect(fs.existsSync(lock)).toBe(false);
  });
});
