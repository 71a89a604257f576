// Text from files that carries terminal escapes or control characters (a name pasted from a
// coloured terminal, a spreadsheet cell with a stray BEL, a hostile file) must show as harmless text
// in every output: the scripted commands in every format, the Word and Excel files, and the
// interactive screens. A register and two meetings whose names, units, reasons, notes and decisions
// carry ANSI colour and clear-screen sequences, OSC window titles and hyperlinks, BEL, NUL, C1 codes
// and bidi overrides are loaded with the real loader and run through the real commands.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBulletin } from '../../src/commands/bulletin.js';
import { runCheck } from '../../src/commands/check.js';
import type { CommandContext, CommandResult } from '../../src/commands/common.js';
import { runItems } from '../../src/commands/items.js';
import { runLagging } from '../../src/commands/lagging.js';
import { runMinutes } from '../../src/commands/minutes.js';
import { loadRegister } from '../../src/store/register-file.js';
import { loadMeetings } from '../../src/store/meeting-read.js';

// ---- the hostile payload -------------------------------------------------------------------

/**
 * Visible words survive (红字, 反转, 链接, 尾); everything between them is something a terminal
 * would act on: SGR colour, clear screen, an OSC window title ended by BEL, a BEL, NUL, a bidi
 * override and its pop, a C1 CSI, an OSC 8 hyperlink ended by ST, backspace, DEL, CR, form feed,
 * vertical tab and a C1 NEL.
 */
const PAYLOAD =
  '\u001b[31m红字\u001b[0m\u001b[2J\u001b[H\u001b]0;伪造标题\u0007\u0007\u0000' +
  '\u202e反转\u202c\u2066\u2069\u009b31m' +
  '\u001b]8;;http://x.invalid/\u001b\\链接\u001b]8;;\u001b\\' +
  '\b\u007f\r\f\u000b\u0085尾';

const hostile = (label: string): string => `${label}${PAYLOAD}`;
const clean = (label: string): string => label;

/** A YAML double-quoted scalar (JSON strings are YAML 1.2); C1 and bidi characters stay raw. */
const q = (s: string): string => JSON.stringify(s);

function registerYaml(t: (label: string) => string): string {
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
const VISIBLE = ['红字', '反转', '链接', '尾'];

// ---- what counts as harmful ------------------------------------------------------------------

/** C0 controls except \t and \n, DEL, C1 controls, and bidi embeddings/overrides/isolates. */
const HARMFUL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function describeChar(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Fails with the offending character and its surroundings. */
function expectHarmless(text: string, where: string): void {
  const m = HARMFUL.exec(text);
  if (m) {
    const at = m.index;
    const around = JSON.stringify(text.slice(Math.max(0, at - 30), at + 30));
    expect.fail(`${where}: ${describeChar(m[0])} at ${at}: ${around}`);
  }
}

/** Every string inside a parsed JSON value, so that "\u001b" escapes are caught as well. */
function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      jsonStrings(v, out);
    }
  }
  return out;
}

/** XML text with numeric character references (&#27; &#x1B;) decoded, so they are checked too. */
function decodeXmlRefs(xml: string): string {
  return xml
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}

/** Every XML part of an Office file (docx, xlsx), references decoded. */
async function officeXml(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    parts[name] = decodeXmlRefs(await zip.file(name)!.async('string'));
  }
  return parts;
}

// ---- the fixture folders ---------------------------------------------------------------------

interface Fixture {
  dir: string;
  ctx: CommandContext;
}

function writeFixture(root: string, name: string, t: (label: string) => string): Fixture {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'meetings'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'register.yaml'), registerYaml(t));
  fs.writeFileSync(path.join(dir, 'meetings', '2021-09-13-周调度.yaml'), firstMeetingYaml(t));
  fs.writeFileSync(path.join(dir, 'meetings', '2021-09-27-周调度.yaml'), secondMeetingYaml(t));
  return { dir, ctx: { today: () => '2021-10-15', cwd: dir } };
}

let root: string;
let bad: Fixture;
let good: Fixture;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-hostile-'));
  bad = writeFixture(root, 'hostile', hostile);
  good = writeFixture(root, 'clean', clean);
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function expectOk(r: CommandResult, where: string): void {
  if (r.exitCode !== 0) expect.fail(`${where} exited ${r.exitCode}: ${r.stderr}`);
}

/** stdout and stderr harmless; for JSON also every string value; the visible words kept. */
function expectHarmlessResult(
  r: CommandResult,
  where: string,
  opts: { json?: boolean; visible?: boolean } = {},
) {
  expectOk(r, where);
  expectHarmless(r.stdout, `${where} stdout`);
  expectHarmless(r.stderr, `${where} stderr`);
  if (opts.json) {
    const strings = jsonStrings(JSON.parse(r.stdout));
    for (const s of strings) expectHarmless(s, `${where} JSON value`);
  }
  if (opts.visible !== false)
    for (const word of VISIBLE) expect(r.stdout, `${where}: ${word}`).toContain(word);
}

// ---- the loader ----------------------------------------------------------------------------

