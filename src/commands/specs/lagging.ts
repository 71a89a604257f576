import type { LaggingOptions } from '../lagging.js';
import { commandFor, optionsOf, resultOf } from '../spec.js';
import { FORMAT_SCREEN, JSON_SCREEN, meetingsOption, screenFormat, SCRIPT } from './shared.js';

export const lagging = commandFor<LaggingOptions, 'format'>()({
  name: 'lagging',
  summary: '滞后项目（红灯、黄灯），最严重的在前，附滞后原因',
  brief: '滞后项目',
  description: '列出滞后项目（红灯、黄灯），最严重的在前，每个项目附滞后原因。',
  positional: { label: '<台账>', missing: '台账文件', help: '台账 YAML 文件或文件夹', key: 'register' },
  options: [
    meetingsOption('会议记录文件夹（逾期未落实的议定事项计入红灯）'),
    JSON_SCREEN,
    FORMAT_SCREEN,
    SCRIPT,
  ],
  examples: ['diaodu lagging seeds/pinglu-2021.yaml --meetings meetings --json'],
  programExample: 'diaodu lagging seeds/pinglu-2021.yaml --meetings meetings',
  async run(values, env) {
    screenFormat('lagging', values);
    const { runLagging } = await import('../lagging.js');
    return resultOf(await runLagging(optionsOf(values), env));
  },
});
