// Checks the sample data with the app's own loader (docs/formats.md: keys, enum values, dates, amounts,
// ids, meeting references) plus what must hold for sample data in particular; then prints each
// register's headline figures (项目数, 开复工率, 总投资, 完成率) and, for meetings, the state of every
// decision on the register's as_of. Exit code 1 on any error.
// Usage: npm run build && node scripts/check-seeds.mjs [seeds/*.yaml meetings/*.yaml]   (no arguments: everything)
/* global console, process, URL */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import YAML from 'yaml';
import { assess, isStarted, simp, timeProgress } from './seed-kit.mjs';

// Keys, required fields, enum values, dates, amounts, duplicate ids and follow-up references are the
// app's own loader's to check (dist/, built by `npm run build`); this script adds only what holds for
// the sample data in particular: nothing dated after the register's as_of, meetings named by their
// date, decisions numbered by their meeting, items and units that the register knows.
let store;
try {
  store = {
    ...(await import('../dist/store/register-file.js')),
    ...(await import('../dist/store/meeting-read.js')),
    ...(await import('../dist/domain/types.js')),
  };
} catch (error) {
  console.error(
    `先运行 npm run build：本脚本用 dist/ 中的台账和会议记录读取程序检查格式（${error.message}）`,
  );
  process.exit(2);
}

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
const report = (d) => {
  if (d.severity === 'error') errors++;
  else warnings++;
  console.log(`  ${store.formatDiagnostic(d)}`);
};

/** Runs one of the app's loaders (no cache), printing its warnings or errors; undefined when it refused. */
function viaLoader(load) {
  try {
    const loaded = load();
    loaded.warnings.forEach(report);
    return loaded;
  } catch (error) {
    if (!(error instanceof store.InputError)) throw error;
    error.diagnostics.forEach(report);
    return undefined;
  }
}

function checkRegister(file) {
  if (!viaLoader(() => store.loadRegister(file, { cache: false }))) return undefined;
  const doc = YAML.parse(readFileSync(file, 'utf8'));
  const mul = doc.register.money_unit === '亿元' ? 10000 : 1;
  const asOf = doc.register.as_of;
  for (const [i, p] of doc.projects.entries()) {
    const w = `projects[${i}] ${p.id}`;
    if (p.actual_finish && p.actual_finish > asOf) err(file, w, `实际竣工日期晚于数据截至日`);
    if (p.completed_total !== undefined && p.completed_total > p.total_investment + 1e-9)
      err(file, w, '累计完成超过总投资');
    for (const m of p.milestones ?? []) {
      if (m.done && m.done > asOf) err(file, w, `节点完成日期晚于数据截至日`);
    }
    for (const q of p.problems ?? []) {
      if (q.resolved && q.resolved > asOf) err(file, w, `问题解决日期晚于数据截至日`);
      if (q.raised && q.raised > asOf) err(file, w, `问题提出日期晚于数据截至日`);
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
    `  红${red} 黄${yellow}（投资滞后${inv}）${openDecisionsByProject.size ? '，含会议议定事项逾期未落实' : ''}`,
  );
  return lights;
}

function checkMeetings(dir, registers) {
  viaLoader(() => store.loadMeetingsWithWarnings(dir, { cache: false }));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const decisions = new Map();
  const states = new Map(); // decision id → {status, date}
  let regFile;
  for (const f of files) {
    const file = join(dir, f);
    const doc = YAML.parse(readFileSync(file, 'utf8'));
    const m = doc.meeting;
    if (!f.startsWith(m.date)) err(file, 'meeting.date', '文件名与会议日期不符');
    const reg = m.register ? resolve(dirname(file), m.register) : undefined;
    regFile ??= reg;
    const register = reg && registers.get(reg);
    if (reg && !register) err(file, 'meeting.register', `找不到台账 ${m.register}`);
    const ids = new Set(register?.doc.projects.map((p) => p.id));
    const units = new Set(register?.doc.projects.map((p) => p.unit));
    for (const [i, it] of (doc.items ?? []).entries()) {
      if (register && !ids.has(it.project)) err(file, `items[${i}]`, `台账中没有项目 ${it.project}`);
      for (const d of it.decisions ?? []) {
        if (!d.id.startsWith(m.date)) err(file, d.id, '议定事项编号应以会议日期开头');
        if (register && !units.has(d.unit)) warn(file, d.id, `责任单位 ${d.unit} 不是台账中的责任单位`);
        decisions.set(d.id, { ...d, project: it.project, meeting: m.date });
      }
    }
    for (const fu of doc.followups ?? []) {
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
  const checked = checkRegister(f);
  if (!checked) continue;
  registers.set(resolve(f), checked);
  summary(f, checked.doc, checked.mul);
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
