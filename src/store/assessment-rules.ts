// The 季考核 rules file (docs/assessment.md): weights of the four items and deductions, in YAML, read
// with the register's positioned Chinese diagnostics. Keys left out keep the built-in defaults.
//
//   weights:            # 各项权重（分）
//     investment: 40    # 投资完成
//     start_rate: 20    # 开复工率
//     new_start_rate: 20
//     on_time: 20       # 议定事项按时落实
//   deductions:         # 扣分（每项/每个）
//     overdue_decision: 1
//     overdue_problem: 1
//     red_project: 1
//     max: 20           # 扣分上限；写 0 表示不扣分
import { DEFAULT_ASSESSMENT_RULES, type AssessmentRules } from '../domain/assessment.js';
import { isScalar } from './yaml-lib.js';
import { DiagnosticSink } from './yaml/diagnostics.js';
import { readYamlText } from './yaml/file.js';
import { parseYamlText } from './yaml/parse.js';
import { YamlSource } from './yaml/source.js';
import type { KeySpec } from '../domain/schema.js';

const TOP: KeySpec = { weights: '各项权重', deductions: '扣分' };
const WEIGHTS: KeySpec = {
  investment: '投资完成',
  start_rate: '开复工率',
  new_start_rate: '新开工率',
  on_time: '议定事项按时落实',
};
const DEDUCTIONS: KeySpec = {
  overdue_decision: '每项逾期未落实的议定事项扣分',
  overdue_problem: '每个逾期未解决的问题扣分',
  red_project: '每个红灯项目扣分',
  max: '扣分上限',
};

/** Reads a rules file; throws InputError (file:line:column, Chinese) when it is wrong. */
export function loadAssessmentRules(file: string): AssessmentRules {
  const sink = new DiagnosticSink();
  const text = readYamlText(file);
  const parsed = parseYamlText(text, file, sink);
  const rules: AssessmentRules = {
    weights: { ...DEFAULT_ASSESSMENT_RULES.weights },
    deductions: { ...DEFAULT_ASSESSMENT_RULES.deductions },
    maxDeduction: DEFAULT_ASSESSMENT_RULES.maxDeduction,
  };
  if (parsed) {
    const src = new YamlSource(parsed, sink);
    const root = src.root();
    const empty = root === null || (isScalar(root) && (root.value === null || root.value === ''));
    const top = empty ? undefined : src.fields(root, root, '考核规则文件', TOP);
    const weights = top?.has('weights')
      ? src.fields(top.node('weights'), top.valueAt('weights'), '“weights”', WEIGHTS)
      : undefined;
    if (weights) {
      const read = (key: string): number | undefined => weights.number(key, { noun: '分值', max: 1000 });
      rules.weights.investment = read('investment') ?? rules.weights.investment;
      rules.weights.startRate = read('start_rate') ?? rules.weights.startRate;
      rules.weights.newStartRate = read('new_start_rate') ?? rules.weights.newStartRate;
      rules.weights.onTime = read('on_time') ?? rules.weights.onTime;
      const sum = Object.values(rules.weights).reduce((n, v) => n + v, 0);
      if (sum <= 0 && !sink.hasErrors) {
        src.error(
          top?.valueAt('weights'),
          '各项权重之和应大于 0；默认为 投资完成40、开复工率20、新开工率20、议定事项按时落实20。',
        );
      }
    }
    const deductions = top?.has('deductions')
      ? src.fields(top.node('deductions'), top.valueAt('deductions'), '“deductions”', DEDUCTIONS)
      : undefined;
    if (deductions) {
      const read = (key: string): number | undefined => deductions.number(key, { noun: '分值', max: 100 });
      rules.deductions.overdueDecision = read('overdue_decision') ?? rules.deductions.overdueDecision;
      rules.deductions.overdueProblem = read('overdue_problem') ?? rules.deductions.overdueProblem;
      rules.deductions.redProject = read('red_project') ?? rules.deductions.redProject;
      if (deductions.has('max')) {
        const max = deductions.node('max');
        if (isScalar(max) && typeof max.value === 'string' && /^(none|无|不限)$/.test(max.value.trim()))
          rules.maxDeduction = null;
        else rules.maxDeduction = deductions.number('max', { noun: '分值', max: 1000 }) ?? rules.maxDeduction;
      }
    }
  }
  sink.throwIfErrors();
  return rules;
}
