// Every key the app answers to, in one table, named by what it does. The help screen (`?`) and the
// footer hints are generated from it, and a test checks that no two commands in one context share
// a key. Screens ask `commandFor(context, input, key)` (or `matches(command, input, key, context)`)
// instead of testing keys themselves.
//
// Choices for a secretary typing with a Chinese IME in front of a projector:
// - Esc goes back / cancels; Ctrl+C quits (the app saves first — render Ink with exitOnCtrlC: false);
// - arrows always work; j/k/g/G are extra for lists, never the only way;
// - Enter opens / confirms, / searches, Tab moves between form fields;
// - no F-keys (laptops hide them behind Fn) and no single letters while a text field has focus:
//   contexts with `textEntry` drop every printable binding, the characters go into the field.
// Ink reports the Backspace key (DEL, 0x7f) as `key.delete`; the real Delete key (ESC [3~) also sets
// `key.delete`. The text input tells them apart from the raw sequence and passes `forwardDelete`.

import type { Key } from 'ink';

/** Ink's Key flags a binding can name, plus `forwardDelete` (see above). */
export type KeyName =
  | 'upArrow'
  | 'downArrow'
  | 'leftArrow'
  | 'rightArrow'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace'
  | 'delete'
  | 'forwardDelete';

/** A key press as Ink reports it, plus what the text input adds. Every flag may be missing. */
export type KeyPress = Partial<Key> & { forwardDelete?: boolean; emptyField?: boolean };

/**
 * One key: either a named key (`key`) or a typed character (`input`, Ink's `input` argument; for
 * Ctrl+letter Ink passes the letter). Modifiers must match exactly, except that `shift` is not
 * checked for characters (a capital letter carries it) and `meta` is not checked for Esc (Ink
 * always sets it).
 */
export interface KeySpec {
  key?: KeyName;
  input?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
  /**
   * A typed character that acts only while the focused text field is empty (`?` for help in a
   * form): the text field reports that with `emptyField` on the key press. Such a spec is only
   * offered where text is typed; elsewhere the plain character spec does the same.
   */
  emptyField?: boolean;
}

export type Context =
  | 'global'
  | 'screen'
  | 'list'
  | 'scroll'
  | 'input'
  | 'form'
  | 'search'
  | 'confirm'
  | 'quitConfirm'
  | 'reopenMeeting'
  | 'home'
  | 'projects'
  | 'project'
  | 'meeting'
  | 'agenda'
  | 'meetingItem'
  | 'meetingGeneral'
  | 'meetingEarlier'
  | 'meetingClosed'
  | 'resumeChoice'
  | 'followups'
  | 'setup'
  | 'setupKind'
  | 'setupAttendance'
  | 'decisionForm'
  | 'decisionPick'
  | 'ledger'
  | 'briefings'
  | 'briefingChoice'
  | 'settings'
  | 'choice'
  | 'leaders'
  | 'help';

interface ContextInfo {
  title: string;
  /** Contexts whose bindings also apply here. */
  parents: readonly Context[];
  /** A text field has focus: printable characters are typed, never commands. */
  textEntry?: boolean;
}

