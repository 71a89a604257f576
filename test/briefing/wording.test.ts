import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  decisionSentence,
  formatDate,
  formatMoney,
  formatMoneyAuto,
  formatMoneyNumber,
  formatMonthDay,
  formatPercent,
  formatYearMonth,
  issueLine,
  laggardSummary,
  progressComparison,
  roundTo,
  sectionLabel,
  sentence,
  subsectionLabel,
} from '../../src/briefing/wording.js';

describe('percentages', () => {
  it('prints one decimal, rounding half up', () => {
    expect(formatPercent(161 / 171)).toBe('94.2%'); // 平鲁: 171 projects, 161 started
    expect(formatPercent(0.74)).toBe('74.0%');
    expect(formatPercent(8 / 12)).toBe('66.7%');
    expect(formatPercent(0.9415)).toBe('94.2%'); // 94.15 is not 94.1 despite binary noise
    expect(formatPercent(0.00049)).toBe('0.0%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(1.234)).toBe('123.4%');
  });
  it('rounds away from zero', () => {
    expect(roundTo(-0.25, 1)).toBe(-0.3);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(Object.is(roundTo(-0.01, 1), 0)).toBe(true);
  });
});

describe('point gaps against time progress', () => {
  it('says ahead, behind or level', () => {
    expect(progressComparison(0.74, 8 / 12)).toBe('超序时进度7.3个百分点');
    expect(progressComparison(0.544, 8 / 12)).toBe('慢于序时进度12.3个百分点');
    expect(progressComparison(2 / 3, 8 / 12)).toBe('与序时进度持平');
  });
  it('uses the printed figures, so the gap matches their difference', () => {
    // 74.45% prints 74.5%, 66.67% prints 66.7%: the gap is 7.8, not 7.78 → 7.8 nor 7.7.
    expect(progressComparison(0.7445, 2 / 3)).toBe('超序时进度7.8个百分点');
    // 66.66% and 66.67% both print 66.7%: level, not "0.0个百分点".
    expect(progressComparison(0.6666, 2 / 3)).toBe('与序时进度持平');
  });
});

describe('money', () => {
  it('prints 亿元 with two decimals', () => {
    expect(formatMoney(27700, '亿元')).toBe('2.77亿元');
    expect(formatMoney(30000, '亿元')).toBe('3.00亿元');
    expect(formatMoney(12345, '亿元')).toBe('1.23亿元');
    expect(formatMoney(12350, '亿元')).toBe('1.24亿元');
  });
  it('prints 万元 with up to two decimals', () => {
    expect(formatMoney(28000, '万元')).toBe('28000万元');
    expect(formatMoney(1234.5, '万元')).toBe('1234.5万元');
    expect(formatMoney(0.125, '万元')).toBe('0.13万元');
    expect(formatMoney(0, '万元')).toBe('0万元');
    expect(formatMoneyNumber(100, '万元')).toBe('100');
  });
  it('prints a whole number of 万元 as two decimals with the zeros cut, whatever its size and sign', () => {
    // the whole-number shortcut must print what the general rule prints
    const whole = [
      0, -0, 1, -1, 7, 10, 100, -2500, 26212, 99999999, 999999999, -999999999, 1e9, 123456789012,
    ];
    for (const wan of whole) {
      const general = wan.toFixed(2).replace(/\.00$/, '');
      expect(formatMoneyNumber(wan, '万元'), String(wan)).toBe(general === '-0' ? '0' : general);
    }
    expect(formatMoneyNumber(26212.4, '万元')).toBe('26212.4');
    expect(formatMoneyNumber(-0.004, '万元')).toBe('0');
  });
  it('switches to 亿元 from one 亿 up in prose', () => {
    expect(formatMoneyAuto(9999)).toBe('9999万元');
    expect(formatMoneyAuto(10000)).toBe('1.00亿元');
    expect(formatMoneyAuto(456789)).toBe('45.68亿元');
  });
});

describe('dates', () => {
  it('has no leading zeros', () => {
    expect(formatDate('2024-09-04')).toBe('2024年9月4日');
    expect(formatDate('2021-11-15')).toBe('2021年11月15日');
    expect(formatMonthDay('2021-03-01')).toBe('3月1日');
    expect(formatYearMonth(2021, 9)).toBe('2021年9月');
  });
});

describe('Chinese numerals and labels', () => {
  it('counts as section numbers do', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(chineseNumeral).join('')).toBe('一二三四五六七八九十');
    expect(chineseNumeral(11)).toBe('十一');
    expect(chineseNumeral(20)).toBe('二十');
    expect(chineseNumeral(21)).toBe('二十一');
    expect(chineseNumeral(99)).toBe('九十九');
    expect(chineseNumeral(100)).toBe('一百');
    expect(chineseNumeral(105)).toBe('一百零五');
    expect(chineseNumeral(110)).toBe('一百一十');
    expect(chineseNumeral(1001)).toBe('一千零一');
  });
  it('labels sections and issues', () => {
    expect(sectionLabel(1)).toBe('一、');
    expect(sectionLabel(11)).toBe('十一、');
    expect(subsectionLabel(3)).toBe('（三）');
    expect(issueLine(38)).toBe('第38期');
  });
});

describe('sentences', () => {
  it('names lagging projects with the full count', () => {
    expect(
      laggardSummary(['海泰新能光伏高效组件项目', '50万吨矿产资源综合利用项目', '东露天煤矿技改项目']),
    ).toBe('海泰新能光伏高效组件项目、50万吨矿产资源综合利用项目、东露天煤矿技改项目等3个项目滞后');
    expect(laggardSummary(['甲项目', '乙项目', '丙项目'], 2)).toBe('甲项目、乙项目等3个项目滞后');
    expect(laggardSummary(['甲项目'])).toBe('甲项目进度滞后');
    expect(laggardSummary([])).toBe('无进度滞后项目');
  });
  it('writes a decision with its unit, owner and time limit', () => {
    expect(
      decisionSentence({ text: '协调落实项目用地指标。', unit: '区自然资源局', due: '2021-11-30' }),
    ).toBe('协调落实项目用地指标（责任单位：区自然资源局，完成时限：2021年11月30日）。');
    expect(
      decisionSentence({ text: '加快办理施工许可', unit: '区住建局', owner: '张三', due: '2021-12-05' }),
    ).toBe('加快办理施工许可（责任单位：区住建局，责任人：张三，完成时限：2021年12月5日）。');
  });
  it('ends a sentence once', () => {
    expect(sentence('设备已进场')).toBe('设备已进场。');
    expect(sentence('设备已进场；')).toBe('设备已进场。');
    expect(sentence('设备已进场。')).toBe('设备已进场。');
  });
});
