// The shape every renderer consumes (Markdown, text, Word, Excel, JSON): a document as blocks,
// plus the figures as plain data so that scripts can check them. Built by briefing/minutes.ts and bulletin.ts.
import type { IsoDate, Light } from '../domain/types.js';

export type Align = 'left' | 'right' | 'center';

/**
 * A table cell: `text` is what people read ("94.2%", "2.77"); `value` is the number behind it
 * for spreadsheets; `light` marks a 红黄绿 cell so renderers can colour it.
 */
export interface Cell {
  text: string;
  value?: number;
  format?: 'text' | 'integer' | 'money' | 'percent';
  light?: Light;
}

export interface Column {
  title: string;
  align: Align;
}

export type Block =
  /** level 1 "一、…" (黑体), level 2 "（一）…" (楷体), level 3 "1.…" (仿宋) */
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  /**
   * a body paragraph, first line indented two characters in print; `flush`: set flush left with no
   * indent (the 主送机关 line, GB/T 9704 §7.3.2)
   */
  | { type: 'paragraph'; text: string; flush?: boolean }
  /** numbered items, already numbered in their text ("1.…") */
  | { type: 'list'; items: string[] }
  | {
      type: 'table';
      caption?: string;
      columns: Column[];
      rows: Cell[][];
      unitNote?: string;
      /** a totals row for spreadsheets (Excel): these columns summed, a rate as a ratio of two of them */
      total?: TotalRow;
    }
  /** GB/T 9704 §10.3 attendance lines of minutes */
  | { type: 'attendance'; present: string[]; absent: string[]; attending: string[] }
  /**
   * a bar chart of rates against the time progress (序时进度): an image in Word (briefing/chart.ts),
   * Unicode bars in the TUI preview; Markdown, text files and Excel leave it out (the table beside it
   * has the same figures)
   */
  | ChartBlock;

/** Each unit's completion rate as a bar, the time progress as a line across them. */
export interface ChartBlock {
  type: 'chart';
  /** "图1 各责任单位投资完成率与序时进度" */
  caption: string;
  /** in the order of the table the figures come from */
  bars: ChartBar[];
  /** 序时进度 as a fraction (0.75) */
  timeProgress: number;
  /** "75.0%", as the text prints it */
  timeProgressText: string;
}

export interface ChartBar {
  name: string;
  /** the rate as a fraction (0.761) */
  rate: number;
  /** the rate as the table prints it ("76.1%") */
  text: string;
  /** below the time progress (drawn in the warning colour) */
  behind: boolean;
}

/** The 合计 row of a table, as Excel computes it (columns counted from 0). */
export interface TotalRow {
  label: string;
  sum: number[];
  ratio?: { column: number; numerator: number; denominator: number };
}

export interface Attachment {
  /** "附件" label is added by renderers; this is the attachment's own title */
  title: string;
  blocks: Block[];
}

export interface BriefingDocument {
  /** assessment: 季考核 (briefing/assessment.ts); notice: 督办通知单 (briefing/notice.ts) */
  kind: 'minutes' | 'bulletin' | 'assessment' | 'notice';
  /** e.g. 平鲁区重点项目周调度会议纪要 */
  title: string;
  /** e.g. 第38期 */
  issueLine?: string;
  /** 发文机关 named at the foot */
  issuer?: string;
  /** the document's date (meeting date, or the bulletin's data date) */
  date: IsoDate;
  /** the date as officials write it: 2024年9月4日 */
  dateText: string;
  /** the date the figures are current to (数据截至), when it is not the document's date */
  asOf?: IsoDate;
  /**
   * 版头 of the Word document (GB/T 9704 §7.2): the 发文机关标志 printed in red above the title, and
   * the 发文字号. Minutes print their own title as the red 纪要标志 and need none.
   */
  letterhead?: { mark: string; number?: string };
  /** 版记 (§7.4) at the foot of the last even page: 抄送机关, 印发机关 and 印发日期 */
  colophon?: { cc?: string[]; printedBy: string; printedOn: string };
  blocks: Block[];
  attachments: Attachment[];
  /** the figures behind the text, for --format json */
  data: unknown;
  /** the file name to write it under, without extension, when the kind does not imply one */
  baseName?: string;
}
