// Checks the sample data against formats.md without the app: keys, enum values, dates, amounts, ids,
// meeting references; then prints each register's headline figures (项目数, 开复工率, 总投资, 完成率) and, for
// meetings, the state of every decision on the register's as_of. Exit code 1 on any error.
// Usage: node scripts/check-seeds.mjs [seeds/*.yaml meetings/*.yaml]   (no arguments: everything)
/* global console, process, URL */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import YAML from 'yaml';
import { assess, dateExists, isStarted, simp, timeProgress } from './seed-kit.mjs';

const KEYS = {
  register: ['title', 'region', 'year', 'as_of', 'money_unit', 'issuer', 'rules'],
  rules: ['time_progress', 'yellow_gap', 'red_gap', 'start_red_days', 'milestone_red_days'],
  project: [
    'id',
    'name',
    'nature',
    'stage',
    'unit',
    'leader',
    'owner',
    'area',
    'industry',
    'content',
    'total_investment',
    'annual_plan',
    'completed_year',
    'completed_month',
    'completed_total',
    'planned_start',
    'actual_start',
    'planned_finish',
    'actual_finish',
    'progress',
    'contact',
    'milestones',
    'problems',
  ],
  milestone: ['name', 'planned', 'done'],
  problem: ['id', 'text', 'unit', 'raised', 'due', 'resolved', 'resolution'],
  meeting: [
    'date',
    'kind',
    'number',
    'title',
    'chair',
    'place',
    'present',
    'absent',
    'attending',
    'register',
    'as_of',
    'closed',
  ],
  item: ['project', 'light', 'reasons', 'notes', 'decisions'],
  decision: ['id', 'text', 'unit', 'owner', 'due'],
  followup: ['decision', 'status', 'note', 'date'],
};
const REQUIRED = {
  register: ['title', 'region', 'year', 'as_of'],
  project: ['id', 'name', 'nature', 'stage', 'unit', 'total_investment', 'annual_plan', 'completed_year'],
  milestone: ['name', 'planned'],
  problem: ['text'],
  meeting: ['date', 'kind'],
  item: ['project'],
  decision: ['id', 'text', 'unit', 'due'],
  followup: ['decision', 'status'],
};
const ENUM = {
  nature: ['新建', '续建', '前期'],
  stage: ['前期', '在建', '竣工', '投产', '停工'],
  money_unit: ['万元', '亿元'],
  time_progress: ['month', 'half_month', 'day'],
  kind: ['周调度', '月调度', '专题'],
  light: ['红', '黄', '绿'],
  status: ['已落实', '推进中', '撤销'],
};
const TRAD_STATUS = { 已落實: '已落实', 撤銷: '撤销' };
const MONEY = ['total_investment', 'annual_plan', 'completed_year', 'completed_month', 'completed_total'];
const DATES = [
  'as_of',
  'planned_start',
  'actual_start',
  'planned_finish',
  'actual_finish',
  'planned',
  'done',
  'raised',
  'due',
  'resolved',
  'date',
];

let errors = 0;
let warnings = 0;
const err = (file, where, msg) => {
  errors++;
  console.log(`  错误 ${file} ${where}: ${msg}`);
};
const warn = (file, where, msg) => {
  warnings++;
  console.log(`  警告 ${file} ${where}: ${msg}`);
};

function checkObject(file, where, kind, obj) {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj))
    return err(file, where, `${kind} 应为映射`);
  for (const k of Object.keys(obj)) if (!KEYS[kind].includes(k)) err(file, where, `未知键 ${k}（${kind}）`);
  for (const k of REQUIRED[kind] ?? []) if (obj[k] === undefined) err(file, where, `缺少必填键 ${k}`);
  for (const [k, v] of Object.entries(obj)) {
    if (DATES.includes(k) && !(typeof v === 'string' && dateExists(v)))
      err(file, where, `${k} 不是存在的日期：${v}`);
    if (MONEY.includes(k) && !(typeof v === 'number' && v >= 0)) err(file, where, `${k} 应为非负数：${v}`);
    const allowed = ENUM[k];
    const val = k === 'status' ? (TRAD_STATUS[v] ?? v) : simp(v);
    if (allowed && !allowed.includes(val)) err(file, where, `${k} 的值 ${v} 不在 ${allowed.join('/')} 中`);
  }
}

