// The Chinese help of the program and of each command (diaodu --help, diaodu help <命令>,
// diaodu <命令> --help).

export const COMMANDS = ['check', 'lagging', 'items', 'minutes', 'bulletin', 'import', 'meet'] as const;
export type CommandName = (typeof COMMANDS)[number];

export function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

export const PROGRAM_HELP = `diaodu（调度）——重点项目周调度会的终端工具

用法：
  diaodu [台账.yaml] [--meetings 文件夹]       打开交互界面（不给台账时打开自带的平鲁区示例）
  diaodu meet <台账.yaml> [--meetings 文件夹]  直接进入调度会记录
  diaodu <命令> [参数] [选项]                  脚本命令，不打开界面

命令：
  check <台账>          台账概况：项目数、开复工率、新开工率、完成率与序时进度、红黄绿灯、警告
  lagging <台账>        滞后项目（红灯、黄灯），最严重的在前，附滞后原因
  items                 督办台账：议定事项及落实状态，逾期的在前（默认按今天，可用 --date 指定日期）
  minutes <会议记录>    生成周调度会议纪要（Markdown、纯文本、JSON、Word）
  bulletin <台账>       生成月通报（Markdown、纯文本、JSON、Word、Excel）
  import <台账.xlsx>    把 Excel 台账转换为 YAML 台账
  meet <台账>           打开交互界面，直接进入调度会记录
  help [命令]           显示帮助，如 diaodu help bulletin

示例（在 diaodu 文件夹中，用自带的平鲁区示例台账和会议记录）：
  diaodu check seeds/pinglu-2021.yaml --meetings meetings
  diaodu lagging seeds/pinglu-2021.yaml --meetings meetings
  diaodu items --meetings meetings --date 2021-09-30 --overdue
  diaodu minutes meetings/2021-09-27-周调度.yaml --out 纪要.docx
  diaodu bulletin seeds/pinglu-2021.yaml --meetings meetings --out 通报.docx

通用选项：
  -h, --help            显示帮助
  -v, --version         显示版本号

退出码：0 成功；2 输入或用法有误（说明写在标准错误输出）；1 程序内部错误。
设置环境变量 DIAODU_DEBUG=1 可在内部错误时显示调用栈。
`;

const SCRIPT_OPTION = `  --script traditional  输出繁体字（默认简体）`;

