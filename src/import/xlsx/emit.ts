// The register YAML an import writes (docs/formats.md#project-keys order, domain/schema.ts), and which sheet row a line
// of it came from (for the loader's messages).
import { basename } from 'node:path';
import { stringify } from 'yaml';
import type { Meta, ProjectOut } from './report.js';
import { PROJECT_SCHEMA, keyOrder } from '../../domain/schema.js';

/** A project's keys in the order docs/formats.md#project-keys writes them (the schema's), its lists written after. */
const PROJECT_ORDER = keyOrder(PROJECT_SCHEMA).filter((key) => key !== 'milestones' && key !== 'problems');

export function registerYaml(meta: Meta, projects: ProjectOut[], file: string, sheet: string): string {
  const header: Record<string, unknown> = {
    title: meta.title,
    region: meta.region,
    year: meta.year,
    as_of: meta.asOf,
    money_unit: meta.moneyUnit ?? '万元',
  };
  if (meta.issuer) header.issuer = meta.issuer;
  if (meta.rules) {
    header.rules = {
      time_progress: meta.rules.timeProgress,
      yellow_gap: meta.rules.yellowGap,
      red_gap: meta.rules.redGap,
      start_red_days: meta.rules.startRedDays,
      milestone_red_days: meta.rules.milestoneRedDays,
    };
  }
  Object.assign(header, meta.office);
  const list = projects.map((p) => {
    const out: Record<string, unknown> = {};
    for (const key of PROJECT_ORDER) if (p.fields[key] !== undefined) out[key] = p.fields[key];
    if (p.milestones.length > 0) out.milestones = p.milestones;
    if (p.problems.length > 0) out.problems = p.problems;
    return out;
  });
  const comment = `# 由 diaodu import 从 ${basename(file)}（工作表“${sheet}”）导入\n`;
  return comment + stringify({ register: header, projects: list }, { lineWidth: 0 });
}

/** The sheet and row of the project whose YAML entry holds `line`. */
export function placeOfLine(
  yaml: string,
  line: number,
  projects: ProjectOut[],
): { row: number; sheet?: string } {
  const lines = yaml.split('\n');
  let index = -1;
  for (let i = 0; i < Math.min(line, lines.length); i++) if (/^ {2}- id:/.test(lines[i] ?? '')) index++;
  const p = index >= 0 ? projects[index] : undefined;
  return p ? { row: p.row, sheet: p.sheet } : { row: 0 };
}
