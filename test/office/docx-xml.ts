// The Word tests' view of a rendered .docx (a zip of WordprocessingML): its parts as text, and the
// paragraphs and text of the XML.
import JSZip from 'jszip';
import type { BriefingDocument } from '../../src/briefing/document.js';
import { renderDocx } from '../../src/briefing/docx.js';

/** The document rendered as .docx: the names of its parts, and a part as text (a missing one fails). */
export async function openDocx(
  doc: BriefingDocument,
): Promise<{ names: string[]; read: (name: string) => Promise<string> }> {
  const zip = await JSZip.loadAsync(await renderDocx(doc));
  const read = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`missing ${name}`);
    return file.async('string');
  };
  return { names: Object.keys(zip.files), read };
}

/** The footer parts (word/footerN.xml) among the names, in their order. */
export const footerNames = (names: string[]): string[] =>
  names.filter((n) => /^word\/footer\d+\.xml$/.test(n));

/** Every match of `re` in the XML. */
export const all = (xml: string, re: RegExp): string[] => [...xml.matchAll(re)].map((m) => m[0]);
/** The paragraphs (w:p elements). */
export const paragraphs = (xml: string): string[] => all(xml, /<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs);
/** The text of the runs, as written in the XML. */
export const rawText = (xml: string): string =>
  all(xml, /<w:t[^>]*>[^<]*<\/w:t>/g)
    .map((t) => t.replace(/<[^>]+>/g, ''))
    .join('');
/** The text as read: the word joiners that keep dates and numbers on one line left out. */
export const textOf = (xml: string): string => rawText(xml).replaceAll('\u2060', '');
