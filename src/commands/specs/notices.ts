import type { NoticesOptions } from '../notices.js';
import { commandFor, optionsOf, resultOf } from '../spec.js';
import { forceOption, meetingsOption, outOption, SCRIPT } from './shared.js';

export const notices = commandFor<NoticesOptions>()({
  name: 'notices',
  summary: '督办通知单：每个责任单位一份（Word、Markdown），列出逾期和即将到期的事项',
  brief: '督办通知单',
  usage: '--out <文件夹> [选项]',
  description: `督办通知单：每个责任单位一份，列出它逾期未落实的议定事项、7日内到期的议定事项（各附完成时限和议定
的会议）和台账中未解决的问题，主送该单位，落款为台账的发文机关和日期。每份写成 Word 和 Markdown 两个
文件，如 督办通知单-区能源局-2021-09-30.docx；文件夹中已有同名文件时一份也不写（加 --force 覆盖）。`,
  options: [
    outOption('<文件夹>', '写入的文件夹（必须给出；不存在时新建）'),
    meetingsOption('会议记录文件夹（默认当前文件夹中的 meetings）'),
    {
      name: 'date',
      value: '<YYYY-MM-DD>',
      help: '按该日期判断逾期和即将到期，也是落款日期（默认今天）',
    },
    { name: 'unit', value: '<责任单位>', help: '只写该责任单位的通知单' },
    {
      name: 'register',
      value: '<台账>',
      help: '从该台账取项目名称和问题（默认用会议记录中写明的台账）',
    },
    forceOption('覆盖已存在的文件'),
    SCRIPT,
  ],
  examples: [
    'diaodu notices --meetings meetings --date 2021-09-30 --out 督办通知单',
    'diaodu notices --meetings meetings --date 2021-09-30 --unit 区能源局 --out 督办通知单',
  ],
  programExample: 'diaodu notices --meetings meetings --date 2021-09-30 --out 督办通知单',
  async run(values, env) {
    const { runNotices } = await import('../notices.js');
    return resultOf(await runNotices(optionsOf(values), env));
  },
});
