// The repository explains itself: code comments cite the project's rules as `docs/domain.md#lights`,
// `docs/formats.md#decisions` and the like, and the Markdown files link to one another. Every such
// citation must name a file in docs/ and, when it has an anchor, a heading of that file (anchors as
// GitHub makes them), so a renamed heading or a moved rule cannot leave comments pointing nowhere.
// Citations of the old out-of-tree documents (../shared/docs/…, or a bare domain.md) are refused.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CODE_DIRS = ['src', 'test', 'scripts', 'bench'];
const CODE_FILE = /\.(ts|tsx|js|mjs|cjs)$/;

function walk(dir: string, out: string[]): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'results' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (CODE_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Anchors a Markdown file offers: its headings (outside code blocks, repeats numbered) and `<a id>`s. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = slug(heading[1]!);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

interface Citation {
  /** where it is written: file:line */
  where: string;
  /** the cited file, relative to the repository */
  target: string;
  anchor?: string;
}

/** `docs/x.md` or `docs/x.md#anchor` in source text (an anchor ends at a space, quote, bracket or CJK punctuation). */
function citationsIn(text: string, where: string): Citation[] {
  const out: Citation[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/(?<![\w./-])docs\/([\w-]+\.md)(?:#([^\s"'`(),;:：，。；、）」”]+))?/g)) {
      const c: Citation = { where: `${where}:${i + 1}`, target: `docs/${m[1]}` };
      if (m[2] !== undefined) c.anchor = decodeURIComponent(m[2]).replace(/[.]+$/, '');
      out.push(c);
    }
  });
  return out;
}

/** Relative Markdown links to .md files (`[x](formats.md#lights)`), resolved from the file's folder. */
function linksIn(file: string): Citation[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: Citation[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/\]\(([^()\s:]+\.md)?(#[^()\s]+)?\)/g)) {
      if (m[1] === undefined && m[2] === undefined) continue;
      const target = m[1]
        ? path.relative(ROOT, path.resolve(path.dirname(file), m[1]))
        : path.relative(ROOT, file);
      const c: Citation = { where: `${path.relative(ROOT, file)}:${i + 1}`, target };
      if (m[2] !== undefined) c.anchor = decodeURIComponent(m[2].slice(1));
      out.push(c);
    }
  });
  return out;
}

/** The citations that do not resolve, as readable lines. */
function broken(citations: readonly Citation[]): string[] {
  const cache = new Map<string, Set<string> | null>();
  const bad: string[] = [];
  for (const c of citations) {
    if (!cache.has(c.target)) {
      const file = path.join(ROOT, c.target);
      cache.set(c.target, fs.existsSync(file) ? anchorsOf(fs.readFileSync(file, 'utf8')) : null);
    }
    const anchors = cache.get(c.target);
    if (anchors === null || anchors === undefined) bad.push(`${c.where}: ${c.target} does not exist`);
    else if (c.anchor !== undefined && !anchors.has(c.anchor)) {
      bad.push(`${c.where}: ${c.target} has no heading for #${c.anchor}`);
    }
  }
  return bad;
}

// (not this file: it names the patterns it refuses)
const codeFiles = CODE_DIRS.flatMap((d) => walk(path.join(ROOT, d), [])).filter(
  (f) => f !== import.meta.filename,
);

describe('doc citations', () => {
  it('makes anchors the way GitHub does', () => {
    expect(slug('Time progress')).toBe('time-progress');
    expect(slug('按时落实 (done on time)')).toBe('按时落实-done-on-time');
    expect(slug("The bulletin's history parts (issue 12)")).toBe('the-bulletins-history-parts-issue-12');
    expect(slug('`diaodu import 台账.xlsx`')).toBe('diaodu-import-台账xlsx');
    expect([...anchorsOf('# A\n## Lights\n```\n## Not a heading\n```\n## Lights\n<a id="x"></a>')]).toEqual([
      'a',
      'lights',
      'lights-1',
      'x',
    ]);
    expect(citationsIn('// see docs/domain.md#lights: red', 'f.ts')).toEqual([
      { where: 'f.ts:1', target: 'docs/domain.md', anchor: 'lights' },
    ]);
  });

  it('every docs/*.md#anchor cited in the code names a file and a heading that exist', () => {
    const citations = codeFiles.flatMap((f) =>
      citationsIn(fs.readFileSync(f, 'utf8'), path.relative(ROOT, f)),
    );
    expect(citations.filter((c) => c.anchor !== undefined).length).toBeGreaterThan(40);
    expect(broken(citations)).toEqual([]);
  });

  it('the rules are cited in the repository, not in documents outside it', () => {
    const outside: string[] = [];
    for (const f of codeFiles) {
      fs.readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // shared/docs/…, or domain.md / formats.md / architecture.md not under docs/
          if (
            /shared\/docs/.test(line) ||
            /(?<![\w/-])(?:domain|formats|architecture)\.md/.test(line.replace(/docs\/[\w-]+\.md/g, ''))
          ) {
            outside.push(`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(outside).toEqual([]);
  });

  it('links between the Markdown files resolve, anchors included', () => {
    const docs = fs
      .readdirSync(path.join(ROOT, 'docs'))
      .filter((n) => n.endsWith('.md'))
      .map((n) => path.join(ROOT, 'docs', n));
    const links = [path.join(ROOT, 'README.md'), ...docs].flatMap(linksIn);
    expect(links.length).toBeGreaterThan(10);
    expect(broken(links)).toEqual([]);
  });
});
