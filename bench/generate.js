// Generates large registers and a year of meetings for the benchmark (npm run bench).
// Deterministic: the same seed gives the same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const UNITS = [
  '区发改局',
  '区工信局',
  '区住建局',
  '区交通局',
  '区自然资源局',
  '区农业农村局',
  '区文旅局',
  '区水务局',
  '开发区管委会',
  '井坪镇',
  '凤凰城镇',
  '白堂乡',
  '阻虎乡',
  '高石庄乡',
  '向阳堡乡',
  '下木角乡',
];
const AREAS = ['北坪循环经济园区', '东坡工业园区', '城区片区', '南部片区'];
const WORDS = [
  '光伏',
  '储能',
  '智能装备',
  '新材料',
  '物流园',
  '污水处理',
  '道路提升',
  '产业园',
  '冷链',
  '数据中心',
];
// Mostly under way, as on real registers (平鲁区 2021: 161 of 171 started); a few 前期 and 停工.
const STAGES = [
  '在建',
  '在建',
  '在建',
  '在建',
  '在建',
  '在建',
  '在建',
  '投产',
  '竣工',
  '竣工',
  '前期',
  '前期',
  '在建',
  '在建',
  '在建',
  '停工',
];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const date = (m, d) => `2021-${pad(m)}-${pad(d)}`;

export function registerYaml(count, seed = 1) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const lines = [
    '# 基准测试用生成数据（示例数据）',
    'register:',
    `  title: 基准测试${count}个项目台账`,
    '  region: 基准区',
    '  year: 2021',
    '  as_of: 2021-12-31', // after the last of the 52 weekly meetings
    '  issuer: 基准区项目推进中心',
    'projects:',
  ];
  for (let i = 1; i <= count; i++) {
    const stage = pick(STAGES);
    const nature = stage === '前期' ? pick(['新建', '前期']) : pick(['新建', '续建']);
    const plan = Math.round(1000 + r() * 50000);
    // 完成率 78–100% against 序时进度 100% at as_of: about a third lag on investment (yellow).
    const done = Math.round(plan * (0.78 + 0.4 * r()));
    const started = stage !== '前期' && stage !== '停工';
    lines.push(
      `  - id: BM-${pad(i, 5)}`,
      `    name: ${pick(WORDS)}${pick(WORDS)}项目${i}号`,
      `    nature: ${nature}`,
      `    stage: ${stage}`,
      `    unit: ${pick(UNITS)}`,
      `    leader: 领导${(i % 40) + 1}`,
      `    area: ${pick(AREAS)}`,
      `    total_investment: ${plan * 3}`,
      `    annual_plan: ${plan}`,
      `    completed_year: ${Math.min(done, plan)}`,
      `    planned_start: ${date(1 + Math.floor(r() * 8), 1 + Math.floor(r() * 28))}`,
    );
    if (started) lines.push(`    actual_start: ${date(1 + Math.floor(r() * 8), 1 + Math.floor(r() * 28))}`);
    lines.push(`    progress: 主体工程施工中`);
    lines.push('    milestones:');
    const month = 6 + Math.floor(r() * 6);
    const planned = date(month, 1 + Math.floor(r() * 28));
    // Milestones due before as_of are mostly done on time.
    const milestoneDone = r() < 0.85 ? `, done: ${planned}` : '';
    lines.push(`      - {name: 主体封顶, planned: ${planned}${milestoneDone}}`);
    if (r() < 0.3) {
      lines.push('    problems:');
      const dueMonth = 7 + Math.floor(r() * 5);
      const resolved = r() < 0.8 ? `, resolved: ${date(dueMonth, 5)}` : '';
      lines.push(
        `      - {text: 用地手续尚未办结, unit: ${pick(UNITS)}, raised: 2021-06-01, due: ${date(dueMonth, 10)}${resolved}}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

export function meetingYamls(projectCount, weeks = 52, seed = 2) {
  const r = rng(seed);
  const files = [];
  const decided = [];
  let day = Date.UTC(2021, 0, 4);
  for (let w = 0; w < weeks; w++, day += 7 * 86400000) {
    const d = new Date(day).toISOString().slice(0, 10);
    const lines = [
      'meeting:',
      `  date: ${d}`,
      '  kind: 周调度',
      '  title: 全区重点项目周调度会',
      '  chair: 主持人',
      '  present: [区发改局, 区工信局]',
      '  absent: []',
      '  attending: []',
      '  closed: true',
      'items:',
    ];
    for (let k = 0; k < 6; k++) {
      const project = `BM-${pad(1 + Math.floor(r() * projectCount), 5)}`;
      lines.push(`  - project: ${project}`, '    reasons: [投资进度滞后]', '    decisions:');
      for (let j = 1; j <= 2; j++) {
        const id = `${d}-${pad(k * 2 + j)}`;
        const due = new Date(day + (7 + Math.floor(r() * 30)) * 86400000).toISOString().slice(0, 10);
        lines.push(
          `      - id: ${id}`,
          `        text: 协调解决项目推进中的问题${k}-${j}`,
          `        unit: ${UNITS[(k + j) % UNITS.length]}`,
          `        due: ${due}`,
        );
        decided.push({ id, made: d, due, closed: false });
      }
    }
    // 上次会议落实情况: every open decision due by this meeting is followed up; most are done on time.
    const heard = decided.filter((x) => !x.closed && x.made < d && x.due <= d);
    if (heard.length > 0) {
      lines.push('followups:');
      for (const x of heard) {
        x.closed = r() < 0.8;
        lines.push(
          `  - decision: ${x.id}`,
          `    status: ${x.closed ? '已落实' : '推进中'}`,
          '    note: 已督办',
        );
      }
    }
    files.push({ name: `${d}-周调度.yaml`, text: lines.join('\n') + '\n' });
  }
  return files;
}

export function writeBenchData(dir, projectCount) {
  mkdirSync(join(dir, 'meetings'), { recursive: true });
  const registerPath = join(dir, 'register.yaml');
  writeFileSync(registerPath, registerYaml(projectCount));
  for (const f of meetingYamls(projectCount)) writeFileSync(join(dir, 'meetings', f.name), f.text);
  return { registerPath, meetingsDir: join(dir, 'meetings') };
}
