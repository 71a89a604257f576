import { ASSESSMENT_FORMATS } from '../option-values.js';
import type { AssessOptions } from '../assess.js';
import { commandFor, optionsOf, resultOf } from '../spec.js';
import {
  documentFormat,
  documentFormatOption,
  forceOption,
  ISSUE_DATE,
  JSON_DOCUMENT,
  meetingsOption,
  outOption,
  SCRIPT,
} from './shared.js';

export const assess = commandFor<AssessOptions, 'json'>()({
  name: 'assess',
  summary: '季考核：各责任单位得分、排名和计算依据（Markdown、纯文本、JSON、Word、Excel）',
  brief: '季考核',
  description: `季考核：按季度末的台账给各责任单位打分、排名。考核项目和默认权重：投资完成40分（完成率 ÷ 序时进度，
达到序时进度得满分）、开复工率20分、新开工率20分、议定事项按时落实率20分（完成时限在本季度内的到期
事项）；逾期未落实的议定事项、逾期未解决的问题、红灯项目每项（个）扣1分，最多扣20分。每个得分都列出
计算所用的数字。权重和扣分可用 --rules 给出的 YAML 文件修改（见 docs/assessment.md）。`,
  positional: {
    label: '<台账>',
    missing: '台账文件',
    help: '台账 YAML 文件或文件夹；数据截至日期须在所考核的季度内',
    key: 'register',
  },
  options: [
    { name: 'quarter', value: '<YYYYQn>', help: '考核季度，如 2021Q3；默认为台账数据截至日期所在的季度' },
    meetingsOption('会议记录文件夹（不给时议定事项一项不计分、不扣分）'),
    { name: 'rules', value: '<文件>', help: '考核规则 YAML 文件（权重和扣分）；不给时用默认规则' },
    ISSUE_DATE,
    documentFormatOption(ASSESSMENT_FORMATS),
    JSON_DOCUMENT,
    outOption('<文件>', '写入文件（docx、xlsx 必须给出）；文件已存在时不覆盖'),
    forceOption(),
    SCRIPT,
  ],
  examples: [
    'diaodu assess seeds/pinglu-2021.yaml --quarter 2021Q3 --meetings meetings --format txt',
    'diaodu assess seeds/pinglu-2021.yaml --quarter 2021Q3 --meetings meetings --out 季考核.docx',
    'diaodu assess seeds/pinglu-2021.yaml --rules 考核规则.yaml --out 季考核.xlsx',
  ],
  programExample:
    'diaodu assess seeds/pinglu-2021.yaml --quarter 2021Q3 --meetings meetings --out 季考核.docx',
  async run(values, env) {
    documentFormat('assess', values);
    const { runAssess } = await import('../assess.js');
    return resultOf(await runAssess(optionsOf(values), env));
  },
});
