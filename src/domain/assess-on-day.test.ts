import { describe, expect, it } from 'vitest';
import { assessOnDay } from './assess-on-day.js';
import type { Meeting } from './types.js';
import { closedMeeting, itemOf, makeRegister, testProject } from '../../test/support/registers.js';

// Green on its figures (plan 1000, done 1000): only a decision can make it red.
const register = makeRegister([testProject()], { asOf: '2021-09-30' });

const meeting = (date: string, id: string, due: string): Meeting =>
  closedMeeting(date, [itemOf('P-1', [{ id, text: '协调落实项目用地指标', unit: '区自然资源局', due }])]);

const light = (r: ReturnType<typeof assessOnDay>): string | undefined => r.assessment.statuses[0]?.light;

describe('assessOnDay', () => {
  it('without meetings: no ledger, decisions do not count', () => {
    const r = assessOnDay(register, '2021-09-30', undefined);
    expect(r.meetings).toBeUndefined();
    expect(r.ledger).toBeUndefined();
    expect(light(r)).toBe('绿');
  });

  it('counts a decision overdue on the day (due before it)', () => {
    const r = assessOnDay(register, '2021-09-30', [meeting('2021-09-10', 'A', '2021-09-20')]);
    expect(light(r)).toBe('红');
    expect(r.ledger?.map((e) => e.state)).toEqual(['overdue']);
  });

  it('leaves out meetings held after the day, even with a time limit before it', () => {
    const later = meeting('2021-10-08', 'B', '2021-09-28');
    const r = assessOnDay(register, '2021-09-30', [later]);
    expect(r.meetings).toEqual([]);
    expect(r.ledger).toEqual([]);
    expect(light(r)).toBe('绿');
  });

  it('judges decisions on the day given, not on as_of (the state at an earlier meeting)', () => {
    const held = [meeting('2021-09-10', 'A', '2021-09-20')];
    expect(light(assessOnDay(register, '2021-09-20', held))).toBe('绿'); // due that day: not late yet
    expect(light(assessOnDay(register, '2021-09-21', held))).toBe('红');
  });
});