export const CONTEXTS: Readonly<Record<Context, ContextInfo>> = {
  global: { title: '任何时候', parents: [] },
  screen: { title: '各界面', parents: ['global'] },
  list: { title: '列表', parents: ['screen'] },
  scroll: { title: '滚动文本', parents: ['screen'] },
  input: { title: '输入框', parents: ['global'], textEntry: true },
  form: { title: '表单', parents: ['input'], textEntry: true },
  search: { title: '搜索框', parents: ['input'], textEntry: true },
  confirm: { title: '确认', parents: ['global'] },
  quitConfirm: { title: '退出（有未保存的内容）', parents: ['global'] },
  reopenMeeting: { title: '重新打开已结束的会议', parents: ['global'] },
  home: { title: '首页', parents: ['list'] },
  projects: { title: '项目台账', parents: ['list'] },
  project: { title: '项目详情', parents: ['scroll'] },
  meeting: { title: '调度会', parents: ['list'] },
  agenda: { title: '调度会议程', parents: ['meeting'] },
  meetingItem: { title: '调度会 · 逐个项目', parents: ['meeting'] },
  meetingGeneral: { title: '调度会 · 综合事项', parents: ['meeting'] },
  meetingEarlier: { title: '调度会 · 逐个项目 · 选中以往议定事项', parents: ['meeting'] },
  meetingClosed: { title: '会议已结束', parents: ['scroll'] },
  resumeChoice: { title: '有未结束的调度会', parents: ['screen'] },
  followups: { title: '上次会议议定事项落实情况', parents: ['list'] },
  setup: { title: '开会设置', parents: ['input'], textEntry: true },
  setupKind: { title: '开会设置 · 会议类别', parents: ['global'] },
  setupAttendance: { title: '开会设置 · 出席情况', parents: ['global'] },
  decisionForm: { title: '议定事项录入', parents: ['form'], textEntry: true },
  decisionPick: {
    title: '议定事项录入 · 单位、责任人、完成时限',
    parents: ['form'],
    textEntry: true,
  },
  ledger: { title: '督办台账', parents: ['list'] },
  briefings: { title: '纪要与通报', parents: ['scroll'] },
  briefingChoice: { title: '纪要与通报 · 选择文稿', parents: ['list'] },
  settings: { title: '设置', parents: ['screen'] },
  choice: { title: '选择（字形、格式）', parents: ['global'] },
  leaders: { title: '包联领导', parents: ['scroll'] },
  help: { title: '帮助', parents: ['scroll'] },
};

interface Binding {
  keys: readonly KeySpec[];
  /** What it does, for the help screen. */
  description: string;
  /** Two or three characters for the footer; commands without one stay out of the footer. */
  short?: string;
  /** Only in the footers that name it (a key that acts in one state only, as 接管 in a read-only meeting). */
  footerWhenNamed?: true;
  /** Where it applies; it also applies in every context that inherits from these. */
  contexts: readonly Context[];
}

const k = (key: KeyName, mods: Omit<KeySpec, 'key' | 'input'> = {}): KeySpec => ({ key, ...mods });
const ch = (input: string, mods: Omit<KeySpec, 'key' | 'input'> = {}): KeySpec => ({ input, ...mods });
const ctrl = (letter: string): KeySpec => ({ input: letter, ctrl: true });
const alt = (letter: string): KeySpec => ({ input: letter, meta: true });

