// Every command of the program, one spec each (what a spec says: spec.ts). The parser, the
// dispatch and every help text are generated from this table, as the key help is from
// ui/key-bindings.ts. One module, not one a command: each scripted command loads it at start, and
// a dozen small modules cost more to load than one.
import { appOn } from './app-request.js';
import type { AssessOptions } from './assess.js';
import type { BulletinOptions } from './bulletin.js';
import type { CheckOptions } from './check.js';
import { UsageError } from './errors.js';
import type { ImportOptions } from './import.js';
import type { ItemsOptions } from './items.js';
import type { LaggingOptions } from './lagging.js';
import type { MinutesOptions } from './minutes.js';
import type { NoticesOptions } from './notices.js';
import { ASSESSMENT_FORMATS, BULLETIN_FORMATS, MINUTES_FORMATS, type Format } from './option-values.js';
import type { SnapshotOptions } from './snapshot.js';
import {
  commandFor,
  optionsOf,
  resultOf,
  type CommandSpec,
  type OptionSpec,
  type OptionValues,
} from './spec.js';

// ---- options several commands share, worded once: the same words for the same things across
// commands (--json everywhere JSON can be had; for minutes, bulletin and assess the same as
// --format json; --format txt|json on the commands that print to the screen only) ----

const SCRIPT: OptionSpec<'script'> = {
  name: 'script',
  value: 'traditional',
  help: '输出繁体字（默认简体）',
};

const JSON_SCREEN: OptionSpec<'json'> = { name: 'json', help: '以 JSON 输出（同 --format json）' };
const JSON_DOCUMENT: OptionSpec<'json'> = { name: 'json', help: '同 --format json' };
const FORMAT_SCREEN: OptionSpec<'format'> = {
  name: 'format',
  value: '<格式>',
  help: 'txt（默认）| json',
};

/** --format of a document, in the formats it is written in: md（默认）| txt | … */
function documentFormatOption(formats: readonly Format[]): OptionSpec<'format'> {
  const [first, ...rest] = formats;
  return {
    name: 'format',
    value: '<格式>',
    help: `${first}（默认）| ${rest.join(' | ')}；不给时按 --out 的扩展名`,
  };
}

function meetingsOption(help: string): OptionSpec<'meetings'> {
  return { name: 'meetings', value: '<文件夹>', help };
}

function outOption(value: string, help: string): OptionSpec<'out'> {
  return { name: 'out', short: 'o', value, help };
}

function forceOption(help = '覆盖已存在的输出文件'): OptionSpec<'force'> {
  return { name: 'force', help };
}

const ISSUE_DATE: OptionSpec<'date'> = {
  name: 'date',
  value: '<YYYY-MM-DD>',
  help: '发文（落款）日期，默认今天；不得早于台账数据截至日期',
};

const REGISTER_FOR_NAMES: OptionSpec<'register'> = {
  name: 'register',
  value: '<台账>',
  help: '从该台账取项目名称（默认用会议记录中写明的台账）',
};

/**
 * check, lagging and items print text or JSON only: --format txt is their default, --format json is
 * --json. The format is then taken off the values.
 */
function screenFormat(command: string, values: OptionValues): void {
  const given = values.format;
  delete values.format;
  if (typeof given !== 'string') return;
  const format = given.toLowerCase();
  if (format === 'json') values.json = true;
  else if (format !== 'txt' && format !== 'text')
    throw new UsageError(
      `${command} 的 --format 只能是 txt（默认）或 json；纪要和通报的其他格式请用 minutes、bulletin`,
      command,
    );
}

/** minutes, bulletin and assess: --json is --format json (and contradicts any other --format). */
function documentFormat(command: string, values: OptionValues): void {
  const json = values.json === true;
  delete values.json;
  if (!json) return;
  const format = typeof values.format === 'string' ? values.format : undefined;
  if (format !== undefined && format.toLowerCase() !== 'json')
    throw new UsageError(`--json 与 --format ${format} 不能同时使用`, command);
  values.format = 'json';
}

// ---- check ----

const check = commandFor<CheckOptions, 'format'>()({
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
    const { runCheck } = await import('./check.js');
    return resultOf(await runCheck(optionsOf(values), env));
  },
});

// ---- lagging ----

const lagging = commandFor<LaggingOptions, 'format'>()({
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
    const { runLagging } = await import('./lagging.js');
    return resultOf(await runLagging(optionsOf(values), env));
  },
});

// ---- items ----

const items = commandFor<ItemsOptions, 'format'>()({
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
    const { runItems } = await import('./items.js');
    return resultOf(await runItems(optionsOf(values), env));
  },
});