function checkRegister(file) {
  const doc = YAML.parse(readFileSync(file, 'utf8'));
  const top = Object.keys(doc);
  for (const k of top) if (!['register', 'projects'].includes(k)) err(file, '', `未知顶层键 ${k}`);
  checkObject(file, 'register', 'register', doc.register);
  if (doc.register.rules) checkObject(file, 'register.rules', 'rules', doc.register.rules);
  const mul = doc.register.money_unit === '亿元' ? 10000 : 1;
  const ids = new Set();
  const problemIds = new Set();
  for (const [i, p] of doc.projects.entries()) {
    const w = `projects[${i}] ${p.id}`;
    checkObject(file, w, 'project', p);
    if (ids.has(p.id)) err(file, w, `项目编号重复 ${p.id}`);
    ids.add(p.id);
    if (p.completed_year > p.annual_plan)
      warn(file, w, `年度累计完成投资 ${p.completed_year} 超过年度计划 ${p.annual_plan}`);
    if (isStarted(p.stage) && !p.actual_start) warn(file, w, `建设阶段为${p.stage}但没有实际开工日期`);
    if (p.actual_start && p.actual_start > doc.register.as_of) err(file, w, `实际开工日期晚于数据截至日`);
    if (p.actual_finish && p.actual_finish > doc.register.as_of) err(file, w, `实际竣工日期晚于数据截至日`);
    if (p.completed_month > p.completed_year) err(file, w, `本月完成大于年度累计`);
    if (p.completed_total !== undefined && p.completed_total + 1e-9 < p.completed_year)
      err(file, w, '开工以来累计小于年度累计');
    if (p.completed_total !== undefined && p.completed_total > p.total_investment + 1e-9)
      err(file, w, '累计完成超过总投资');
    if (p.annual_plan > p.total_investment + 1e-9) err(file, w, '年度计划超过总投资');
    for (const [j, m] of (p.milestones ?? []).entries()) {
      checkObject(file, `${w}.milestones[${j}]`, 'milestone', m);
      if (m.done && m.done > doc.register.as_of) err(file, w, `节点完成日期晚于数据截至日`);
    }
    for (const [j, q] of (p.problems ?? []).entries()) {
      checkObject(file, `${w}.problems[${j}]`, 'problem', q);
      const qid = q.id ?? `${p.id}-${j + 1}`;
      if (problemIds.has(qid)) err(file, w, `问题编号重复 ${qid}`);
      problemIds.add(qid);
      if (q.resolved && q.resolved > doc.register.as_of) err(file, w, `问题解决日期晚于数据截至日`);
      if (q.raised && q.raised > doc.register.as_of) err(file, w, `问题提出日期晚于数据截至日`);
    }
  }
  return { doc, mul };
}

function summary(file, doc, mul, openDecisionsByProject = new Map()) {
  const r = doc.register;
  const rules = {
    mode: r.rules?.time_progress ?? 'month',
    yellow: r.rules?.yellow_gap ?? 10,
    red: r.rules?.red_gap ?? 30,
    startRed: r.rules?.start_red_days ?? 60,
    milestoneRed: r.rules?.milestone_red_days ?? 30,
  };
  const ps = doc.projects;
  const started = ps.filter((p) => isStarted(p.stage)).length;
  const xin = ps.filter((p) => simp(p.nature) === '新建');
  const xinStarted = xin.filter((p) => isStarted(p.stage)).length;
  const sum = (k) => ps.reduce((s, p) => s + (p[k] ?? 0) * mul, 0);
  const tp = timeProgress(r.as_of, rules.mode);
  const lights = ps.map((p) => ({
    p,
    ...assess(p, r.as_of, { rules, openDecisions: openDecisionsByProject.get(p.id) }),
  }));
  const red = lights.filter((x) => x.light === '红').length;
  const yellow = lights.filter((x) => x.light === '黄').length;
  const inv = lights.filter((x) => x.flags.some((f) => f.kind === 'investment')).length;
  const stages = {};
  for (const p of ps) stages[simp(p.stage)] = (stages[simp(p.stage)] ?? 0) + 1;
  console.log(
    `  ${r.title}（截至${r.as_of}，${r.money_unit ?? '万元'}，序时进度${(tp * 100).toFixed(1)}%，${rules.mode}）`,
  );
  console.log(
    `  项目${ps.length}个，开复工${started}个（${((started / ps.length) * 100).toFixed(1)}%），新开工率${xinStarted}/${xin.length}；` +
      `阶段 ${Object.entries(stages)
        .map(([k, v]) => `${k}${v}`)
        .join(' ')}`,
  );
  console.log(
    `  总投资${(sum('total_investment') / 10000).toFixed(2)}亿元（${sum('total_investment').toFixed(0)}万元），年度计划${(sum('annual_plan') / 10000).toFixed(2)}亿元，` +
      `累计完成${(sum('completed_year') / 10000).toFixed(2)}亿元，完成率${((sum('completed_year') / sum('annual_plan')) * 100).toFixed(1)}%`,
  );
  console.log(
    `  红${red} 黄${yellow}（投资滞后${inv}）${openDecisionsByProject.size ? '，含会议督办逾期' : ''}`,
  );
  return lights;
}

