import { describe, expect, it } from 'vitest';
import {
  fromFullwidth,
  fullDateParts,
  halfWidth,
  isoDateOf,
  parseNumberText,
  readDateText,
} from './values.js';

describe('number and date text, one parser for readers, forms and import', () => {
  it('turns full-width digits and signs into ASCII', () => {
    expect(fromFullwidth('１，２００．５')).toBe('1,200.5');
    expect(fromFullwidth('－３＋')).toBe('-3+');
    expect(fromFullwidth('１／２')).toBe('1／2'); // only digits and signs
    expect(halfWidth('２０２１／１１／３０')).toBe('2021/11/30');
    expect(halfWidth('＋７　天')).toBe('+7　天'); // the ideographic space stays
  });

  it('takes a date typed in full apart, and checks the day exists', () => {
    expect(fullDateParts('2021年11月30日')).toEqual({ year: 2021, month: 11, day: 30 });
    expect(fullDateParts('2021-11/30')).toEqual({ year: 2021, month: 11, day: 30 });
    expect(fullDateParts('11-30')).toBeUndefined();
    expect(isoDateOf(2021, 2, 29)).toBeUndefined();
    expect(isoDateOf(2020, 2, 29)).toBe('2020-02-29');
    expect(isoDateOf(2021, 13, 1)).toBeUndefined();
    expect(isoDateOf(2021, 4, 31)).toBeUndefined();
  });

  it('reads number text with its unit word', () => {
    expect(parseNumberText('１，２００万元')).toMatchObject({
      ok: true,
      int: '1200',
      unit: '万元',
      grouped: true,
    });
    expect(parseNumberText('12,00')).toEqual({ ok: false, reason: 'grouping' });
    expect(readDateText('2021.3.1')).toEqual({ ok: true, date: '2021-03-01', loose: true });
  });
});