// ---- minutes ----

const minutes = commandFor<MinutesOptions, 'json'>()({
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
    const { runMinutes } = await import('./minutes.js');
    return resultOf(await runMinutes(optionsOf(values), env));
  },
});

// ---- bulletin ----

const bulletin = commandFor<BulletinOptions, 'json'>()({
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
    const { runBulletin } = await import('./bulletin.js');
    return resultOf(await runBulletin(optionsOf(values), env));
  },
});

// ---- import ----

// The caps of import/xlsx-limits.ts are written out in the description rather than imported: that
// module loads node:zlib, which every command would then load at start to print one help text.
// test/commands/help-generated.test.ts checks the figures against the module's constants.
const importCommand = commandFor<ImportOptions>()({
  name: 'import',
  summary: '把 Excel 台账转换为 YAML 台账',
  brief: 'Excel 台账转为 YAML 台账',
  description: `把 Excel 台账转换为 YAML 台账。列出识别的列、未使用的列和各行的问题；有错误时不输出台账。
超过以下上限的工作簿不导入（指出超限的工作表和单元格；台账远用不到这么多）：文件 50 MB，
每个工作表解压后 100 MB，50,000 行，200 列（GR列），1,000,000 个单元格，每个单元格 32,767 字。`,
  positional: { label: '<台账.xlsx>', missing: 'Excel 台账文件', help: 'Excel 文件', key: 'file' },
  options: [
    { name: 'sheet', value: '<工作表>', help: '使用的工作表（默认第一个像台账的表）' },
    { name: 'title', value: '<标题>', help: '台账标题（表格标题行没有写明时使用）' },
    { name: 'region', value: '<地区>', help: '地区，如 平鲁区' },
    { name: 'year', value: '<年份>', help: '台账年度，如 2021' },
    { name: 'as-of', value: '<日期>', help: '数据截至日期，如 2021-09-30' },
    { name: 'issuer', value: '<发文机关>', help: '通报的发文机关，如 平鲁区项目推进中心' },
    {
      name: 'money-unit',
      value: '<单位>',
      help: [
        '台账金额单位：万元 或 亿元（默认按表头、表上表下的单位说明判断）；',
        '表中哪里都没写单位时，也是表中金额的单位',
      ],
    },
    {
      name: 'unit-from-sheet',
      help: [
        '每个工作表是一个责任单位：读取全部工作表，责任单位取工作表名称',
        '（各工作表表头相同又没有“责任单位”列时自动如此）',
      ],
    },
    outOption('<文件>', '写入 YAML 文件（默认输出到标准输出）；文件已存在时不覆盖'),
    forceOption(),
  ],
  examples: [
    'diaodu import 重点项目台账.xlsx --out register.yaml',
    'diaodu import 台账.xlsx --sheet 9月 --region 平鲁区 --year 2021 --as-of 2021-09-30 --out register.yaml',
  ],
  async run(values, env) {
    const { runImport } = await import('./import.js');
    return resultOf(await runImport(optionsOf(values), env));
  },
});

// ---- meet ----

const meet: CommandSpec<'meet'> = {
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

// ---- assess ----

const assess = commandFor<AssessOptions, 'json'>()({
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
    const { runAssess } = await import('./assess.js');
    return resultOf(await runAssess(optionsOf(values), env));
  },
});

// ---- notices ----

const notices = commandFor<NoticesOptions>()({
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
    const { runNotices } = await import('./notices.js');
    return resultOf(await runNotices(optionsOf(values), env));
  },
});

// ---- snapshot ----

const snapshot = commandFor<SnapshotOptions>()({
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
    const { runSnapshot } = await import('./snapshot.js');
    return resultOf(await runSnapshot(optionsOf(values), env));
  },
});

// ---- the table (its order is the order of 可用的命令 in messages) ----

export const COMMAND_SPECS = [
  check,
  lagging,
  items,
  minutes,
  bulletin,
  importCommand,
  meet,
  assess,
  notices,
  snapshot,
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMAND_SPECS)[number]['name'];

export const COMMANDS: readonly CommandName[] = COMMAND_SPECS.map((spec) => spec.name);

export function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

/** The commands that run without the app (all but meet), for the messages where it cannot open. */
export const SCRIPTED_COMMANDS: readonly CommandName[] = COMMAND_SPECS.filter(
  (spec) => spec.brief !== undefined,
).map((spec) => spec.name);

export function commandSpec(name: CommandName): CommandSpec {
  return COMMAND_SPECS.find((spec) => spec.name === name)!;
}
