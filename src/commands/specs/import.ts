import {
  columnLetters,
  MAX_CELL_CHARS,
  MAX_CELLS,
  MAX_COLUMNS,
  MAX_PART_BYTES,
  MAX_ROWS,
  MAX_XLSX_FILE_BYTES,
} from '../../import/xlsx-limits.js';
import type { ImportOptions } from '../import.js';
import { commandFor, optionsOf, resultOf } from '../spec.js';
import { forceOption, outOption } from './shared.js';

const mb = (bytes: number): string => `${bytes / (1024 * 1024)} MB`;
const count = (n: number): string => n.toLocaleString('en-US');

export const importCommand = commandFor<ImportOptions>()({
  name: 'import',
  summary: '把 Excel 台账转换为 YAML 台账',
  brief: 'Excel 台账转为 YAML 台账',
  description: `把 Excel 台账转换为 YAML 台账。列出识别的列、未使用的列和各行的问题；有错误时不输出台账。
超过以下上限的工作簿不导入（指出超限的工作表和单元格；台账远用不到这么多）：文件 ${mb(MAX_XLSX_FILE_BYTES)}，
每个工作表解压后 ${mb(MAX_PART_BYTES)}，${count(MAX_ROWS)} 行，${MAX_COLUMNS} 列（${columnLetters(MAX_COLUMNS)}列），\
${count(MAX_CELLS)} 个单元格，每个单元格 ${count(MAX_CELL_CHARS)} 字。`,
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
    const { runImport } = await import('../import.js');
    return resultOf(await runImport(optionsOf(values), env));
  },
});
