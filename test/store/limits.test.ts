// Hostile or broken input: every case ends in an InputError with a position, never a crash or a hang.
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMeetings } from '../../src/store/meeting-read.js';
import { loadRegister, parseRegisterText } from '../../src/store/register-file.js';
import { MAX_FILE_BYTES } from '../../src/store/yaml/file.js';
import { MAX_ALIAS_EXPANSION_CHARS } from '../../src/store/yaml/source.js';
import { expectAt, fixture, inputErrors } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'diaodu-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER =
  'register:\n  title: 台账\n  region: 平鲁区\n  year: 2021\n  as_of: 2021-10-31\nprojects: []\n';

describe('size limit', () => {
  it('refuses a 50 MB file before parsing it', () => {
    const file = join(tmp, 'huge.yaml');
    const fd = openSync(file, 'w');
    const chunk = Buffer.from('# 填充注释行 padding padding padding padding padding\n'.repeat(20000));
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    const ds = inputErrors(() => loadRegister(file));
    expect(ds).toHaveLength(1);
    expectAt(ds, 1, 1, '文件过大', '超过 20.0 MB 的上限');
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
  });

  it('refuses over-long text passed directly', () => {
    const text = HEADER + '#'.repeat(MAX_FILE_BYTES);
    expectAt(
      inputErrors(() => parseRegisterText(text, 'big.yaml')),
      1,
      1,
      '文本过长',
    );
  });
});

describe('binary and wrongly encoded files', () => {
  it('NUL bytes: binary data, at the position of the first one', () => {
    const file = join(tmp, 'nul.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('register:\n  title: ab'), Buffer.from([0, 1, 2, 0xff])]));
    // 0xff is invalid UTF-8 too, but binary data is the better diagnosis
    expectAt(
      inputErrors(() => loadRegister(file)),
      2,
      12,
      '二进制数据',
    );
    writeFileSync(file, Buffer.concat([Buffer.from('register:\n  title: 平ab'), Buffer.from([0xff, 0x20])]));
    expectAt(
      inputErrors(() => loadRegister(file)),
      2,
      13,
      '不是有效的 UTF-8',
      '第 25 字节',
    );
  });

  it('a PNG header is refused cleanly', () => {
    const file = join(tmp, 'image.yaml');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    // \x89 P N G \r \n \x1a \n then NUL: the NUL is on line 3
    expectAt(
      inputErrors(() => loadRegister(file)),
      3,
      1,
      '二进制数据',
    );
  });

  it('GBK text: not UTF-8, at the first bad byte, suggesting to save as UTF-8', () => {
    const file = join(tmp, 'gbk.yaml');
    // "title: " then 项目 in GBK (CF EE C4 BF): CF starts a 2-byte sequence, EE cannot continue it
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('register:\n  title: '), Buffer.from([0xcf, 0xee, 0xc4, 0xbf])]),
    );
    const ds = inputErrors(() => loadRegister(file));
    expectAt(ds, 2, 10, '不是有效的 UTF-8', 'GBK', `第 ${'register:\n  title: '.length + 1} 字节`);
  });

  it('UTF-16 with a BOM', () => {
    const file = join(tmp, 'utf16.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]));
    expectAt(
      inputErrors(() => loadRegister(file)),
      1,
      1,
      'UTF-16',
    );
  });

  it('NUL in text passed directly', () => {
    expectAt(
      inputErrors(() => parseRegisterText('register:\n  ti\u0000tle: x\n', 'x.yaml')),
      2,
      5,
      '二进制数据',
    );
  });
});