export const KEY_BINDINGS = {
  // ---- whole app
  'app.quit': { keys: [ctrl('c')], description: '保存并退出', short: '退出', contexts: ['global'] },
  'app.back': {
    keys: [k('escape')],
    description: '返回上一层 / 取消',
    short: '返回',
    contexts: ['screen', 'setupKind', 'setupAttendance', 'choice'],
  },
  'app.help': {
    keys: [ch('?'), { input: '?', emptyField: true }],
    description: '显示全部快捷键',
    short: '帮助',
    contexts: ['screen', 'setupKind', 'setupAttendance', 'setup', 'form', 'choice'],
  },

  // ---- moving in lists and scrolling text
  'nav.up': {
    keys: [k('upArrow'), ch('k')],
    description: '上移一行',
    contexts: ['list', 'scroll', 'search', 'settings', 'choice'],
  },
  'nav.down': {
    keys: [k('downArrow'), ch('j')],
    description: '下移一行',
    short: '移动',
    contexts: ['list', 'scroll', 'search', 'settings', 'choice'],
  },
  'nav.pageUp': { keys: [k('pageUp')], description: '上翻一页', contexts: ['list', 'scroll', 'search'] },
  'nav.pageDown': {
    keys: [k('pageDown'), ch(' ')],
    description: '下翻一页',
    short: '翻页',
    contexts: ['list', 'scroll', 'search'],
  },
  'nav.home': {
    keys: [k('home'), ch('g')],
    description: '到第一行',
    contexts: ['list', 'scroll', 'settings'],
  },
  'nav.end': {
    keys: [k('end'), ch('G')],
    description: '到最后一行',
    contexts: ['list', 'scroll', 'settings'],
  },
  'nav.open': { keys: [k('return')], description: '打开选中项', short: '打开', contexts: ['list'] },

  // ---- home menu
  'goto.projects': { keys: [ch('1')], description: '项目台账', contexts: ['home'] },
  'goto.meeting': { keys: [ch('2')], description: '周调度会', contexts: ['home'] },
  'goto.ledger': { keys: [ch('3')], description: '督办台账（议定事项）', contexts: ['home'] },
  'goto.briefings': { keys: [ch('4')], description: '纪要与通报', contexts: ['home'] },
  'goto.settings': { keys: [ch('5')], description: '设置', contexts: ['home'] },
  'goto.leaders': {
    keys: [ch('6')],
    description: '包联领导（项目、红黄灯、逾期议定事项）',
    contexts: ['home'],
  },
  'home.reload': {
    keys: [ch('r')],
    description: '重新读取台账和会议记录（在别处改过文件之后）',
    short: '重新读取',
    contexts: ['home'],
  },

  // ---- tables: search, sort, filter
  'list.search': {
    keys: [ch('/')],
    description: '搜索（输入项目名称、编号等）',
    short: '搜索',
    contexts: ['projects', 'ledger'],
  },
  'list.sortNext': {
    keys: [ch('s')],
    description: '换一种排序',
    short: '排序',
    contexts: ['projects', 'ledger'],
  },
  'list.sortReverse': { keys: [ch('S')], description: '反转排序方向', contexts: ['projects'] },
  'list.filterUnit': {
    keys: [ch('u')],
    description: '按责任单位筛选',
    short: '单位',
    contexts: ['projects', 'ledger'],
  },
  'list.filterLight': { keys: [ch('l')], description: '按红黄绿灯筛选', short: '灯', contexts: ['projects'] },
  'list.filterArea': { keys: [ch('a')], description: '按片区/园区筛选', contexts: ['projects'] },
  'list.clearFilters': { keys: [ch('c')], description: '清除筛选和搜索', contexts: ['projects', 'ledger'] },

  // ---- one project
  'project.next': { keys: [ch('n'), ch(']')], description: '下一个项目', contexts: ['project'] },
  'project.prev': { keys: [ch('p'), ch('[')], description: '上一个项目', contexts: ['project'] },

  // ---- the meeting: walking the agenda and recording decisions
  'meeting.nextItem': {
    keys: [k('rightArrow'), ch('n')],
    description: '下一个议程项目',
    short: '下一项',
    contexts: ['meetingItem', 'meetingEarlier'],
  },
  'meeting.prevItem': {
    keys: [k('leftArrow'), ch('p')],
    description: '上一个议程项目',
    short: '上一项',
    contexts: ['meetingItem', 'meetingEarlier'],
  },
  'meeting.addDecision': {
    keys: [ch('a')],
    description: '新增议定事项',
    short: '议定',
    contexts: ['meeting'],
  },
  'meeting.editDecision': {
    keys: [ch('e')],
    description: '修改选中的议定事项（在备注行：填写备注）',
    short: '修改',
    contexts: ['meetingItem', 'meetingGeneral'],
  },
  'meeting.deleteDecision': {
    keys: [ch('d')],
    description: '删除选中的议定事项',
    short: '删除',
    contexts: ['meetingItem', 'meetingGeneral'],
  },
  'meeting.notes': {
    keys: [ch('b')],
    description: '填写本项目备注（企业汇报等情况）',
    short: '备注',
    contexts: ['meetingItem', 'meetingEarlier'],
  },
  'meeting.projectDetail': {
    keys: [ch('v')],
    description: '查看项目详情（全部情况和历次议定事项）',
    short: '详情',
    contexts: ['meetingItem', 'meetingEarlier'],
  },
  'meeting.moveItemUp': {
    keys: [ch('K'), k('upArrow', { shift: true })],
    description: '议程项目上移',
    contexts: ['agenda'],
  },
  'meeting.moveItemDown': {
    keys: [ch('J'), k('downArrow', { shift: true })],
    description: '议程项目下移',
    contexts: ['agenda'],
  },
  'meeting.dropItem': {
    keys: [ch('x')],
    description: '把项目移出议程',
    short: '移出',
    contexts: ['agenda', 'meetingItem'],
  },
  'meeting.addItem': {
    keys: [ch('i')],
    description: '把其他项目加入议程',
    short: '加入',
    contexts: ['agenda'],
  },
  'meeting.followups': {
    keys: [ch('f')],
    description: '听取上次会议议定事项落实情况（从第一项未听取的开始）',
    short: '落实',
    contexts: ['meeting'],
  },
  'meeting.close': {
    keys: [ch('C')],
    description: '结束会议并保存（需确认）',
    short: '结束',
    contexts: ['meeting'],
  },
  'meeting.takeOver': {
    keys: [ch('T')],
    description: '只读时接管记录（问过再接管，原窗口此后不能保存）',
    short: '接管记录',
    footerWhenNamed: true,
    contexts: ['meeting', 'followups'],
  },
  'meeting.minutes': {
    keys: [k('return')],
    description: '预览并写出本次会议纪要',
    short: '纪要',
    contexts: ['meetingClosed'],
  },

  // the agenda: positions, marks, 综合事项, undo (issue 11)
  'meeting.moveItemTo': {
    keys: [ch('m')],
    description: '把选中的议程项目移到第N项（输入序号）',
    short: '移到',
    contexts: ['agenda'],
  },
  'meeting.jumpTo': {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => ch(d)),
    description: '转到第N项（输入序号后按 Enter）',
    short: '转到',
    contexts: ['agenda', 'meetingItem'],
  },
  'meeting.markDiscussed': {
    keys: [ch('t')],
    description: '把项目标记为“已讨论”（再按一次取消）',
    short: '已讨论',
    contexts: ['agenda', 'meetingItem'],
  },
  'meeting.markSkipped': {
    keys: [ch('s')],
    description: '把项目标记为“跳过”（再按一次取消）',
    short: '跳过',
    contexts: ['agenda', 'meetingItem'],
  },
  'meeting.general': {
    keys: [ch('z')],
    description: '综合事项：记录不针对具体项目的议定事项',
    short: '综合事项',
    contexts: ['agenda'],
  },

  'meeting.resumeOld': {
    keys: [k('return')],
    description: '继续记录那次未结束的会议',
    short: '继续记录',
    contexts: ['resumeChoice'],
  },
  'meeting.startNew': {
    keys: [ch('N')],
    description: '开一次新的会议（那次会议保持未结束，以后仍可打开）',
    short: '开新会',
    contexts: ['resumeChoice'],
  },
  'meeting.reopen': {
    keys: [ch('y')],
    description: '重新打开已结束的会议，继续记录（会议记录改为未结束）',
    short: '重新打开',
    contexts: ['reopenMeeting'],
  },

  // ---- last meeting's decisions, checked off at the start of a meeting
  'followup.done': {
    keys: [ch('y'), ch('1')],
    description: '已落实',
    short: '已落实',
    contexts: ['followups', 'meetingEarlier'],
  },
  'followup.inProgress': {
    keys: [ch('t'), ch('2')],
    description: '推进中',
    short: '推进中',
    contexts: ['followups', 'meetingEarlier'],
  },
  'followup.drop': {
    keys: [ch('x'), ch('3')],
    description: '撤销',
    short: '撤销',
    contexts: ['followups', 'meetingEarlier'],
  },
  'followup.reset': {
    keys: [ch('0')], // u is 撤销上步 (meeting.undo)
    description: '改回未听取（撤回本次记下的落实情况）',
    short: '未听取',
    contexts: ['followups', 'meetingEarlier'],
  },
  'followup.note': {
    keys: [ch('e')],
    description: '填写落实情况说明',
    short: '说明',
    contexts: ['followups', 'meetingEarlier'],
  },
  'meeting.undo': {
    keys: [ch('u')],
    description: '撤销上一步修改（删除、修改、落实情况、议程顺序、标记；可连续撤销多步）',
    short: '撤销上步',
    contexts: ['meeting', 'followups'],
  },

  // ---- the decision ledger between meetings (督办)
  'ledger.markDone': { keys: [ch('y')], description: '标记为已落实', short: '落实', contexts: ['ledger'] },
  'ledger.markInProgress': {
    keys: [ch('t')],
    description: '标记为推进中',
    short: '推进',
    contexts: ['ledger'],
  },
  'ledger.cycleState': {
    keys: [ch('o')],
    description: '按状态筛选：依次为 逾期、未办结、推进中/未到期、已落实、撤销、全部',
    short: '状态',
    contexts: ['ledger'],
  },
  'ledger.writeNotice': {
    keys: [ch('w')],
    description: '写出督办通知单：选中事项（或 u 所选）的责任单位',
    short: '通知单',
    contexts: ['ledger'],
  },

  // ---- settings
  'settings.edit': {
    keys: [k('return')],
    description: '修改选中的设置（字形：从简体、繁体中选）',
    short: '修改',
    contexts: ['settings'],
  },

  // ---- a short list of fixed choices (components/choice-list.tsx, on ink-select-input)
  'choice.pick': { keys: [k('return')], description: '选定', short: '选定', contexts: ['choice'] },
  'choice.number': {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => ch(d)),
    description: '直接选第N项（各行前的数字）',
    contexts: ['choice'],
  },

  // ---- minutes and bulletin
  'briefing.write': { keys: [ch('w')], description: '写出文件', short: '写出', contexts: ['briefings'] },
  'briefing.switchKind': {
    keys: [ch('t')],
    description: '切换纪要 / 月通报',
    short: '切换',
    contexts: ['briefings'],
  },
  'briefing.nextFormat': {
    keys: [ch('f')],
    description: '选择格式（Word、Excel、Markdown、纯文本、JSON）',
    short: '格式',
    contexts: ['briefings'],
  },
  'briefing.toggleTimes': {
    keys: [ch('m')],
    description: '纪要：在各项目标题后注明会上研究用时（再按一次取消）',
    contexts: ['briefings'],
  },

  // ---- forms (several fields). Tab always moves between fields; ↑↓ also do, except on a field with
  // choices (单位 and 责任人 suggestions, 完成时限 quick picks), where they pick.
  'form.nextField': {
    keys: [k('tab')],
    description: '下一栏',
    short: '下一栏',
    contexts: ['form', 'setup', 'setupKind', 'setupAttendance'],
  },
  'form.prevField': {
    keys: [k('tab', { shift: true })],
    description: '上一栏',
    contexts: ['form', 'setup', 'setupKind', 'setupAttendance'],
  },
  'form.down': {
    keys: [k('downArrow')],
    description: '下一栏',
    contexts: ['decisionForm', 'setup', 'setupKind', 'setupAttendance'],
  },
  'form.up': {
    keys: [k('upArrow')],
    description: '上一栏',
    contexts: ['decisionForm', 'setup', 'setupKind', 'setupAttendance'],
  },
  'form.pickNext': {
    keys: [k('downArrow')],
    description: '下一个候选（单位、责任人） / 快选时限',
    short: '选择',
    contexts: ['decisionPick'],
  },
  'form.pickPrev': {
    keys: [k('upArrow')],
    description: '上一个候选（单位、责任人） / 快选时限',
    contexts: ['decisionPick'],
  },
  'form.save': { keys: [ctrl('s')], description: '保存', short: '保存', contexts: ['form'] },
  'setup.start': {
    keys: [ctrl('s')],
    description: '开会（建立会议记录，议程自动排好）',
    short: '开会',
    contexts: ['setup', 'setupKind', 'setupAttendance'],
  },
  'setup.kindNext': {
    keys: [k('rightArrow'), ch(' ')],
    description: '下一个会议类别（周调度 / 月调度 / 专题）',
    short: '切换类别',
    contexts: ['setupKind'],
  },
  'setup.kindPrev': {
    keys: [k('leftArrow')],
    description: '上一个会议类别',
    contexts: ['setupKind'],
  },
  'setup.enterNext': {
    keys: [k('return')],
    description: '下一栏（最后一栏：开会）',
    contexts: ['setupKind', 'setupAttendance'],
  },
  'setup.markNext': {
    keys: [k('rightArrow'), ch(' ')],
    description: '改选中人员的出席情况：出席 → 请假 → 列席 → 迟到',
    short: '出席/请假',
    contexts: ['setupAttendance'],
  },
  'setup.markPrev': {
    keys: [k('leftArrow')],
    description: '改选中人员的出席情况（反向）',
    contexts: ['setupAttendance'],
  },

  // ---- a confirmation question
  'confirm.quit': {
    keys: [ch('y')],
    description: '仍然退出（没有保存的修改不会记入会议记录）',
    short: '仍然退出',
    contexts: ['quitConfirm'],
  },
  'confirm.yes': { keys: [ch('y'), k('return')], description: '确定', short: '确定', contexts: ['confirm'] },
  'confirm.no': {
    keys: [ch('n'), k('escape')],
    description: '取消',
    short: '取消',
    contexts: ['confirm', 'quitConfirm', 'reopenMeeting'],
  },

  // ---- editing inside a text field
  'input.submit': { keys: [k('return')], description: '确认输入', short: '确认', contexts: ['input'] },
  'input.cancel': { keys: [k('escape')], description: '取消输入', short: '取消', contexts: ['input'] },
  'input.left': { keys: [k('leftArrow')], description: '光标左移一个字', contexts: ['input'] },
  'input.right': { keys: [k('rightArrow')], description: '光标右移一个字', contexts: ['input'] },
  'input.home': { keys: [k('home'), ctrl('a')], description: '光标到行首', contexts: ['input'] },
  'input.end': { keys: [k('end'), ctrl('e')], description: '光标到行尾', contexts: ['input'] },
  'input.wordLeft': {
    keys: [k('leftArrow', { ctrl: true }), k('leftArrow', { meta: true }), alt('b')],
    description: '光标左移一个词（连续汉字算一个词）',
    contexts: ['input'],
  },
  'input.wordRight': {
    keys: [k('rightArrow', { ctrl: true }), k('rightArrow', { meta: true }), alt('f')],
    description: '光标右移一个词',
    contexts: ['input'],
  },
  'input.backspace': {
    keys: [k('backspace'), k('delete')],
    description: '删除光标前一个字',
    contexts: ['input'],
  },
  'input.delete': {
    keys: [k('forwardDelete'), ctrl('d')],
    description: '删除光标处的字',
    contexts: ['input'],
  },
  'input.deleteWordBackward': {
    keys: [ctrl('w'), k('backspace', { meta: true }), k('delete', { meta: true })],
    description: '删除光标前一个词',
    contexts: ['input'],
  },
  'input.killToStart': { keys: [ctrl('u')], description: '删除光标前的全部文字', contexts: ['input'] },
  'input.killToEnd': { keys: [ctrl('k')], description: '删除光标后的全部文字', contexts: ['input'] },
} as const satisfies Record<string, Binding>;

