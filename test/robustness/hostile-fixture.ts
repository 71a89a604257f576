// The hostile register and meetings shared by the robustness tests: names, units, reasons, notes and
// decisions that carry ANSI colour and clear-screen sequences, OSC window titles and hyperlinks, BEL,
// NUL, C1 codes and bidi overrides, and a clean twin with the same words and nothing else.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';

// ---- the hostile payload -------------------------------------------------------------------

/**
 * Visible words survive (红字, 反转, 链接, 尾); everything between them is something a terminal
 * would act on: SGR colour, clear screen, an OSC window title ended by BEL, a BEL, NUL, a bidi
 * override and its pop, a C1 CSI, an OSC 8 hyperlink ended by ST, backspace, DEL, CR, form feed,
 * vertical tab and a C1 NEL.
 */
export const PAYLOAD =
  '\u001b[31m红字\u001b[0m\u001b[2J\u001b[H\u001b]0;伪造标题\u0007\u0007\u0000' +
  '\u202e反转\u202c\u2066\u2069\u009b31m' +
  '\u001b]8;;http://x.invalid/\u001b\\链接\u001b]8;;\u001b\\' +
  '\b\u007f\r\f\u000b\u0085尾';

export const hostile = (label: string): string => `${label}${PAYLOAD}`;
export const clean = (label: string): string => label;

/** A YAML double-quoted scalar (JSON strings are YAML 1.2); C1 and bidi characters stay raw. */
const q = (s: string): string => JSON.stringify(s);

export function registerYaml(t: (label: string) => string): string {
  return `register:
  title: ${q(t('测试台账'))}
  region: ${q(t('测试区'))}
  year: 2021
  as_of: 2021-09-30
  issuer: ${q(t('测试区项目推进中心'))}
projects:
  - id: HX-001
    name: ${q(t('光伏组件项目'))}
    nature: 续建
    stage: 在建
    unit: ${q(t('区发改局'))}
    leader: ${q(t('马领导'))}
    owner: ${q(t('某某公司'))}
    area: ${q(t('北坪园区'))}
    industry: ${q(t('新能源'))}
    content: ${q(t('组件生产线'))}
    total_investment: 50000
    annual_plan: 10000
    completed_year: 2000
    completed_month: 100
    actual_start: 2021-03-01
    progress: ${q(t('设备安装中'))}
    contact: ${q(t('刘联系人'))}
    milestones:
      - name: ${q(t('设备调试'))}
        planned: 2021-07-01
    problems:
      - text: ${q(t('用地手续未办结'))}
        unit: ${q(t('区自然资源局'))}
        raised: 2021-06-01
        due: 2021-08-31
  - id: HX-002
    name: ${q(t('物流园项目'))}
    nature: 新建
    stage: 前期
    unit: ${q(t('区交通局'))}
    leader: ${q(t('张领导'))}
    area: ${q(t('城区片区'))}
    total_investment: 8000
    annual_plan: 3000
    completed_year: 0
    planned_start: 2021-03-01
  - id: HX-003
    name: ${q(t('污水处理项目'))}
    nature: 新建
    stage: 在建
    unit: ${q(t('区发改局'))}
    total_investment: 3000
    annual_plan: 1000
    completed_year: 900
    actual_start: 2021-04-01
`;
}

function firstMeetingYaml(t: (label: string) => string): string {
  return `meeting:
  date: 2021-09-13
  kind: 周调度
  title: ${q(t('全区重点项目周调度会'))}
  chair: ${q(t('马主持'))}
  place: ${q(t('三楼会议室'))}
  present: [${q(t('区发改局'))}, ${q(t('区交通局'))}]
  absent: [${q(t('区水务局'))}]
  attending: [${q(t('某某公司'))}]
  register: ../register.yaml
  as_of: 2021-09-30
  closed: true
items:
  - project: HX-001
    light: 红
    reasons: [${q(t('投资完成率低'))}]
    notes: ${q(t('企业汇报设备已进场'))}
    decisions:
      - id: 2021-09-13-01
        text: ${q(t('协调落实用地指标'))}
        unit: ${q(t('区自然资源局'))}
        owner: ${q(t('张责任人'))}
        due: 2021-09-20
      - id: 2021-09-13-02
        text: ${q(t('督促设备调试'))}
        unit: ${q(t('区发改局'))}
        due: 2021-10-20
`;
}

function secondMeetingYaml(t: (label: string) => string): string {
  return `meeting:
  date: 2021-09-27
  kind: 周调度
  title: ${q(t('全区重点项目周调度会'))}
  chair: ${q(t('马主持'))}
  present: [${q(t('区发改局'))}]
  register: ../register.yaml
  as_of: 2021-09-30
  closed: true
items:
  - project: HX-002
    light: 红
    reasons: [${q(t('未按期开工'))}]
    notes: ${q(t('手续办理中'))}
    decisions:
      - id: 2021-09-27-01
        text: ${q(t('加快前期手续'))}
        unit: ${q(t('区交通局'))}
        owner: ${q(t('李责任人'))}
        due: 2021-10-10
followups:
  - decision: 2021-09-13-01
    status: 推进中
    note: ${q(t('已上报市局'))}
  - decision: 2021-09-13-02
    status: 已落实
    note: ${q(t('调试完成'))}
`;
}

/** The words that must still show, as harmless text, wherever the hostile strings are printed. */
export const VISIBLE = ['红字', '反转', '链接', '尾'];

// ---- what counts as harmful ------------------------------------------------------------------

/** C0 controls except \t and \n, DEL, C1 controls, and bidi embeddings/overrides/isolates. */
export const HARMFUL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function describeChar(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Fails with the offending character and its surroundings. */
export function expectHarmless(text: string, where: string): void {
  const m = HARMFUL.exec(text);
  if (m) {
    const at = m.index;
    const around = JSON.stringify(text.slice(Math.max(0, at - 30), at + 30));
    expect.fail(`${where}: ${describeChar(m[0])} at ${at}: ${around}`);
  }
}

// ---- the fixture folders ---------------------------------------------------------------------

export interface Fixture {
  dir: string;
  ctx: CommandContext;
}

export function writeFixture(root: string, name: string, t: (label: string) => string): Fixture {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'meetings'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'register.yaml'), registerYaml(t));
  fs.writeFileSync(path.join(dir, 'meetings', '2021-09-13-周调度.yaml'), firstMeetingYaml(t));
  fs.writeFileSync(path.join(dir, 'meetings', '2021-09-27-周调度.yaml'), secondMeetingYaml(t));
  return { dir, ctx: { today: () => '2021-10-15', cwd: dir } };
}