describe('loading hostile text', () => {
  it('keeps the visible words of every text field and drops what a terminal would act on', () => {
    const { register } = loadRegister(path.join(bad.dir, 'register.yaml'));
    const p = register.projects[0]!;
    const fields = [
      register.meta.title,
      register.meta.region,
      register.meta.issuer ?? '',
      p.name,
      p.unit,
      p.leader ?? '',
      p.owner ?? '',
      p.area ?? '',
      p.industry ?? '',
      p.content ?? '',
      p.progress ?? '',
      p.contact ?? '',
      p.milestones[0]!.name,
      p.problems[0]!.text,
      p.problems[0]!.unit ?? '',
    ];
    for (const f of fields) {
      expectHarmless(f, `register field ${JSON.stringify(f)}`);
      for (const word of VISIBLE) expect(f).toContain(word);
    }
    // The label in front of the payload is untouched.
    expect(p.name.startsWith('光伏组件项目')).toBe(true);
  });

  it('does the same for meeting records', () => {
    const meetings = loadMeetings(path.join(bad.dir, 'meetings'));
    expect(meetings).toHaveLength(2);
    const [first, second] = meetings as [(typeof meetings)[0], (typeof meetings)[0]];
    const item = first.items[0]!;
    const d = item.decisions[0]!;
    const fields = [
      first.meeting.title ?? '',
      first.meeting.chair ?? '',
      first.meeting.place ?? '',
      ...first.meeting.present,
      ...first.meeting.absent,
      ...first.meeting.attending,
      ...item.reasons,
      item.notes ?? '',
      d.text,
      d.unit,
      d.owner ?? '',
      second.followups[0]!.note ?? '',
    ];
    for (const f of fields) {
      expectHarmless(f, `meeting field ${JSON.stringify(f)}`);
      for (const word of VISIBLE) expect(f).toContain(word);
    }
  });

  it('loads text with raw escape bytes in plain scalars as harmless text', () => {
    const file = path.join(root, 'raw.yaml');
    const raw = registerYaml(clean)
      .replace('title: "测试台账"', 'title: 测试台账\u001b[31m红字\u001b[0m\u0007尾')
      .replace('name: "光伏组件项目"', 'name: 光伏组件项目\u001b]0;伪造标题\u0007\u202e反转');
    expect(raw).toContain('\u001b]0;');
    fs.writeFileSync(file, raw);
    const { register } = loadRegister(file);
    expectHarmless(register.meta.title, 'raw title');
    expectHarmless(register.projects[0]!.name, 'raw name');
    expect(register.meta.title).toContain('红字');
    expect(register.projects[0]!.name).toContain('反转');
  });
});

// ---- the scripted commands, every format ------------------------------------------------------

describe('scripted commands print hostile text harmlessly', () => {
  it('check, as text and JSON', async () => {
    const meetings = 'meetings';
    expectHarmlessResult(await runCheck({ register: 'register.yaml', meetings }, bad.ctx), 'check');
    expectHarmlessResult(
      await runCheck({ register: 'register.yaml', meetings, json: true }, bad.ctx),
      'check --json',
      {
        json: true,
      },
    );
  });

  it('lagging, as text and JSON', async () => {
    const meetings = 'meetings';
    expectHarmlessResult(await runLagging({ register: 'register.yaml', meetings }, bad.ctx), 'lagging');
    expectHarmlessResult(
      await runLagging({ register: 'register.yaml', meetings, json: true }, bad.ctx),
      'lagging --json',
      { json: true },
    );
  });

  it('items, as text and JSON, with project names from the register', async () => {
    const base = { meetings: 'meetings', register: 'register.yaml', date: '2021-10-15' };
    expectHarmlessResult(await runItems({ ...base }, bad.ctx), 'items');
    expectHarmlessResult(await runItems({ ...base, json: true }, bad.ctx), 'items --json', { json: true });
  });

  for (const format of ['md', 'txt', 'json'] as const) {
    it(`minutes --format ${format}`, async () => {
      const r = await runMinutes({ meeting: 'meetings/2021-09-27-周调度.yaml', format }, bad.ctx);
      expectHarmlessResult(r, `minutes ${format}`, { json: format === 'json' });
    });

    it(`bulletin --format ${format}`, async () => {
      const r = await runBulletin({ register: 'register.yaml', meetings: 'meetings', format }, bad.ctx);
      expectHarmlessResult(r, `bulletin ${format}`, { json: format === 'json' });
    });
  }

  it('minutes and bulletin in Word, and the bulletin in Excel: no control characters in any XML part', async () => {
    const outputs: [string, Promise<CommandResult>][] = [
      [
        'minutes.docx',
        runMinutes({ meeting: 'meetings/2021-09-27-周调度.yaml', out: 'minutes.docx', force: true }, bad.ctx),
      ],
      [
        'bulletin.docx',
        runBulletin(
          { register: 'register.yaml', meetings: 'meetings', out: 'bulletin.docx', force: true },
          bad.ctx,
        ),
      ],
      [
        'bulletin.xlsx',
        runBulletin(
          { register: 'register.yaml', meetings: 'meetings', out: 'bulletin.xlsx', force: true },
          bad.ctx,
        ),
      ],
    ];
    for (const [name, pending] of outputs) {
      const r = await pending;
      expectOk(r, name);
      expectHarmless(r.stderr, `${name} stderr`);
      const parts = await officeXml(path.join(bad.dir, name));
      const all = Object.values(parts).join('\n');
      for (const [part, xml] of Object.entries(parts)) expectHarmless(xml, `${name} ${part}`);
      // The names are in the file, as text.
      expect(all, name).toContain('红字');
      expect(all, name).toContain('尾');
    }
  });

  it('the clean twin prints the same words (the check above is not vacuous)', async () => {
    const r = await runBulletin({ register: 'register.yaml', meetings: 'meetings', format: 'md' }, good.ctx);
    expectOk(r, 'clean bulletin');
    expect(r.stdout).toContain('光伏组件项目');
    expect(r.stdout).not.toContain('红字');
    // The hostile bulletin differs only by the payload's visible words.
    const h = await runBulletin({ register: 'register.yaml', meetings: 'meetings', format: 'md' }, bad.ctx);
    const stripped = h.stdout.replace(/红字|反转|链接|尾/g, '').replace(/ +/g, ' ');
    expect(stripped.split('\n').length).toBe(r.stdout.split('\n').length);
  });
});