export type Command = keyof typeof KEY_BINDINGS;

export const COMMANDS = Object.keys(KEY_BINDINGS) as Command[];

/** Chinese heading for each command group (the part of the name before the dot). */
export const COMMAND_GROUPS: Readonly<Record<string, string>> = {
  app: '全局',
  nav: '移动',
  goto: '打开界面',
  home: '首页',
  list: '查找、排序与筛选',
  project: '项目',
  meeting: '会议',
  setup: '开会设置',
  followup: '上次议定事项',
  ledger: '督办',
  settings: '设置',
  briefing: '纪要与通报',
  choice: '选择',
  form: '表单',
  confirm: '确认',
  input: '输入框编辑',
};

function binding(command: Command): Binding {
  return KEY_BINDINGS[command];
}

/** The context and all it inherits, nearest first. */
export function contextChain(context: Context): Context[] {
  const out: Context[] = [];
  const visit = (c: Context) => {
    if (out.includes(c)) return;
    out.push(c);
    for (const p of CONTEXTS[c].parents) visit(p);
  };
  visit(context);
  return out;
}

/** True for a key spec that types a character (no Ctrl/Alt): a text field takes those. */
export function isPrintable(spec: KeySpec): boolean {
  return spec.input !== undefined && !spec.ctrl && !spec.meta;
}

