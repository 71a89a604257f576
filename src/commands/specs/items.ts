import type { ItemsOptions } from '../items.js';
import { commandFor, optionsOf, resultOf } from '../spec.js';
import {
  FORMAT_SCREEN,
  JSON_SCREEN,
  meetingsOption,
  REGISTER_FOR_NAMES,
  screenFormat,
  SCRIPT,
} from './shared.js';

export const items = commandFor<ItemsOptions, 'format'>()({
  name: 'items',
  summary: '督办台账：议定事项及落实状态，逾期的在前（默认按今天，可用 --date 指定日期）',
  brief: '督办台账',
  description: `督办台账：各次会议的议定事项，及其在某一天的落实状态，按逾期、推进中、已落实、撤销分组列出。
完成时限早于该日期而未落实的为逾期。不给 --date 时按今天判断（第一行写明所用日期）；
查看过去某一天（如上次会议当天、月底）的情况，请加 --date。`,
  options: [
    meetingsOption('会议记录文件夹（默认当前文件夹中的 meetings）'),
    { name: 'date', value: '<YYYY-MM-DD>', help: '按该日期判断状态（默认今天）' },
    { name: 'unit', value: '<责任单位>', help: '只看该责任单位的事项' },
    { name: 'project', value: '<项目编号>', help: '只看该项目的事项' },
    {
      name: 'state',
      value: '<状态>',
      multiple: true,
      help: '只看某种状态：已落实、推进中、逾期、撤销、未办结（可重复，或用逗号分隔）',
    },
    { name: 'overdue', help: '只看逾期事项（同 --state 逾期）' },
    REGISTER_FOR_NAMES,
    JSON_SCREEN,
    FORMAT_SCREEN,
    SCRIPT,
  ],
  examples: [
    'diaodu items --meetings meetings --date 2021-09-30',
    'diaodu items --meetings meetings --date 2021-09-30 --overdue',
    'diaodu items --meetings meetings --date 2021-09-30 --unit 区自然资源局 --state 推进中,逾期',
  ],
  programExample: 'diaodu items --meetings meetings --date 2021-09-30 --overdue',
  async run(values, env) {
    screenFormat('items', values);
    const { runItems } = await import('../items.js');
    return resultOf(await runItems(optionsOf(values), env));
  },
});
