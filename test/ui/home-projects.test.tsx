// Exact frames of 总览, 项目 and 项目详情 at 80×24 for their keys (fixture: test/ui/fixtures,
// five projects; 序时进度 on 2021-09-30 is 9/12 = 75.0%).
import { afterEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, KEYS, startApp } from './helpers.js';
import type { Harness } from './helpers.js';

let h: Harness;
afterEach(() => h.cleanup());

describe('总览', () => {
  it('shows the register figures and the menu; ↓ moves, a digit opens', async () => {
    h = await startApp();
    // 开复工率 4/5 = 80.0%; completion 23400/37000 = 63.2%, 11.8 points behind 75.0%;
    // lights: CS-001 red (gap 55), CS-004 red (停工), CS-002 yellow (gap 12.5), others green.
    expect(h.frame()).toMatchInlineSnapshot(`
      " diaodu › 总览
       测试区2021年重点项目台账
       数据截至 2021年9月30日 · 共5个项目 · 序时进度 75.0%

       开复工率       80.0%（已开复工4个，共5个）
       年度投资完成率 63.2%，慢于序时进度11.8个百分点
       年度计划投资   3.70亿元，已完成 2.34亿元
       红黄绿灯       ●红 2个 ▲黄 1个 ○绿 2个
       议定事项       未办结 2 项，其中逾期 1 项；已落实 0 项（截至2021年10月8日）
       上次调度会     2021年9月20日 周调度会 第1期，议定事项2项（已结束）

       ▶ 1 项目     全部项目：排序、筛选、搜索
         2 调度会   开会：先听落实情况，再逐个过滞后项目
         3 督办     全部议定事项，逾期在前
         4 简报     调度会纪要、月通报
         5 设置     发文机关、默认主持与出席、文件夹







      ↑↓ 移动  Enter 打开  ? 帮助  Ctrl+C 退出"
    `);
    expect(await h.press(KEYS.down)).toContain(' ▶ 2 调度会');
    // a page is the whole menu: PgDn to its end, PgUp back
    expect(await h.press(KEYS.pageDown)).toContain(' ▶ 5 设置');
    expect(await h.press('\u001b[5~')).toContain(' ▶ 1 项目');
    await h.press(KEYS.down, ' ▶ 2 调度会');
    expect(await h.press('1', '显示5个')).toContain('diaodu › 项目');
  });
});

describe('项目', () => {
  it('lists every project with its light, sorts, filters and searches', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'projects' }] });
    await h.waitFor('显示5个');
    expect(h.frame()).toMatchInlineSnapshot(`
      " diaodu › 项目
       共5个项目，显示5个 · 排序：台账顺序 · 金额：万元
      编号     名称                责任单位     包联领导 年度计划   已完成 完成率 灯
      CS-001   光伏组件项目        区发改局     马占文      10000     2000  20.0% ●红
      CS-002   城区集中供热改造工… 区住建局     张建国       8000     5000  62.5% ▲黄
      CS-003   煤矸石综合利用项目  开发区管委会 寇志坚      12000    11000  91.7% ○绿
      CS-004   乡村道路提质工程    区交通局     刘志宏       3000     2400  80.0% ●红
      CS-005   智慧农业示范园      区农业农村局 赵永清       4000     3000  75.0% ○绿















      / 搜索  s 排序  u 单位  l 灯  ↑↓ 移动  PgDn 翻页  Enter 打开  Esc 返回  ? 帮助"
    `);
    // s: sort by light, red first (register order among equals)
    expect(await h.press('s', '排序：灯↓')).toMatchInlineSnapshot(`
      " diaodu › 项目
       共5个项目，显示5个 · 排序：灯↓ · 金额：万元
      编号     名称                责任单位     包联领导 年度计划   已完成 完成率 灯↓
      CS-001   光伏组件项目        区发改局     马占文      10000     2000  20.0% ●红
      CS-004   乡村道路提质工程    区交通局     刘志宏       3000     2400  80.0% ●红
      CS-002   城区集中供热改造工… 区住建局     张建国       8000     5000  62.5% ▲黄
      CS-003   煤矸石综合利用项目  开发区管委会 寇志坚      12000    11000  91.7% ○绿
      CS-005   智慧农业示范园      区农业农村局 赵永清       4000     3000  75.0% ○绿















      / 搜索  s 排序  u 单位  l 灯  ↑↓ 移动  PgDn 翻页  Enter 打开  Esc 返回  ? 帮助"
    `);
    // l: only red projects
    expect(await h.press('l', '灯：红')).toMatchInlineSnapshot(`
      " diaodu › 项目
       共5个项目，显示2个 · 排序：灯↓ · 灯：红 · 金额：万元
      编号     名称                责任单位     包联领导 年度计划   已完成 完成率 灯↓
      CS-001   光伏组件项目        区发改局     马占文      10000     2000  20.0% ●红
      CS-004   乡村道路提质工程    区交通局     刘志宏       3000     2400  80.0% ●红


















      / 搜索  s 排序  u 单位  l 灯  ↑↓ 移动  PgDn 翻页  Enter 打开  Esc 返回  ? 帮助"
    `);
    await h.press('c', '显示5个');
    // / and Chinese text: the list narrows as it is typed
    await h.press('/', '搜索：');
    expect(await h.press('供热', '显示1个')).toMatchInlineSnapshot(`
      " diaodu › 项目
       共5个项目，显示1个 · 排序：灯↓ · 搜索：供热 · 金额：万元
      编号     名称                责任单位     包联领导 年度计划   已完成 完成率 灯↓
      CS-002   城区集中供热改造工… 区住建局     张建国       8000     5000  62.5% ▲黄

















       搜索：供热
      输入名称、编号、单位或领导；Enter 确定，Esc 清除
      ↑↓ 移动  PgDn 翻页  Enter 确认  Esc 取消  Ctrl+C 退出"
    `);
    await h.press(KEYS.enter, /排序：灯↓ · 搜索：供热/);
    // Enter opens the project; Esc comes back to the list as it was
    expect(await h.press(KEYS.enter, '项目详情 CS-002')).toMatchInlineSnapshot(`
      " diaodu › 项目详情 CS-002                                                   1/1
      ▲黄  CS-002 城区集中供热改造工程
      建设性质 续建 · 建设阶段 在建 · 责任单位 区住建局 · 包联领导 张建国
      片区 城区
      总投资 20000万元 · 年度计划 8000万元 · 已完成 5000万元
      完成率 62.5%，序时进度 75.0%，慢于序时进度12.5个百分点
      实际开工 2020-04-01

      滞后原因（1）
      ▲黄 年度投资完成率62.5%，低于序时进度（75.0%）12.5个百分点

      议定事项（历次会议，0）
        暂无










      ↑↓ 移动  PgDn 翻页  n 下一个项目  p 上一个项目  Esc 返回  ? 帮助"
    `);
    expect(await h.press(KEYS.esc, '显示1个')).toContain('搜索：供热');
  });

  it('opens a project with every field, its problems, why it lags and its decisions; n goes to the next', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'projects' }] });
    await h.waitFor('显示5个');
    expect(await h.press(KEYS.enter, '项目详情 CS-001')).toMatchInlineSnapshot(`
      " diaodu › 项目详情 CS-001                                                   1/5
      ●红  CS-001 光伏组件项目
      建设性质 新建 · 建设阶段 在建 · 责任单位 区发改局 · 包联领导 马占文
      片区 北坪园区
      总投资 50000万元 · 年度计划 10000万元 · 已完成 2000万元
      完成率 20.0%，序时进度 75.0%，慢于序时进度55.0个百分点
      计划开工 2021-03-01 · 实际开工 2021-03-15

      滞后原因（3）
      ●红 年度投资完成率20.0%，低于序时进度（75.0%）55.0个百分点
      ●红 问题“用地指标未落实”逾期未解决（解决时限2021年9月15日，责任单位区自然资源
          局）
      ●红 议定事项“协调落实项目用地指标”逾期未落实（完成时限2021年9月24日，责任单位区
          自然资源局）

      存在问题（1，未解决1）
        CS-001-1 用地指标未落实（责任单位 区自然资源局 · 时限 2021-09-15） 未解决

      议定事项（历次会议，2）
        2021-09-20-01 协调落实项目用地指标（责任单位：区自然资源局，责任人：王强，完
          成时限：2021-09-24）【逾期14天】
        2021-09-20-02 督促施工单位增加作业面（责任单位：区发改局，完成时限：

      ↑↓ 移动  PgDn 翻页  n 下一个项目  p 上一个项目  Esc 返回  ? 帮助"
    `);
    expect(await h.press('n', '项目详情 CS-002')).toContain('2/5');
  });
});