/** The keys of `command` that work in `context` (printable ones dropped where text is typed). */
export function effectiveKeys(command: Command, context?: Context): KeySpec[] {
  const keys: KeySpec[] = [...binding(command).keys];
  if (context && CONTEXTS[context].textEntry) return keys.filter((s) => !isPrintable(s) || s.emptyField);
  return keys.filter((s) => !s.emptyField);
}

/** Does one key spec describe this key press? */
export function specMatches(spec: KeySpec, input: string, key: KeyPress): boolean {
  if (key.eventType === 'release') return false;
  if (!!key.ctrl !== !!spec.ctrl) return false;
  if (spec.key !== undefined) {
    if (!key[spec.key]) return false;
    if (spec.key === 'escape') return true;
    return !!key.meta === !!spec.meta && !!key.shift === !!spec.shift;
  }
  if (spec.input === undefined || input !== spec.input) return false;
  if (spec.emptyField && !key.emptyField) return false;
  return !!key.meta === !!spec.meta;
}

/** Is `command` bound in `context` (declared there or in a context it inherits)? */
export function appliesIn(command: Command, context: Context): boolean {
  const declared: readonly Context[] = binding(command).contexts;
  return contextChain(context).some((c) => declared.includes(c));
}

/**
 * Does this key press trigger `command`? With a context, only if the command applies there, and
 * printable keys never count where text is typed.
 */
