import { describe, expect, it } from 'vitest';
import {
  canonicalEnum,
  normalizeEnumText,
  normalizeFollowupStatus,
  normalizeLight,
  normalizeMeetingKind,
  normalizeMoneyUnit,
  normalizeNature,
  normalizeStage,
  STAGES,
} from '../../src/domain/normalize.js';
import { DiagnosticSink } from '../../src/store/yaml/diagnostics.js';
import { decodeYamlBytes } from '../../src/store/yaml/file.js';
import { cleanText, editDistance, suggestKey } from '../../src/store/yaml/text.js';
import { readDateText, scaleNumber, shiftDecimal } from '../../src/domain/values.js';
import { expectAt, inputErrors } from './helpers.js';

describe('normalize: traditional and variant enum spellings', () => {
  it('maps each traditional spelling to the simplified value', () => {
    expect(normalizeNature('續建')).toBe('续建');
    expect(normalizeNature('新建')).toBe('新建');
    expect(normalizeNature('前期')).toBe('前期');
    expect(normalizeStage('投產')).toBe('投产');
    expect(['竣工', '停工', '在建', '前期'].map(normalizeStage)).toEqual(['竣工', '停工', '在建', '前期']);
    expect(normalizeFollowupStatus('已落實')).toBe('已落实');
    expect(normalizeFollowupStatus('推進中')).toBe('推进中');
    expect(normalizeFollowupStatus('撤銷')).toBe('撤销');
    expect(normalizeFollowupStatus('撤消')).toBe('撤销');
    expect(normalizeMeetingKind('周調度')).toBe('周调度');
    expect(normalizeMeetingKind('週調度')).toBe('周调度');
    expect(normalizeMeetingKind('月調度')).toBe('月调度');
    expect(normalizeMeetingKind('專題')).toBe('专题');
    expect(['紅', '黃', '綠', '红灯', '綠燈'].map(normalizeLight)).toEqual(['红', '黄', '绿', '红', '绿']);
    expect(normalizeMoneyUnit('萬元')).toBe('万元');
    expect(normalizeMoneyUnit('億元')).toBe('亿元');
    expect(normalizeMoneyUnit('亿')).toBe('亿元');
  });

  it('drops spaces, including the ideographic space, and rejects what is not a value', () => {
    expect(normalizeStage(' 在\u3000建 ')).toBe('在建');
    expect(normalizeStage('在建中')).toBeUndefined();
    expect(normalizeNature('续')).toBeUndefined();
    expect(normalizeEnumText('在建中')).toBe('在建中');
    expect(canonicalEnum('停工', STAGES)).toBe('停工');
  });
});

describe('dates', () => {
  it('accepts real days only, leap years included', () => {
    expect(readDateText('2020-02-29')).toEqual({ ok: true, date: '2020-02-29', loose: false });
    expect(readDateText('2000-02-29')).toMatchObject({ ok: true });
    expect(readDateText('1900-02-29')).toMatchObject({
      ok: false,
      message: expect.stringContaining('1900年2月只有28天'),
    });
    expect(readDateText('2021-02-30')).toMatchObject({
      ok: false,
      message: expect.stringContaining('2021年2月只有28天'),
    });
    expect(readDateText('2021-04-31')).toMatchObject({
      ok: false,
      message: expect.stringContaining('只有30天'),
    });
    expect(readDateText('2021-00-10')).toMatchObject({
      ok: false,
      message: expect.stringContaining('月份 0'),
    });
    expect(readDateText('2021-01-00')).toMatchObject({ ok: false });
  });

  it('reads unambiguous other spellings as loose', () => {
    expect(readDateText('2021/3/1')).toEqual({ ok: true, date: '2021-03-01', loose: true });
    expect(readDateText('2021.12.31')).toEqual({ ok: true, date: '2021-12-31', loose: true });
    expect(readDateText('2021年3月1日')).toEqual({ ok: true, date: '2021-03-01', loose: true });
    expect(readDateText('２０２１-０３-０１')).toEqual({ ok: true, date: '2021-03-01', loose: false });
  });

  it('refuses mixed separators, times and other text', () => {
    for (const t of ['2021-3/1', '2021-03-01T00:00', '21-03-01', '下月底', '2021-03', '']) {
      expect(readDateText(t).ok).toBe(false);
    }
  });
});

