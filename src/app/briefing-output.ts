// Writing a briefing from the 简报 screen: rendered as the commands render it (briefing/render.ts;
// Word and Excel loaded only when asked), in 繁體 when the settings say so, written into the output folder under
// a name that never overwrites an earlier file (…（2）.docx).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BriefingDocument } from '../briefing/document.js';
import { renderBriefing, type BriefingFormat } from '../briefing/render.js';
import { writeNewFile } from '../store/atomic-write.js';
import { chartImageCache } from '../store/load-cache.js';
import { InputError } from '../domain/types.js';
import type { Session } from './session.js';

export type OutputFormat = BriefingFormat;

/** "2021-09-20-周调度会议纪要", "2021年9月重点项目建设情况通报". */
export function briefingBaseName(doc: BriefingDocument): string {
  if (doc.baseName !== undefined) return doc.baseName;
  if (doc.kind === 'minutes') return `${doc.date}-${doc.title.replace(/[\\/:*?"<>|\s]+/g, '')}`;
  // the month the figures are for (数据截至), not the issue date: September's bulletin issued in October
  const [y, m] = (doc.asOf ?? doc.date).split('-');
  return `${y}年${Number(m)}月重点项目建设情况通报`;
}

/** Renders and writes the document; returns the file written. */
export async function writeBriefing(
  session: Session,
  doc: BriefingDocument,
  format: OutputFormat,
  /** told when a chart is left out of a Word bulletin (no CJK font) */
  warn?: (text: string) => void,
): Promise<string> {
  // where and how, as the settings say when the secretary pressed the key (rendering takes a moment)
  const dir = session.outputDir();
  const script = session.settingsScript();
  let names: string[] = [];
  if (script === 'traditional') {
    // the people of the register and meetings stay as written (马占文, not 馬佔文)
    const { personNames } = await import('../domain/names.js');
    const state = session.getSnapshot();
    if (state.phase === 'ready') names = personNames(state.data.register, state.data.meetings);
  }
  // a Word bulletin's chart drawn before is taken from the load cache (chart-image.ts)
  const charts = format === 'docx' ? chartImageCache() : undefined;
  const data = await renderBriefing(doc, format, script, names, warn, charts);
  fs.mkdirSync(dir, { recursive: true });
  const base = briefingBaseName(doc);
  for (let n = 1; n < 100; n++) {
    const file = path.join(dir, `${base}${n === 1 ? '' : `（${n}）`}.${format}`);
    if (fs.existsSync(file)) continue;
    try {
      writeNewFile(file, data);
      return file;
    } catch (error) {
      if (error instanceof InputError && fs.existsSync(file)) continue; // taken a moment ago
      throw error;
    }
  }
  throw new Error(`输出文件夹 ${dir} 中同名文件过多`);
}