export function matches(command: Command, input: string, key: KeyPress, context?: Context): boolean {
  if (context && !appliesIn(command, context)) return false;
  return effectiveKeys(command, context).some((spec) => specMatches(spec, input, key));
}

export interface ContextBinding {
  command: Command;
  description: string;
  short?: string;
  footerWhenNamed?: true;
  keys: KeySpec[];
  /** Keys as shown to the user: "↑", "k", "Ctrl+W". */
  labels: string[];
  /** The context the command was declared for (this one or an ancestor). */
  from: Context;
}

const keysForCache = new Map<Context, readonly ContextBinding[]>();

/** Every command that works in `context`, own context first, then inherited ones. */
export function keysFor(context: Context): readonly ContextBinding[] {
  let cached = keysForCache.get(context);
  if (!cached) {
    cached = computeKeysFor(context);
    keysForCache.set(context, cached);
  }
  return cached;
}

function computeKeysFor(context: Context): ContextBinding[] {
  const out: ContextBinding[] = [];
  for (const c of contextChain(context)) {
    for (const command of COMMANDS) {
      const b = binding(command);
      if (!b.contexts.includes(c) || out.some((o) => o.command === command)) continue;
      const keys = effectiveKeys(command, context);
      if (keys.length === 0) continue;
      out.push({
        command,
        description: b.description,
        ...(b.short ? { short: b.short } : {}),
        ...('footerWhenNamed' in b && b.footerWhenNamed ? { footerWhenNamed: true as const } : {}),
        keys,
        // Backspace and DEL print the same: show each label once
        labels: [...new Set(keys.map(formatKey))],
        from: c,
      });
    }
  }
  return out;
}