function checkMeetings(dir, registers) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const decisions = new Map();
  const states = new Map(); // decision id → {status, date}
  let regFile;
  for (const f of files) {
    const file = join(dir, f);
    const doc = YAML.parse(readFileSync(file, 'utf8'));
    for (const k of Object.keys(doc))
      if (!['meeting', 'items', 'followups'].includes(k)) err(file, '', `未知顶层键 ${k}`);
    checkObject(file, 'meeting', 'meeting', doc.meeting);
    const m = doc.meeting;
    if (!f.startsWith(m.date)) err(file, 'meeting.date', '文件名与会议日期不符');
    const reg = m.register ? resolve(dirname(file), m.register) : undefined;
    regFile ??= reg;
    const register = reg && registers.get(reg);
    if (reg && !register) err(file, 'meeting.register', `找不到台账 ${m.register}`);
    const ids = new Set(register?.doc.projects.map((p) => p.id));
    const units = new Set(register?.doc.projects.map((p) => p.unit));
    for (const [i, it] of (doc.items ?? []).entries()) {
      checkObject(file, `items[${i}]`, 'item', it);
      if (register && !ids.has(it.project)) err(file, `items[${i}]`, `台账中没有项目 ${it.project}`);
      for (const [j, d] of (it.decisions ?? []).entries()) {
        checkObject(file, `items[${i}].decisions[${j}]`, 'decision', d);
        if (decisions.has(d.id)) err(file, d.id, '议定事项编号重复');
        if (!d.id.startsWith(m.date)) err(file, d.id, '议定事项编号应以会议日期开头');
        if (register && !units.has(d.unit)) warn(file, d.id, `责任单位 ${d.unit} 不是台账中的责任单位`);
        if (d.due < m.date) err(file, d.id, '完成时限早于会议日期');
        decisions.set(d.id, { ...d, project: it.project, meeting: m.date });
      }
    }
    for (const [i, fu] of (doc.followups ?? []).entries()) {
      checkObject(file, `followups[${i}]`, 'followup', fu);
      const d = decisions.get(fu.decision);
      if (!d) err(file, `followups[${i}]`, `未知或尚未作出的议定事项 ${fu.decision}`);
      else if (d.meeting >= m.date) err(file, `followups[${i}]`, `跟进的议定事项不早于本次会议`);
      states.set(fu.decision, { status: fu.status, date: fu.date ?? m.date, note: fu.note });
    }
    console.log(
      `  ${f}: 第${m.number ?? '?'}期 主持${m.chair ?? '-'} 项目${doc.items?.length ?? 0}个 议定事项${(doc.items ?? []).reduce((s, it) => s + (it.decisions?.length ?? 0), 0)}条 跟进${doc.followups?.length ?? 0}条`,
    );
  }
  return { decisions, states, regFile };
}

const args = process.argv.slice(2);
const root = new URL('..', import.meta.url).pathname;
const seedFiles = args.length
  ? args.filter((a) => a.includes('seeds/'))
  : readdirSync(join(root, 'seeds'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(root, 'seeds', f));
const registers = new Map();
for (const f of seedFiles) {
  console.log(`台账 ${f}`);
  const { doc, mul } = checkRegister(f);
  registers.set(resolve(f), { doc, mul });
  summary(f, doc, mul);
}
const meetingDir = join(root, 'meetings');
if (!args.length || args.some((a) => a.includes('meetings'))) {
  console.log(`会议 ${meetingDir}`);
  const { decisions, states, regFile } = checkMeetings(meetingDir, registers);
  const reg = registers.get(regFile);
  if (reg) {
    const day = reg.doc.register.as_of;
    const open = new Map();
    const byState = { 已落实: [], 撤销: [], 逾期: [], 未到期: [] };
    for (const [id, d] of decisions) {
      const s = states.get(id);
      const done = s && s.date <= day && (s.status === '已落实' || s.status === '撤销');
      if (done) byState[s.status].push(id);
      else if (d.due < day)
        byState.逾期.push(`${id}(${d.unit}，时限${d.due}${s ? `，${s.status}` : '，无跟进'})`);
      else byState.未到期.push(id);
      if (!done) open.set(d.project, [...(open.get(d.project) ?? []), d]);
    }
    console.log(`  截至${day}：议定事项${decisions.size}条`);
    for (const [k, v] of Object.entries(byState)) console.log(`    ${k}${v.length}：${v.join('，')}`);
    console.log('  计入会议督办后：');
    summary(regFile, reg.doc, reg.mul, open);
  }
}
console.log(`\n${errors}个错误，${warnings}个警告`);
process.exit(errors ? 1 : 0);
