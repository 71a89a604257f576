// The layers (docs: files → store → domain → briefing / ui; commands are entry points): nothing but
// cli.ts imports src/commands — the TUI renders briefings through src/briefing/render.ts as the
// commands do, and src/domain, src/briefing, src/store, src/text import no command.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier a file imports, statically or with import(). */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
}

it('imports src/commands only from cli.ts, open-app.ts and the commands themselves', () => {
  const commands = path.join(SRC, 'commands');
  const offenders: string[] = [];
  for (const file of sources(SRC)) {
    // cli.ts and open-app.ts (the part of the command line that opens the app, loaded lazily) are entry points
    if (file.startsWith(commands + path.sep) || ['cli.ts', 'open-app.ts'].includes(path.relative(SRC, file)))
      continue;
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (target.startsWith(commands + path.sep)) offenders.push(`${path.relative(SRC, file)} → ${spec}`);
    }
  }
  expect(offenders).toEqual([]);
});