/** The command a key press triggers in `context`, if any (unique: see key-bindings.test.ts). */
export function commandFor(context: Context, input: string, key: KeyPress): Command | undefined {
  for (const b of keysFor(context)) {
    if (b.keys.some((spec) => specMatches(spec, input, key))) return b.command;
  }
  return undefined;
}

const KEY_LABELS: Record<KeyName, string> = {
  upArrow: '↑',
  downArrow: '↓',
  leftArrow: '←',
  rightArrow: '→',
  pageUp: 'PgUp',
  pageDown: 'PgDn',
  home: 'Home',
  end: 'End',
  return: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Backspace',
  forwardDelete: 'Delete',
};

/** "Ctrl+W", "Alt+←", "Shift+Tab", "空格", "k". */
export function formatKey(spec: KeySpec): string {
  const mods = [spec.ctrl ? 'Ctrl+' : '', spec.meta ? 'Alt+' : '', spec.shift ? 'Shift+' : ''].join('');
  if (spec.key !== undefined) return mods + KEY_LABELS[spec.key];
  const input = spec.input ?? '';
  if (input === ' ') return mods + '空格';
  if (spec.emptyField) return `${input}（栏内为空时）`;
  return mods + (spec.ctrl || spec.meta ? input.toUpperCase() : input);
}

