import type { CheckOptions } from '../check.js';
import { commandFor, optionsOf, resultOf } from '../spec.js';
import { FORMAT_SCREEN, JSON_SCREEN, meetingsOption, screenFormat, SCRIPT } from './shared.js';

export const check = commandFor<CheckOptions, 'format'>()({
  name: 'check',
  summary: '台账概况：项目数、开复工率、新开工率、完成率与序时进度、红黄绿灯、警告',
  brief: '台账概况',
  description: `按台账的数据截至日期（as_of）显示一屏概况：项目数，开复工率，新开工率，投资完成率与序时进度，
红黄绿灯个数，台账警告；给出 --meetings 时统计未办结和逾期的议定事项，并把逾期未落实的议定事项计入红灯。`,
  positional: {
    label: '<台账>',
    missing: '台账文件',
    help: '台账 YAML 文件，或存放多个台账文件的文件夹',
    key: 'register',
  },
  options: [meetingsOption('会议记录文件夹'), JSON_SCREEN, FORMAT_SCREEN, SCRIPT],
  examples: ['diaodu check seeds/pinglu-2021.yaml --meetings meetings'],
  programExample: 'diaodu check seeds/pinglu-2021.yaml --meetings meetings',
  async run(values, env) {
    screenFormat('check', values);
    const { runCheck } = await import('../check.js');
    return resultOf(await runCheck(optionsOf(values), env));
  },
});
