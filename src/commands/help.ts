// The Chinese help of the program and of each command (diaodu --help, diaodu help <命令>,
// diaodu <命令> --help), generated from the command specs (specs.ts): what the parser takes is what
// the help lists.
import { HELP_OPTION, PROGRAM_OPTIONS } from './argv.js';
import type { CommandSpec, OptionSpec } from './spec.js';
import { COMMAND_SPECS, COMMANDS, isCommandName, type CommandName } from './specs.js';

export { COMMANDS, isCommandName, type CommandName };

/** The column where descriptions start in every list of the help. */
const COLUMN = 24;

/** Characters two columns wide on a terminal: CJK and full-width forms. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns of help text (the help's own words: no emoji, no combining marks). */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** `  label        description`, continued lines under the description. */
function row(label: string, help: string | readonly string[]): string {
  const [first = '', ...rest] = typeof help === 'string' ? [help] : help;
  const head = `  ${label}`;
  const lines = [`${head}${' '.repeat(Math.max(2, COLUMN - width(head)))}${first}`];
  for (const line of rest) lines.push(`${' '.repeat(COLUMN)}${line}`);
  return lines.join('\n');
}

function optionLabel(o: OptionSpec): string {
  return `${o.short !== undefined ? `-${o.short}, ` : ''}--${o.name}${o.value !== undefined ? ` ${o.value}` : ''}`;
}

function commandHelp(spec: CommandSpec): string {
  const usage = spec.usage ?? `${spec.positional ? `${spec.positional.label} ` : ''}[选项]`;
  const sections = [`用法：diaodu ${spec.name} ${usage}`, spec.description];
  if (spec.positional) sections.push(`参数：\n${row(spec.positional.label, spec.positional.help)}`);
  // what the parser takes (argv.ts commandOptions), -h/--help listed last
  const options = [...spec.options, HELP_OPTION];
  sections.push(`选项：\n${options.map((o) => row(optionLabel(o), o.help)).join('\n')}`);
  if (spec.examples.length > 0) sections.push(`示例：\n${spec.examples.map((e) => `  ${e}`).join('\n')}`);
  return `${sections.join('\n\n')}\n`;
}

/** `check <台账>`: a command with its argument as the program's lists show it. */
function listed(spec: CommandSpec): string {
  const arg = spec.positional?.listLabel ?? spec.positional?.label;
  return arg !== undefined ? `${spec.name} ${arg}` : spec.name;
}

/** The order of the commands in the program help: the daily ones first. */
const LISTED_ORDER: readonly CommandName[] = [
  'check',
  'lagging',
  'items',
  'minutes',
  'bulletin',
  'assess',
  'notices',
  'import',
  'meet',
  'snapshot',
];

const listedSpecs = (): CommandSpec[] =>
  LISTED_ORDER.map((name) => COMMAND_SPECS.find((s) => s.name === name)!);

export const COMMAND_HELP = Object.fromEntries(
  COMMAND_SPECS.map((spec) => [spec.name, commandHelp(spec)]),
) as Record<CommandName, string>;

export const PROGRAM_HELP = `diaodu（调度）——重点项目周调度会的终端工具

用法：
  diaodu [台账.yaml] [--meetings 文件夹]       打开交互界面（不给台账时打开自带的平鲁区示例）
  diaodu meet <台账.yaml> [--meetings 文件夹]  直接进入调度会记录
  diaodu <命令> [参数] [选项]                  脚本命令，不打开界面

命令：
${[...listedSpecs().map((s) => row(listed(s), s.summary)), row('help [命令]', '显示帮助，如 diaodu help bulletin')].join('\n')}

示例（在 diaodu 文件夹中，用自带的平鲁区示例台账和会议记录）：
${listedSpecs()
  .flatMap((s) => (s.programExample !== undefined ? [`  ${s.programExample}`] : []))
  .join('\n')}

通用选项：
${PROGRAM_OPTIONS.filter((o) => o.short !== undefined)
  .map((o) => row(optionLabel(o), o.name === 'help' ? '显示帮助' : o.help))
  .join('\n')}

退出码：0 成功；2 输入或用法有误（说明写在标准错误输出）；1 程序内部错误。
设置环境变量 DIAODU_DEBUG=1 可在内部错误时显示调用栈。
`;

/**
 * The scripted commands in a few words each, for where the app cannot open (no terminal): they are
 * what can be run there.
 */
export function scriptedCommandsText(): string {
  const scripted = listedSpecs().filter((s) => s.brief !== undefined);
  const labels = scripted.map((s) => `diaodu ${listed(s)}`);
  const column = Math.max(...labels.map(width)) + 2;
  return scripted
    .map((s, i) => `  ${labels[i]}${' '.repeat(column - width(labels[i]!))}${s.brief}\n`)
    .join('');
}
