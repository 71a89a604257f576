import { BULLETIN_FORMATS } from '../option-values.js';
import type { BulletinOptions } from '../bulletin.js';
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

export const bulletin = commandFor<BulletinOptions, 'json'>()({
  name: 'bulletin',
  summary: '生成月通报（Markdown、纯文本、JSON、Word、Excel）',
  brief: '月通报',
  description: `生成月通报：总体情况、各责任单位推进情况（排名表）、红黑榜、进度滞后项目、问题解决和议定事项
落实情况、下步工作要求，附件为全部项目进度表。通报的月份为台账数据截至日期（as_of）所在的月份。`,
  positional: { label: '<台账>', missing: '台账文件', help: '台账 YAML 文件或文件夹', key: 'register' },
  options: [
    meetingsOption('会议记录文件夹（统计议定事项落实情况，逾期未落实的议定事项计入红灯）'),
    { name: 'month', value: '<YYYY-MM>', help: '通报月份；须与台账数据截至日期所在月份一致，否则报错' },
    ISSUE_DATE,
    {
      name: 'previous',
      value: '<台账>',
      help: '上月台账快照，用于环比；默认台账旁 history/<台账名>-<上月>.yaml，没有时不作环比',
    },
    documentFormatOption(BULLETIN_FORMATS),
    JSON_DOCUMENT,
    outOption('<文件>', '写入文件（docx、xlsx 必须给出）；文件已存在时不覆盖'),
    forceOption(),
    SCRIPT,
  ],
  examples: [
    'diaodu bulletin seeds/pinglu-2021.yaml --meetings meetings --format txt',
    'diaodu bulletin seeds/pinglu-2021.yaml --meetings meetings --month 2021-09 --out 通报.docx',
    'diaodu bulletin seeds/pinglu-2021.yaml --meetings meetings --out 通报.xlsx',
  ],
  programExample: 'diaodu bulletin seeds/pinglu-2021.yaml --meetings meetings --out 通报.docx',
  async run(values, env) {
    documentFormat('bulletin', values);
    const { runBulletin } = await import('../bulletin.js');
    return resultOf(await runBulletin(optionsOf(values), env));
  },
});
