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
import type { CommandResult } from '../../src/commands/context.js';
import { runItems } from '../../src/commands/items.js';
import { runLagging } from '../../src/commands/lagging.js';
import { runMinutes } from '../../src/commands/minutes.js';
import { loadRegister } from '../../src/store/register-file.js';
import { loadMeetings } from '../../src/store/meeting-read.js';
import {
  VISIBLE,
  clean,
  expectHarmless,
  hostile,
  registerYaml,
  writeFixture,
  type Fixture,
} from './hostile-fixture.js';

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
