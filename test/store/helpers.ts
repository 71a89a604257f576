// Shared helpers for the store-register tests.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { InputError } from '../../src/domain/types.js';
import type { Diagnostic } from '../../src/domain/types.js';

/** A fixture path relative to the working directory, as a user would type it. */
export function fixture(...parts: string[]): string {
  const abs = fileURLToPath(new URL(`../fixtures/${parts.join('/')}`, import.meta.url));
  return relative(process.cwd(), abs);
}

export function fixtureAbs(...parts: string[]): string {
  return fileURLToPath(new URL(`../fixtures/${parts.join('/')}`, import.meta.url));
}

/** A minimal valid register text: `header` lines added to its header, `project` lines to its one project. */
export function registerText(header: string[] = [], project: string[] = []): string {
  return [
    'register:',
    '  title: 平鲁区2021年重点工程项目台账',
    '  region: 平鲁区',
    '  year: 2021',
    '  as_of: 2021-10-31',
    ...header,
    'projects:',
    '  - id: PL-001',
    '    name: 海泰新能光伏高效组件项目',
    '    nature: 新建',
    '    stage: 前期',
    '    unit: 区发改局',
    '    total_investment: 50000',
    '    annual_plan: 30000',
    '    completed_year: 0',
    ...project,
    '',
  ].join('\n');
}

/** The head of a small register, down to its `projects:` line (the items follow). */
export const REGISTER_HEAD: readonly string[] = [
  'register:',
  '  title: 台账',
  '  region: 平鲁区',
  '  year: 2021',
  '  as_of: 2021-10-31',
  'projects:',
];

/**
 * A small valid project entry of a register's list (新建, 在建 unless `stage`, 区发改局, 100/50/10 万元),
 * its lines indented by `indent` (default two spaces); `extra` lines go into its mapping.
 */
export function projectLines(
  id: string,
  options: { name?: string; stage?: string; extra?: readonly string[]; indent?: string } = {},
): string[] {
  const i = options.indent ?? '  ';
  return [
    `${i}- id: ${id}`,
    `${i}  name: ${options.name ?? `项目${id}`}`,
    `${i}  nature: 新建`,
    `${i}  stage: ${options.stage ?? '在建'}`,
    `${i}  unit: 区发改局`,
    `${i}  total_investment: 100`,
    `${i}  annual_plan: 50`,
    `${i}  completed_year: 10`,
    ...(options.extra ?? []).map((l) => `${i}  ${l}`),
  ];
}

/** What `fn` gives: its value, or the diagnostics of the InputError it throws (anything else is rethrown). */
export type Outcome = { ok: unknown } | { errors: unknown };

export function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: fn() };
  } catch (e) {
    if (e instanceof InputError) return { errors: e.diagnostics };
    throw e;
  }
}

/** The diagnostics of the InputError `fn` throws; fails if it throws anything else or nothing. */
export function inputErrors(fn: () => unknown): Diagnostic[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

/** Asserts one diagnostic at exactly line:column whose message contains every fragment. */
export function expectAt(
  diagnostics: Diagnostic[],
  line: number,
  column: number,
  ...fragments: string[]
): Diagnostic {
  const here = diagnostics.filter((d) => d.line === line && d.column === column);
  const hit = here.find((d) => fragments.every((f) => d.message.includes(f)));
  if (!hit) {
    const listing = diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n');
    expect.fail(`no diagnostic at ${line}:${column} containing ${fragments.join(' + ')}; got:\n${listing}`);
  }
  return hit;
}

/** Every .yaml / .yml file under `dir`, recursively. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}
