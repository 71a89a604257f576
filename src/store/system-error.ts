// Node's system errors (EACCES, ENOSPC, EROFS, …) as one Chinese sentence naming the file and what to
// do. Every place that can show such an error to a person (commands, the app's status line, the
// importer) goes through systemErrorText, so the English "EACCES: permission denied, open '…'" never
// reaches the secretary.

/** What was being done with the file, for the sentence ("无法写入 …"). */
export type FileAction = 'read' | 'write' | 'open' | 'lock' | 'create';

const VERB: Record<FileAction, string> = {
  read: '读取',
  write: '写入',
  open: '打开',
  lock: '锁定',
  create: '建立',
};

/** The errno code of a Node system error ("EACCES"), else undefined. */
export function systemErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * Whether a link(2) failed because the file system has no hard links (some network and FAT mounts):
 * the callers then make the file another way.
 */
export function noHardLinks(error: unknown): boolean {
  const code = systemErrorCode(error);
  return code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'ENOSYS';
}

// syscalls that change the disk: a failure in one of them is a failure to write
const WRITING_CALLS = new Set([
  'write',
  'rename',
  'link',
  'unlink',
  'mkdir',
  'rmdir',
  'fsync',
  'chmod',
  'copyfile',
  'symlink',
  'ftruncate',
  'utime',
]);

/**
 * One Chinese sentence for a system error: what could not be done to which file, why, and what to do;
 * undefined when `error` is not a system error. `file` defaults to the path the error names; `action`
 * defaults to what its syscall did.
 */
export function systemErrorText(error: unknown, file?: string, action?: FileAction): string | undefined {
  const code = systemErrorCode(error);
  if (code === undefined) return undefined;
  const e = error as { path?: unknown; syscall?: unknown };
  const where = file ?? (typeof e.path === 'string' ? e.path : '文件');
  const act = action ?? actionOf(error);
  return `无法${VERB[act]} ${where}：${systemErrorReason(error, act)}`;
}

function actionOf(error: unknown): FileAction {
  const syscall = (error as { syscall?: unknown } | null)?.syscall;
  if (typeof syscall !== 'string') return 'read';
  return WRITING_CALLS.has(syscall) ? 'write' : syscall === 'open' ? 'open' : 'read';
}

/**
 * Why, and what to do, for a system error (“没有写入权限；请检查……（EACCES）。”), without naming the
 * file: for sentences that name it themselves. Undefined when `error` is not a system error.
 */
export function systemErrorReason(error: unknown, action?: FileAction): string | undefined {
  const code = systemErrorCode(error);
  if (code === undefined) return undefined;
  const act = action ?? actionOf(error);
  const writing = act === 'write' || act === 'lock' || act === 'create';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return writing
        ? `没有写入权限；请检查该文件及所在文件夹的权限，或换一个可写的文件夹（${code}）。`
        : `没有读取权限；请检查该文件的权限，或复制一份到自己的文件夹再用（${code}）。`;
    case 'EROFS':
      return `所在磁盘或文件夹是只读的；请把文件复制到可写的文件夹（如本机硬盘）再用（${code}）。`;
    case 'ENOSPC':
      return `磁盘空间已满；请清理磁盘后重试（${code}）。`;
    case 'EDQUOT':
      return `超出磁盘配额；请清理文件或联系管理员后重试（${code}）。`;
    case 'ENOENT':
      return writing
        ? `所在文件夹不存在；请先建立该文件夹，或换一个位置（${code}）。`
        : `路径不存在；请检查文件名和所在文件夹（${code}）。`;
    case 'EISDIR':
      return `这是一个文件夹，不是文件；请给出文件（${code}）。`;
    case 'ENOTDIR':
      return `路径中有一段不是文件夹；请检查路径（${code}）。`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `文件正被其他程序占用（如 Excel、WPS 或杀毒软件）；请关闭该程序后重试（${code}）。`;
    case 'EMFILE':
    case 'ENFILE':
      return `同时打开的文件太多；请关闭其他程序后重试（${code}）。`;
    case 'ENAMETOOLONG':
      return `文件名或路径太长；请换一个短些的名字或文件夹（${code}）。`;
    case 'ELOOP':
      return `符号链接指向自身，形成循环；请检查该链接（${code}）。`;
    case 'EEXIST':
      return `同名文件已存在；请换一个文件名（${code}）。`;
    case 'EIO':
      return `读写磁盘出错，磁盘或 U 盘可能有故障；请换一个位置重试（${code}）。`;
    case 'ENXIO':
    case 'ENODEV':
      return `这不是普通文件（设备或管道）；请给出普通文件（${code}）。`;
    case 'EFBIG':
      return `文件超出该磁盘允许的大小；请换一个位置（${code}）。`;
    default:
      return `系统错误 ${code}；请检查该文件和所在文件夹后重试。`;
  }
}

/** An error as a message for the screen: system errors in Chinese (systemErrorText), others as they are. */
export function errorText(error: unknown, file?: string, action?: FileAction): string {
  return systemErrorText(error, file, action) ?? (error instanceof Error ? error.message : String(error));
}