describe('decimal scaling', () => {
  it('moves the decimal point exactly', () => {
    expect(shiftDecimal('', '2', '77', 4)).toBe(27700);
    expect(shiftDecimal('', '1200', '', -4)).toBe(0.12);
    expect(shiftDecimal('', '3000000', '', -4)).toBe(300);
    expect(shiftDecimal('', '0', '0001', 4)).toBe(1);
    expect(shiftDecimal('-', '1', '5', 0)).toBe(-1.5);
  });

  it('scales JS numbers through their decimal form (0.57 × 10⁴ is 5700, not 5699.999999999999)', () => {
    expect(0.57 * 10000).not.toBe(5700);
    expect(scaleNumber(0.57, 4)).toBe(5700);
    expect(scaleNumber(1.005, 4)).toBe(10050);
    expect(0.0029 * 10000).not.toBe(29);
    expect(scaleNumber(0.0029, 4)).toBe(29);
    expect(scaleNumber(2.77, 4)).toBe(27700);
    expect(scaleNumber(12000, -4)).toBe(1.2);
    expect(scaleNumber(5, 0)).toBe(5);
    expect(scaleNumber(1e21, 4)).toBe(1e25);
  });
});

describe('key hints', () => {
  const spec = {
    total_investment: '总投资',
    annual_plan: '年度计划投资',
    unit: '责任单位',
    owner: '建设单位/项目业主',
  };
  it('suggests by spelling, by case and separators, by Chinese name, or not at all', () => {
    expect(suggestKey('totl_investment', spec)).toBe('total_investment');
    expect(suggestKey('Total-Investment', spec)).toBe('total_investment');
    expect(suggestKey('annaul_plan', spec)).toBe('annual_plan');
    expect(suggestKey('责任单位', spec)).toBe('unit');
    expect(suggestKey('项目业主', spec)).toBe('owner');
    expect(suggestKey('colour', spec)).toBeUndefined();
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('chiar', 'chair')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('text and bytes', () => {
  it('cleanText leaves ordinary text alone and sanitizes the rest', () => {
    const s = '平鲁区 project 1';
    expect(cleanText(s)).toBe(s);
    expect(cleanText('a\u001b[2Jb')).toBe('ab');
    expect(cleanText('a\nb')).toBe('a b');
    expect(cleanText('a\nb', true)).toBe('a\nb');
    expect(cleanText('a\u202eb')).toBe('a\ufffdb');
  });

  it('decodeYamlBytes drops a BOM and names the first bad byte', () => {
    expect(decodeYamlBytes(Buffer.from('\ufeffa: 1\n'), 'f.yaml')).toBe('a: 1\n');
    const ds = inputErrors(() => decodeYamlBytes(Buffer.from([0x61, 0x0a, 0x62, 0xe4, 0xb8]), 'f.yaml'));
    expectAt(ds, 2, 2, '第 4 字节');
    // overlong encoding of "/" and a UTF-16 surrogate encoded in UTF-8 are invalid too
    expectAt(
      inputErrors(() => decodeYamlBytes(Buffer.from([0x61, 0xc0, 0xaf]), 'f.yaml')),
      1,
      2,
      '第 2 字节',
    );
    expectAt(
      inputErrors(() => decodeYamlBytes(Buffer.from([0xed, 0xa0, 0x80]), 'f.yaml')),
      1,
      1,
      '第 1 字节',
    );
  });
});

describe('DiagnosticSink', () => {
  it('sorts by file order, then line, then column', () => {
    const sink = new DiagnosticSink();
    sink.beginFile('a.yaml');
    sink.beginFile('b.yaml');
    sink.error('b.yaml', 1, 1, 'b1');
    sink.error('a.yaml', 9, 2, 'a9');
    sink.error('a.yaml', 3, 7, 'a3-7');
    sink.error('a.yaml', 3, 2, 'a3-2');
    const e = inputErrors(() => sink.throwIfErrors());
    expect(e.map((d) => d.message)).toEqual(['a3-2', 'a3-7', 'a9', 'b1']);
  });

  it('does not throw without errors; warnings alone are returned', () => {
    const sink = new DiagnosticSink();
    sink.warning('a.yaml', 2, 1, 'w');
    expect(() => sink.throwIfErrors()).not.toThrow();
    expect(sink.sortedWarnings()).toHaveLength(1);
  });
});
