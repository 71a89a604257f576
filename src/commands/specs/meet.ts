import { appOn } from '../app-request.js';
import type { CommandSpec } from '../spec.js';
import { meetingsOption } from './shared.js';

export const meet: CommandSpec<'meet'> = {
  name: 'meet',
  summary: '打开交互界面，直接进入调度会记录',
  description: '打开交互界面并直接进入今天的调度会记录。需要在终端中运行。',
  positional: { label: '<台账>', missing: '台账文件', help: '台账 YAML 文件或文件夹', key: 'register' },
  options: [meetingsOption('会议记录文件夹')],
  examples: [],
  run(values, env) {
    const meetings = typeof values.meetings === 'string' ? values.meetings : undefined;
    return Promise.resolve(appOn(env.cwd, String(values.register), meetings, 'meeting'));
  },
};
