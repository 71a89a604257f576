// `diaodu import <台账.xlsx>`: turns a department's spreadsheet into a register YAML. Reports which
// columns were mapped and which ignored, and every row problem. A register with errors is never
// written (nor printed) — not even the rows that did convert: a partial register would silently
// drop projects from every figure.
import {
  diagnosticsText,
  guard,
  resolvePath,
  writeOutput,
  type CommandContext,
  type CommandResult,
} from './common.js';

export interface ImportOptions {
  file: string;
  sheet?: string;
  out?: string;
  force?: boolean;
}

export async function runImport(opts: ImportOptions, ctx: CommandContext): Promise<CommandResult> {
  return guard(async () => {
    const { importRegisterFromXlsx } = await import('../import/xlsx-register.js');
    const importOpts: { sheet?: string } = {};
    if (opts.sheet !== undefined) importOpts.sheet = opts.sheet;
    const result = await importRegisterFromXlsx(resolvePath(ctx, opts.file), importOpts);
    const report: string[] = [`工作表：${result.sheet}`];
    report.push(
      `已识别的列（${result.mapped.length}）：${result.mapped.map((m) => `${m.header}→${m.field}`).join('、') || '无'}`,
    );
    if (result.ignored.length > 0)
      report.push(`未使用的列（${result.ignored.length}）：${result.ignored.join('、')}`);
    const errors = result.problems.filter((p) => p.severity === 'error');
    const stderr = `${report.join('\n')}\n${diagnosticsText(result.problems)}`;
    if (errors.length > 0 || result.yaml === undefined) {
      return {
        stdout: '',
        stderr: `${stderr}共${errors.length}处错误，台账未${opts.out !== undefined ? '写入' : '输出'}；请修改表格后重新导入。\n`,
        exitCode: 2,
      };
    }
    const done = `已转换${result.projectCount}个项目。\n`;
    if (opts.out === undefined) return { stdout: result.yaml, stderr: stderr + done, exitCode: 0 };
    const target = writeOutput(ctx, opts.out, result.yaml, opts.force ?? false);
    return { stdout: '', stderr: `${stderr}${done}已写入 ${target}\n`, exitCode: 0 };
  }, 'import');
}
