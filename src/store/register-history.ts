// Register history (issue 12): dated snapshots of a register in a `history/` folder beside it, one per
// month, named `<register stem>-YYYY-MM.yaml` (a folder register: a folder `<name>-YYYY-MM/`). A
// snapshot is a full register file with its own as_of; `diaodu snapshot` files the current register
// there and the bulletin reads last month's for 环比. docs/formats.md#register-history.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const HISTORY_DIR = 'history';

/** "2021-08" for "2021-09-30"; "2020-12" for "2021-01-31". */
export function previousMonth(asOf: string): string {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The snapshot path of `registerPath` (absolute) for `month` (YYYY-MM). */
export function snapshotPath(registerPath: string, month: string): string {
  const dir = path.join(path.dirname(registerPath), HISTORY_DIR);
  const base = path.basename(registerPath);
  if (isFolder(registerPath)) return path.join(dir, `${base}-${month}`);
  const ext = path.extname(base);
  return path.join(dir, `${base.slice(0, base.length - ext.length)}-${month}${ext || '.yaml'}`);
}

/** Last month's snapshot of the register when it exists, else undefined. */
export function previousSnapshot(registerPath: string, asOf: string): string | undefined {
  const p = snapshotPath(registerPath, previousMonth(asOf));
  return fs.existsSync(p) ? p : undefined;
}

/**
 * Copies the register (file, or folder of unit files) to `target`, whole: into a temporary name
 * first, then renamed, so a snapshot is never half written. Existing targets are replaced only
 * with `force`. Never touches the register itself.
 */
export function copySnapshot(registerPath: string, target: string, force: boolean): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  fs.rmSync(temp, { recursive: true, force: true });
  if (isFolder(registerPath)) {
    fs.mkdirSync(temp);
    for (const name of fs.readdirSync(registerPath)) {
      if (!/\.ya?ml$/iu.test(name) || name.startsWith('.')) continue;
      fs.copyFileSync(path.join(registerPath, name), path.join(temp, name));
    }
  } else fs.copyFileSync(registerPath, temp);
  if (fs.existsSync(target)) {
    if (!force) {
      fs.rmSync(temp, { recursive: true, force: true });
      throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    }
    fs.rmSync(target, { recursive: true, force: true });
  }
  fs.renameSync(temp, target);
}
