import { describe, expect, it } from 'vitest';
import {
  DECISION_SCHEMA,
  FOLLOWUP_SCHEMA,
  ITEM_SCHEMA,
  MEETING_FILE_SCHEMA,
  MEETING_HEADER_SCHEMA,
  PROJECT_SCHEMA,
  REGISTER_FILE_SCHEMA,
  field,
  keyOrder,
  keySpec,
  type RecordSchema,
} from './schema.js';
import { DATE_KEYS, FIELD_LABEL, MONEY_KEYS } from '../import/columns.js';

// The schema replaced key lists written out in five modules; these are the lists as they were
// (docs/formats.md#key-order and the labels people read in messages), so a change to the schema shows here.

describe('one schema per record', () => {
  it('gives the register readers their keys and Chinese names', () => {
    expect(keySpec(PROJECT_SCHEMA)).toEqual({
      id: '项目编号',
      name: '项目名称',
      nature: '建设性质',
      stage: '建设阶段',
      unit: '责任单位',
      leader: '包联领导',
      owner: '建设单位/项目业主/业主',
      area: '片区/园区',
      industry: '产业类别',
      content: '建设内容',
      total_investment: '总投资',
      annual_plan: '年度计划投资',
      completed_year: '年度累计完成投资/年度完成投资',
      completed_month: '本月完成投资',
      completed_total: '开工以来累计完成投资/累计完成投资',
      planned_start: '计划开工时间/计划开工',
      actual_start: '实际开工时间/实际开工/复工',
      planned_finish: '计划竣工时间/计划竣工/投产',
      actual_finish: '实际竣工时间/实际竣工',
      progress: '形象进度/本月进展',
      contact: '项目联系人/联系人',
      milestones: '节点计划',
      problems: '存在问题/问题清单',
    });
    expect(keySpec(REGISTER_FILE_SCHEMA)).toEqual({ register: '台账表头', projects: '项目列表' });
  });

  it('gives the meeting writer its key orders', () => {
    expect(keyOrder(MEETING_FILE_SCHEMA)).toEqual(['meeting', 'items', 'general', 'followups']);
    expect(keyOrder(MEETING_HEADER_SCHEMA)).toEqual([
      'date',
      'kind',
      'number',
      'title',
      'chair',
      'place',
      'present',
      'absent',
      'attending',
      'late',
      'register',
      'as_of',
      'snapshot',
      'closed',
    ]);
    expect(keyOrder(ITEM_SCHEMA)).toEqual([
      'project',
      'light',
      'reasons',
      'figures',
      'discussed',
      'status',
      'seconds',
      'notes',
      'decisions',
    ]);
    expect(keyOrder(DECISION_SCHEMA)).toEqual(['id', 'text', 'unit', 'co_units', 'owner', 'due']);
    expect(keyOrder(FOLLOWUP_SCHEMA)).toEqual(['decision', 'status', 'note', 'date', 'done_on']);
    expect(keySpec(DECISION_SCHEMA).text).toBe('内容/议定事项');
  });

  it('gives the Excel importer its column labels and the amount and date columns', () => {
    expect(FIELD_LABEL.owner).toBe('建设单位');
    expect(FIELD_LABEL.completed_total).toBe('开工以来累计完成投资');
    expect(FIELD_LABEL.problem_text).toBe('存在问题');
    expect(FIELD_LABEL.problem_unit).toBe('问题责任单位');
    expect(FIELD_LABEL.problem_due).toBe('解决时限');
    expect(MONEY_KEYS).toEqual([
      'total_investment',
      'annual_plan',
      'completed_year',
      'completed_month',
      'completed_total',
    ]);
    expect(DATE_KEYS).toEqual([
      'planned_start',
      'actual_start',
      'planned_finish',
      'actual_finish',
      'problem_due',
    ]);
  });

  it('names each field once per record and knows every enum’s values', () => {
    const all: RecordSchema[] = [
      PROJECT_SCHEMA,
      MEETING_HEADER_SCHEMA,
      ITEM_SCHEMA,
      DECISION_SCHEMA,
      FOLLOWUP_SCHEMA,
    ];
    for (const schema of all) {
      const keys = keyOrder(schema);
      expect(new Set(keys).size).toBe(keys.length);
      for (const x of schema.fields) if (x.type === 'enum') expect(x.values?.length).toBeGreaterThan(0);
    }
    expect(field(FOLLOWUP_SCHEMA, 'status').values).toEqual(['已落实', '推进中', '撤销']);
    expect(() => field(PROJECT_SCHEMA, 'colour')).toThrow();
  });
});
