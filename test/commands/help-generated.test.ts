// Help that is generated from the command specs says what the program does: the import caps come
// from import/xlsx-limits.ts, and where the app cannot open every scripted command is offered.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type DispatchEnv } from '../../src/commands/dispatch.js';
import { COMMANDS } from '../../src/commands/help.js';
import {
  columnLetters,
  MAX_CELL_CHARS,
  MAX_CELLS,
  MAX_COLUMNS,
  MAX_PART_BYTES,
  MAX_ROWS,
  MAX_XLSX_FILE_BYTES,
} from '../../src/import/xlsx-limits.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const env: DispatchEnv = { cwd: root, today: () => '2021-09-30', packageDir: root, version: '0' };

describe('generated help', () => {
  it('states the caps of an Excel register in help import', async () => {
    const r = await dispatch(['help', 'import'], env);
    const help = r.kind === 'result' ? r.stdout : '';
    expect(help).toContain(`文件 ${MAX_XLSX_FILE_BYTES / (1024 * 1024)} MB`);
    expect(help).toContain(`${MAX_ROWS.toLocaleString('en-US')} 行`);
    expect(help).toContain(`解压后 ${MAX_PART_BYTES / (1024 * 1024)} MB`);
    expect(help).toContain(`${MAX_COLUMNS} 列（${columnLetters(MAX_COLUMNS)}列）`);
    expect(help).toContain(`${MAX_CELLS.toLocaleString('en-US')} 个单元格`);
    expect(help).toContain(`每个单元格 ${MAX_CELL_CHARS.toLocaleString('en-US')} 字`);
  });

  it('offers every scripted command when the app is asked for without a terminal', () => {
    if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: npm run build first');
    const r = spawnSync(process.execPath, [cli], {
      cwd: root,
      env: { ...process.env, DIAODU_DEBUG: '' },
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('交互界面需要在终端中运行');
    // meet opens the app too: it cannot be offered where the app cannot open
    for (const command of COMMANDS.filter((c) => c !== 'meet')) {
      expect(r.stderr).toMatch(new RegExp(`^  diaodu ${command}\\b`, 'm'));
    }
    expect(r.stderr).not.toContain('diaodu meet');
  });
});