describe('a register that cannot be read', () => {
  it('says why on every screen, and Esc and ? still work there', async () => {
    h = await startApp({
      routes: [{ screen: 'home' }, { screen: 'ledger' }],
      register: '/nonexistent/台账.yaml',
    });
    const frame = await h.waitFor('台账无法打开，问题逐条列在总览上');
    expect(frame.split('\n').at(-1)).toBe('Esc 返回  ? 帮助  Ctrl+C 退出');
    await h.press('?', '可用的按键');
    await h.press(KEYS.esc, '问题逐条列在总览上');
    // 总览 lists the problem itself
    const home = await h.press(KEYS.esc, '台账无法打开：台账.yaml');
    expect(home).toContain('diaodu › 总览');
    expect(home).toContain('找不到台账');
    for (const [digit, says] of [
      ['1', '问题逐条列在总览上'],
      ['2', '找不到台账'],
      ['4', '问题逐条列在总览上'],
    ] as const) {
      await h.press(digit, says);
      expect(await h.press(KEYS.esc, '台账无法打开：台账.yaml')).toContain('diaodu › 总览');
    }
  });
});

describe('a register with mistakes', () => {
  it('lists them without the folder, wrapped, and r reads the register again once it is fixed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-broken-'));
    try {
      const file = path.join(dir, '台账.yaml');
      const good = fs.readFileSync(path.join(FIXTURES, 'register.yaml'), 'utf8');
      fs.writeFileSync(file, good.replace('as_of: 2021-09-30', 'as_of: 2021-09-31'));
      h = await startApp({ register: file });
      const frame = await h.waitFor('台账无法打开：台账.yaml');
      expect(frame).toContain(' 台账.yaml:6:10: 错误：“as_of” 的值“2021-09-31”不是有效日期');
      expect(frame).not.toContain(dir);
      expect(frame).toContain('在编辑器里改好后按 r 重新读取');
      expect(frame.split('\n').at(-1)).toBe('r 重新读取  ↑↓ 移动  Enter 打开  ? 帮助  Ctrl+C 退出');

      // still wrong: r says so and the problems stay
      expect(await h.press('r', '台账仍有问题')).toContain('台账无法打开');
      fs.writeFileSync(file, good);
      const fixed = await h.press('r', '已重新读取台账和会议记录');
      expect(fixed).toContain('开复工率');
      expect(fixed).not.toContain('台账无法打开');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