/** A stable text for a key spec, equal for specs that the same key press would match. */
export function keySignature(spec: KeySpec): string {
  const mods = `${spec.ctrl ? 'C' : ''}${spec.meta ? 'M' : ''}`;
  if (spec.key !== undefined) {
    if (spec.key === 'escape') return `key:escape/${mods}`;
    return `key:${spec.key}/${mods}${spec.shift ? 'S' : ''}`;
  }
  return `input:${spec.input ?? ''}/${mods}`;
}

export interface KeyHint {
  keys: string;
  label: string;
  /** the command the hint is for (the footer keeps 返回 and 帮助 when it must drop hints) */
  command?: Command;
}

/**
 * Short hints for the footer: commands of `context` that have a short label, own context first,
 * or the listed commands in the order given. Keys of one command are joined with "/" (↓/j).
 */
export function hintsFor(context: Context, only?: readonly Command[]): KeyHint[] {
  const all = keysFor(context);
  // the whole app's keys (返回, 帮助, 退出) come after the place's own, wherever they are declared
  const chosen = only
    ? only.flatMap((c) => all.filter((b) => b.command === c))
    : [
        ...all.filter((b) => b.short !== undefined && !b.footerWhenNamed && !b.command.startsWith('app.')),
        ...all.filter((b) => b.short !== undefined && !b.footerWhenNamed && b.command.startsWith('app.')),
      ];
  return chosen.map((b) => ({
    keys: hintKeys(b),
    label: b.short ?? b.description,
    command: b.command,
  }));
}

/**
 * One hint for a line of text in a screen ("K/J 调整顺序", "y/1 已落实"): the keys of `commands` that
 * work in `context` (all of them, or the first of each with `first`), and a label (default: the
 * first command's description). Undefined when none of the commands works there, so a screen can
 * never advertise a key that does nothing.
 */
export function keyHint(
  context: Context,
  commands: Command | readonly Command[],
  options: { label?: string; first?: boolean; short?: boolean } = {},
): KeyHint | undefined {
  const list = typeof commands === 'string' ? [commands] : commands;
  const found = list.flatMap((c) => keysFor(context).filter((b) => b.command === c));
  if (found.length === 0) return undefined;
  const keys = found.flatMap((b) => (options.first ? b.labels.slice(0, 1) : b.labels));
  const head = found[0]!;
  const label = options.label ?? (options.short ? (head.short ?? head.description) : head.description);
  return { keys: keys.join('/'), label, command: head.command };
}

/** Hints as one line of text: "Enter 进入 · K/J 调整顺序". */
export function hintLine(hints: ReadonlyArray<KeyHint | undefined>, separator = ' · '): string {
  return hints
    .filter((h): h is KeyHint => h !== undefined)
    .map((h) => `${h.keys} ${h.label}`)
    .join(separator);
}

function hintKeys(b: ContextBinding): string {
  // The footer shows the arrow pair for movement and the first key of anything else.
  if (b.command === 'nav.down' || b.command === 'nav.up') return '↑↓';
  if (b.command === 'form.pickNext' || b.command === 'form.pickPrev') return '↑↓';
  // `?` in a form: the footer says just "? 帮助"; the help screen adds when it acts
  if (b.command === 'app.help') return '?';
  return b.labels[0] ?? '';
}

export interface HelpSection {
  /** Group title (COMMAND_GROUPS), e.g. 移动, 会议. */
  title: string;
  rows: Array<{ keys: string; description: string }>;
}

/** Everything that works in `context`, grouped for the help screen, groups in first-seen order. */
export function helpSections(context: Context): HelpSection[] {
  const sections: HelpSection[] = [];
  for (const b of keysFor(context)) {
    const group = b.command.slice(0, b.command.indexOf('.'));
    const title = COMMAND_GROUPS[group] ?? group;
    let section = sections.find((s) => s.title === title);
    if (!section) {
      section = { title, rows: [] };
      sections.push(section);
    }
    // the digits 1…9 (转到第N项) read better as a range
    const keys = b.labels.join('') === '123456789' ? '1-9' : b.labels.join(' / ');
    section.rows.push({ keys, description: b.description });
  }
  return sections;
}
