// Parts of the expected frames that several screen tests share, at 80×24 on the fixtures of
// test/ui/fixtures: a frame is written as its lines, shared parts by name.

/** A frame from its lines: single lines, groups of lines (a shared part) and blank() runs. */
export const frameOf = (...lines: (string | readonly string[])[]): string => lines.flat().join('\n');

/** n empty lines. */
export const blank = (n: number): string[] => Array<string>(n).fill('');

/**
 * The top of CS-001's page in the meeting of 2021-10-08: the title line, the project card, its
 * figures, why it lags and its open problem (the earlier decisions follow, in the state of the test).
 */
export const CS001_PAGE_TOP = [
  ' diaodu › 调度会 2021-10-08                               第1/3项  本项 00:00',
  '●红 CS-001 光伏组件项目 · 区发改局 · 包联 马占文',
  '年度计划 10000万元 · 已完成 2000万元 · 完成率 20.0%，慢于序时进度55.0个百分点',
  '建设性质 新建 · 建设阶段 在建',
  '滞后原因：年度投资完成率20.0%，低于序时进度（75.0%）55.0个百分点',
  '滞后原因：问题“用地指标未落实”逾期未解决（解决时限2021年9月15日，责任单位区自然',
  '    资源局）',
  '滞后原因：议定事项“协调落实项目用地指标”逾期未落实（完成时限2021年9月24日，责任',
  '    单位区自然资源局）',
  '问题：用地指标未落实（区自然资源局，时限2021-09-15，逾期）',
] as const;

/** CS-001's earlier decisions (of 2021-09-20) on its page, before this meeting hears them. */
export const CS001_EARLIER_UNHEARD = [
  '以往议定【逾期14天】协调落实项目用地指标（区自然资源局，2021-09-24）',
  '以往议定【未到期】督促施工单位增加作业面（区发改局，2021-10-15）',
] as const;

/** CS-001's page with nothing heard or decided yet and the decision form open: all above its fields. */
export const CS001_FORM_TOP = [
  ...CS001_PAGE_TOP,
  ...CS001_EARLIER_UNHEARD,
  '── 本次议定事项（0） ───────────────────────────────────────────────────────────',
  ' 备注：（按 b 填写）',
  '',
  '── 新增议定事项（CS-001 光伏组件项目） ─────────────────────────────────────────',
] as const;

/** The decision form of 2021-10-08 below its first field, untouched (the deadline as preset), to the frame's end. */
export const FORM_BELOW_TEXT_UNTOUCHED = [
  ' 牵头单位',
  ' 配合单位',
  ' 责任人',
  ' 完成时限  下周五       → 2021年10月15日（星期五）',
  '  Tab 下一栏 · Enter 下一栏（最后一栏：保存） · Ctrl+S 保存 · Esc 取消',
  '',
  'Tab 下一栏  Ctrl+S 保存  Enter 确认  Esc 取消  ? 帮助  Ctrl+C 退出',
] as const;

/** The help screen's 移动 section: the keys that move in a list, as every list screen has them. */
export const HELP_MOVE_KEYS = [
  '移动',
  '  ↑ / k                  上移一行',
  '  ↓ / j                  下移一行',
  '  PgUp                   上翻一页',
  '  PgDn / 空格            下翻一页',
  '  Home / g               到第一行',
  '  End / G                到最后一行',
  '  Enter                  打开选中项',
] as const;

/** The follow-up list's lower pane on 2021-09-20-02 (CS-001, due 2021-10-15), not heard yet. */
export const FOLLOWUP_0920_02_UNHEARD = [
  '────────────────────────────────────────────────────────────────────────────────',
  '2021-09-20-02（2021-09-20会议） CS-001 光伏组件项目',
  '督促施工单位增加作业面',
  '',
  '责任单位：区发改局 · 完成时限：2021-10-15（未到期）',
  '本次尚未听取',
] as const;
