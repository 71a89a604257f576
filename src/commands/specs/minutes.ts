import { MINUTES_FORMATS } from '../option-values.js';
import type { MinutesOptions } from '../minutes.js';
import { commandFor, optionsOf, resultOf } from '../spec.js';
import {
  documentFormat,
  documentFormatOption,
  forceOption,
  JSON_DOCUMENT,
  meetingsOption,
  outOption,
  SCRIPT,
} from './shared.js';

export const minutes = commandFor<MinutesOptions, 'json'>()({
  name: 'minutes',
  summary: '生成周调度会议纪要（Markdown、纯文本、JSON、Word）',
  brief: '周调度会议纪要',
  description: `生成周调度会议纪要：总体进展、上次会议议定事项落实情况、滞后项目及议定事项、下步工作要求，
以及出席、请假、列席。台账取会议记录中的 register（相对于会议记录文件）；前期议定事项取
会议记录所在文件夹中的其他会议。`,
  positional: {
    label: '<会议记录.yaml>',
    listLabel: '<会议记录>',
    missing: '会议记录文件',
    help: '一次会议的记录文件',
    key: 'meeting',
  },
  options: [
    documentFormatOption(MINUTES_FORMATS),
    JSON_DOCUMENT,
    outOption('<文件>', '写入文件（docx 必须给出）；文件已存在时不覆盖'),
    forceOption(),
    { name: 'register', value: '<台账>', help: '改用指定台账' },
    meetingsOption('改用指定的会议记录文件夹'),
    { name: 'times', help: '在各项目标题后注明会上研究用时（会议记录中的 seconds）' },
    SCRIPT,
  ],
  examples: [
    'diaodu minutes meetings/2021-09-27-周调度.yaml',
    'diaodu minutes meetings/2021-09-27-周调度.yaml --format txt',
    'diaodu minutes meetings/2021-09-27-周调度.yaml --out 纪要.docx',
  ],
  programExample: 'diaodu minutes meetings/2021-09-27-周调度.yaml --out 纪要.docx',
  async run(values, env) {
    documentFormat('minutes', values);
    const { runMinutes } = await import('../minutes.js');
    return resultOf(await runMinutes(optionsOf(values), env));
  },
});