export const COMMAND_HELP: Record<CommandName, string> = {
  check: `用法：diaodu check <台账> [选项]

按台账的数据截至日期（as_of）显示一屏概况：项目数，开复工率，新开工率，投资完成率与序时进度，
红黄绿灯个数，台账警告；给出 --meetings 时统计未办结和逾期的议定事项，并把逾期未落实的议定事项计入红灯。

参数：
  <台账>                台账 YAML 文件，或存放多个台账文件的文件夹

选项：
  --meetings <文件夹>   会议记录文件夹
  --json                以 JSON 输出（同 --format json）
${SCRIPT_OPTION}
  -h, --help            显示本帮助

示例：
  diaodu check seeds/pinglu-2021.yaml --meetings meetings
`,
  lagging: `用法：diaodu lagging <台账> [选项]

列出滞后项目（红灯、黄灯），最严重的在前，每个项目附滞后原因。

参数：
  <台账>                台账 YAML 文件或文件夹

选项：
  --meetings <文件夹>   会议记录文件夹（逾期未落实的议定事项计入红灯）
  --json                以 JSON 输出（同 --format json）
${SCRIPT_OPTION}
  -h, --help            显示本帮助

示例：
  diaodu lagging seeds/pinglu-2021.yaml --meetings meetings --json
`,
  items: `用法：diaodu items [选项]

督办台账：各次会议的议定事项，及其在某一天的落实状态，按逾期、推进中、已落实、撤销分组列出。
完成时限早于该日期而未落实的为逾期。不给 --date 时按今天判断（第一行写明所用日期）；
查看过去某一天（如上次会议当天、月底）的情况，请加 --date。

选项：
  --meetings <文件夹>   会议记录文件夹（默认当前文件夹中的 meetings）
  --date <YYYY-MM-DD>   按该日期判断状态（默认今天）
  --unit <责任单位>     只看该责任单位的事项
  --project <项目编号>  只看该项目的事项
  --state <状态>        只看某种状态：已落实、推进中、逾期、撤销、未办结（可重复，或用逗号分隔）
  --overdue             只看逾期事项（同 --state 逾期）
  --register <台账>     从该台账取项目名称（默认用会议记录中写明的台账）
  --json                以 JSON 输出（同 --format json）
${SCRIPT_OPTION}
  -h, --help            显示本帮助

示例：
  diaodu items --meetings meetings --date 2021-09-30
  diaodu items --meetings meetings --date 2021-09-30 --overdue
  diaodu items --meetings meetings --date 2021-09-30 --unit 区自然资源局 --state 推进中,逾期
`,
  minutes: `用法：diaodu minutes <会议记录.yaml> [选项]

生成周调度会议纪要：总体进展、上次会议议定事项落实情况、滞后项目及议定事项、下步工作要求，
以及出席、请假、列席。台账取会议记录中的 register（相对于会议记录文件）；前期议定事项取
会议记录所在文件夹中的其他会议。

参数：
  <会议记录.yaml>       一次会议的记录文件

选项：
  --format <格式>       md（默认）| txt | json | docx；不给时按 --out 的扩展名
  --json                同 --format json
  --out <文件>          写入文件（docx 必须给出）；文件已存在时不覆盖
  --force               覆盖已存在的输出文件
  --register <台账>     改用指定台账
  --meetings <文件夹>   改用指定的会议记录文件夹
${SCRIPT_OPTION}
  -h, --help            显示本帮助

示例：
  diaodu minutes meetings/2021-09-27-周调度.yaml
  diaodu minutes meetings/2021-09-27-周调度.yaml --format txt
  diaodu minutes meetings/2021-09-27-周调度.yaml --out 纪要.docx
`,
  bulletin: `用法：diaodu bulletin <台账> [选项]

生成月通报：总体情况、各责任单位推进情况（排名表）、红黑榜、进度滞后项目、问题解决和议定事项
落实情况、下步工作要求，附件为全部项目进度表。通报的月份为台账数据截至日期（as_of）所在的月份。

参数：
  <台账>                台账 YAML 文件或文件夹

选项：
  --meetings <文件夹>   会议记录文件夹（统计议定事项落实情况，逾期未落实的议定事项计入红灯）
  --month <YYYY-MM>     通报月份；须与台账数据截至日期所在月份一致，否则报错
  --date <YYYY-MM-DD>   发文（落款）日期，默认今天；不得早于台账数据截至日期
  --format <格式>       md（默认）| txt | json | docx | xlsx；不给时按 --out 的扩展名
  --json                同 --format json
  --out <文件>          写入文件（docx、xlsx 必须给出）；文件已存在时不覆盖
  --force               覆盖已存在的输出文件
${SCRIPT_OPTION}
  -h, --help            显示本帮助

示例：
  diaodu bulletin seeds/pinglu-2021.yaml --meetings meetings --format txt
  diaodu bulletin seeds/pinglu-2021.yaml --meetings meetings --month 2021-09 --out 通报.docx
  diaodu bulletin seeds/pinglu-2021.yaml --meetings meetings --out 通报.xlsx
`,
  import: `用法：diaodu import <台账.xlsx> [选项]

把 Excel 台账转换为 YAML 台账。列出识别的列、未使用的列和各行的问题；有错误时不输出台账。

参数：
  <台账.xlsx>           Excel 文件

选项：
  --sheet <工作表>      使用的工作表（默认第一个像台账的表）
  --title <标题>        台账标题（表格标题行没有写明时使用）
  --region <地区>       地区，如 平鲁区
  --year <年份>         台账年度，如 2021
  --as-of <日期>        数据截至日期，如 2021-09-30
  --issuer <发文机关>   通报的发文机关，如 平鲁区项目推进中心
  --money-unit <单位>   台账金额单位：万元 或 亿元（默认按表头、表上表下的单位说明判断）；
                        表中哪里都没写单位时，也是表中金额的单位
  --unit-from-sheet     每个工作表是一个责任单位：读取全部工作表，责任单位取工作表名称
                        （各工作表表头相同又没有“责任单位”列时自动如此）
  --out <文件>          写入 YAML 文件（默认输出到标准输出）；文件已存在时不覆盖
  --force               覆盖已存在的输出文件
  -h, --help            显示本帮助

示例：
  diaodu import 重点项目台账.xlsx --out register.yaml
  diaodu import 台账.xlsx --sheet 9月 --region 平鲁区 --year 2021 --as-of 2021-09-30 --out register.yaml
`,
  meet: `用法：diaodu meet <台账> [选项]

打开交互界面并直接进入今天的调度会记录。需要在终端中运行。

参数：
  <台账>                台账 YAML 文件或文件夹

选项：
  --meetings <文件夹>   会议记录文件夹
  -h, --help            显示本帮助
`,
};
