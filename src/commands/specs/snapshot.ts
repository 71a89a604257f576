import type { SnapshotOptions } from '../snapshot.js';
import { commandFor, optionsOf, resultOf } from '../spec.js';
import { forceOption } from './shared.js';

export const snapshot = commandFor<SnapshotOptions>()({
  name: 'snapshot',
  summary: '把台账存为当月快照（台账旁的 history 文件夹），供下月通报作环比',
  brief: '台账存为当月快照',
  description: `把台账原样复制为数据截至月份的快照：台账旁 history 文件夹中的 <台账名>-YYYY-MM.yaml（台账是文件夹时
复制为 <文件夹名>-YYYY-MM 文件夹）。下月生成通报时自动读入上月快照作环比。台账本身不作任何改动；
台账有错误时不存快照。`,
  positional: { label: '<台账>', missing: '台账文件', help: '台账 YAML 文件或文件夹', key: 'register' },
  options: [forceOption('覆盖该月已有的快照（默认不覆盖）')],
  examples: ['diaodu snapshot seeds/pinglu-2021.yaml'],
  async run(values, env) {
    const { runSnapshot } = await import('../snapshot.js');
    return resultOf(await runSnapshot(optionsOf(values), env));
  },
});
