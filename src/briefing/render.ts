// One briefing (minutes, bulletin, 季考核, 督办通知单) in one format and script, for the scripted
// commands (stdout or --out) and the TUI (简报 screen, 督办) alike. Each renderer is loaded only
// when its format is asked for (Word and Excel are large). 繁體: text formats are converted after
// rendering, so the renderers' own words (出席, 请假, 附件) are converted too; Word and Excel get a
// converted model (the lights they colour by stay 红/黄/绿), and Excel its sheet names as well.
import { applyScript, jsonText, mapStrings, type Script } from '../text/script.js';
import type { BriefingDocument } from './document.js';
import type { ChartImageCache } from './chart-image.js';
import { TextInPieces } from '../text/text-in-pieces.js';

export type BriefingFormat = 'md' | 'txt' | 'json' | 'docx' | 'xlsx';

/** Fields of the document model that are tags renderers match on, or data, not text. */
const DOCUMENT_TAGS = new Set(['light', 'data', 'kind', 'type', 'align', 'format']);

/**
 * Every human-readable string of a document converted with `convert`; the `light` of cells, which
 * renderers match on (红/黄/绿), and `data` are left as they are.
 */
export function mapDocumentText(doc: BriefingDocument, convert: (s: string) => string): BriefingDocument {
  return mapStrings(doc, convert, DOCUMENT_TAGS) as BriefingDocument;
}

/**
 * The document rendered: text for md, txt and json; bytes for docx and xlsx. `names`: the people
 * of the register and meetings, kept as written in 繁體 (domain/names.ts personNames).
 */
export async function renderBriefing(
  doc: BriefingDocument,
  format: 'md' | 'txt' | 'json',
  script: Script,
  names?: readonly string[],
  warn?: (text: string) => void,
  chartCache?: ChartImageCache,
): Promise<string>;
export async function renderBriefing(
  doc: BriefingDocument,
  format: 'docx' | 'xlsx',
  script: Script,
  names?: readonly string[],
  warn?: (text: string) => void,
  chartCache?: ChartImageCache,
): Promise<Uint8Array>;
export async function renderBriefing(
  doc: BriefingDocument,
  format: BriefingFormat,
  script: Script,
  names?: readonly string[],
  warn?: (text: string) => void,
  chartCache?: ChartImageCache,
): Promise<string | Uint8Array>;
export async function renderBriefing(
  doc: BriefingDocument,
  format: BriefingFormat,
  script: Script,
  names: readonly string[] = [],
  /** told when a chart is left out of a Word bulletin (no CJK font: briefing/chart-image.ts) */
  warn?: (text: string) => void,
  /** where a Word bulletin's chart images drawn before are kept (chart-image.ts) */
  chartCache?: ChartImageCache,
): Promise<string | Uint8Array> {
  if (format === 'docx' || format === 'xlsx') {
    let model = doc;
    let convert: ((s: string) => string) | undefined;
    if (script === 'traditional') {
      const { traditionalConverter } = await import('../text/traditional.js');
      convert = traditionalConverter(names);
      model = mapDocumentText(doc, convert);
    }
    return format === 'docx'
      ? (await import('./docx.js')).renderDocx(model, {
          ...(warn && { warn }),
          ...(chartCache && { chartCache }),
        })
      : (await import('./xlsx.js')).renderXlsx(model, convert ? { convert } : {});
  }
  if (format === 'md') return applyScript((await import('./markdown.js')).renderMarkdown(doc), script, names);
  if (format === 'txt') return applyScript((await import('./text.js')).renderText(doc), script, names);
  if (script === 'traditional') return jsonText(doc, script, names);
  return (await import('./json.js')).renderJson(doc);
}

/**
 * A text format's rendering as pieces made while they are written: JSON in 简体 piece by piece
 * (json.ts renderJsonInPieces, the same bytes as renderJson); the other text formats whole.
 */
export async function renderBriefingInPieces(
  doc: BriefingDocument,
  format: 'md' | 'txt' | 'json',
  script: Script,
  names: readonly string[] = [],
): Promise<TextInPieces> {
  if (format === 'json' && script !== 'traditional') {
    const { renderJsonInPieces } = await import('./json.js');
    return new TextInPieces(() => renderJsonInPieces(doc));
  }
  return TextInPieces.of(await renderBriefing(doc, format, script, names));
}