describe('aliases', () => {
  it('a billion-laughs file is never expanded', () => {
    const ds = inputErrors(() => loadRegister(fixture('registers', 'alias-bomb.yaml')));
    expectAt(ds, 1, 1, '缺少必填的“register”');
    expectAt(ds, 7, 1, '未知的键“g”');
  });

  it('more than 100 expansions of a collection alias stop with one clean error', () => {
    const ds = inputErrors(() => loadRegister(fixture('registers', 'alias-bomb-projects.yaml')));
    const bomb = ds.filter((d) => d.message.includes('展开次数过多'));
    expect(bomb).toHaveLength(1);
    // the project mapping starts on line 8 and is aliased from line 17 on; the 101st alias is on line 117
    expectAt(ds, 117, 5, '展开次数过多', '超过 100 次');
    // errors inside aliased content are reported where the alias is used
    expectAt(ds, 17, 5, '项目编号“PL-001”重复：第 8 行已有');
  });

  it('an alias takes the last anchor of that name before it; one before its anchor is an error', () => {
    const rows = [
      '  - {id: P1, name: n, nature: 新建, stage: 前期, unit: &u 区发改局, total_investment: 1, annual_plan: 1, completed_year: 0}',
      '  - {id: P2, name: n, nature: 新建, stage: 前期, unit: *u, total_investment: 1, annual_plan: 1, completed_year: 0}',
      '  - {id: P3, name: n, nature: 新建, stage: 前期, unit: &u 区住建局, total_investment: 1, annual_plan: 1, completed_year: 0}',
      '  - {id: P4, name: n, nature: 新建, stage: 前期, unit: *u, total_investment: 1, annual_plan: 1, completed_year: 0}',
    ];
    const text = HEADER.replace('projects: []\n', 'projects:\n') + rows.join('\n') + '\n';
    const { register } = parseRegisterText(text, 'a.yaml');
    expect(register.projects.map((p) => p.unit)).toEqual(['区发改局', '区发改局', '区住建局', '区住建局']);
    const early = HEADER.replace('title: 台账', 'title: *t').replace('region: 平鲁区', 'region: &t 平鲁区');
    expectAt(
      inputErrors(() => parseRegisterText(early, 'a.yaml')),
      2,
      10,
      '别名 *t',
      '锚点必须写在别名之前',
    );
  });

  it('a long text repeated by aliases stops at the expansion cap with one clean error', () => {
    // issue 9: a 1,000,000-character name reused 200 times took 22 s, 1.4 GB and a 573 MB cache entry
    const long = '项'.repeat(100_000);
    const row = (i: number, name: string) =>
      `  - {id: P${i}, name: ${name}, nature: 新建, stage: 前期, unit: 区发改局, total_investment: 1, annual_plan: 1, completed_year: 0}`;
    const uses = Math.ceil(MAX_ALIAS_EXPANSION_CHARS / long.length) + 5;
    const rows = [row(0, `&n ${long}`), ...Array.from({ length: uses }, (_, i) => row(i + 1, '*n'))];
    const text = HEADER.replace('projects: []\n', 'projects:\n') + rows.join('\n') + '\n';
    const ds = inputErrors(() => parseRegisterText(text, 'a.yaml'));
    expect(ds).toHaveLength(1);
    // the alias that passes the cap: the 20th use (a scalar's source runs a little past its 100,000
    // characters), on line 28
    expectAt(ds, 28, 21, '别名（*名称）重复的文字共超过 2,000,000 个字符的上限');
    // under the cap it loads
    const fewer = HEADER.replace('projects: []\n', 'projects:\n') + rows.slice(0, 20).join('\n') + '\n';
    const { register } = parseRegisterText(fewer, 'a.yaml');
    expect(register.projects).toHaveLength(20);
    expect(register.projects[19]!.name).toHaveLength(100_000);
  });

  it('scalar aliases are fine, however many', () => {
    const projects = Array.from(
      { length: 150 },
      (_, i) =>
        `  - {id: P${i}, name: n, nature: 新建, stage: 前期, unit: *u, total_investment: 1, annual_plan: 1, completed_year: 0}`,
    );
    const text = HEADER.replace('projects: []\n', 'projects:\n') + projects.join('\n') + '\n';
    const withAnchor = text.replace('unit: *u', 'unit: &u 区发改局');
    const { register } = parseRegisterText(withAnchor, 'a.yaml');
    expect(register.projects).toHaveLength(150);
    expect(register.projects.every((p) => p.unit === '区发改局')).toBe(true);
  });
});

describe('nesting and error floods', () => {
  it('very deep flow nesting gives a clean error', () => {
    const text = `register: ${'['.repeat(200000)}${']'.repeat(200000)}\nprojects: []\n`;
    const ds = inputErrors(() => parseRegisterText(text, 'deep.yaml'));
    expectAt(ds, 1, 1, '嵌套层次过深');
    const maps = `register: ${'{a: '.repeat(50000)}1${'}'.repeat(50000)}\n`;
    expectAt(
      inputErrors(() => parseRegisterText(maps, 'deep.yaml')),
      1,
      1,
      '嵌套层次过深',
    );
  });

  it('moderately deep nesting in a wrong place is a type error', () => {
    const text = HEADER.replace('title: 台账', `title: ${'['.repeat(300)}${']'.repeat(300)}`);
    expectAt(
      inputErrors(() => parseRegisterText(text, 'x.yaml')),
      2,
      10,
      '“title” 的值应为文字，实际是列表',
    );
  });

  it('lists at most 200 errors per file and says how many were left out', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `  - {id: P${i}, name: n}`);
    const text = HEADER.replace('projects: []\n', 'projects:\n') + rows.join('\n') + '\n';
    const ds = inputErrors(() => parseRegisterText(text, 'many.yaml'));
    expect(ds).toHaveLength(201);
    // 300 projects × 6 missing fields = 1800 errors, 200 listed
    expect(ds[200]!.message).toBe('另有 1600 条错误未列出（每个文件最多列出 200 条）。');
  });

  it('a meetings folder holding a binary file fails cleanly', () => {
    const dir = join(tmp, 'meetings-bin');
    mkdirSync(dir);
    writeFileSync(join(dir, '2021-11-08.yaml'), Buffer.from([0, 0, 0, 0]));
    expectAt(
      inputErrors(() => loadMeetings(dir)),
      1,
      1,
      '二进制数据',
    );
  });
});
