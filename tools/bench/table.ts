/** The one table the benchmark prints, its notes, and the same as JSON and Markdown. */
import { summarize, type Summary } from './common.js';

export interface Row {
  section: string;
  what: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  unit: string;
  /** A ratio to a baseline of the same run ("0.42x cp+sync"), or a fact ("identical"). */
  ratio?: string;
  /** What the issue asks for ("target >= 0.6"). */
  target?: string;
  /** true pass, false miss, undefined: no target. */
  pass?: boolean;
}

export class Report {
  readonly rows: Row[] = [];
  readonly notes: string[] = [];

  add(section: string, what: string, values: readonly number[] | Summary, unit: string, extra: Pick<Row, 'ratio' | 'target' | 'pass'> = {}): Row {
    const s = Array.isArray(values) ? summarize(values) : (values as Summary);
    const row: Row = { section, what, median: s.median, min: s.min, max: s.max, runs: s.n, unit, ...extra };
    this.rows.push(row);
    return row;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  /** Rows grouped by section, in the order sections were first added; a row's place within its section kept. */
  private ordered(): Row[] {
    const sections = [...new Set(this.rows.map((r) => r.section))];
    return [...this.rows].sort((a, b) => sections.indexOf(a.section) - sections.indexOf(b.section));
  }

  render(): string {
    const header = ['section', 'what', 'median', 'min', 'max', 'unit', 'ratio / target', 'result'];
    const body = this.ordered().map((r) => [
      r.section, r.what, fmt(r.median), fmt(r.min), fmt(r.max), r.unit,
      [r.ratio, r.target].filter(Boolean).join('; '),
      r.pass === undefined ? '' : r.pass ? 'pass' : 'MISS',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
    return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
  }

  markdown(): string {
    const rows = this.ordered().map((r) => `| ${r.section} | ${r.what} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.unit} | ` +
      `${[r.ratio, r.target].filter(Boolean).join('; ')} | ${r.pass === undefined ? '' : r.pass ? 'pass' : '**miss**'} |`);
    return ['| section | what | median | min | max | unit | ratio / target | result |', '|---|---|---:|---:|---:|---|---|---|', ...rows].join('\n');
  }
}

/** Three significant digits, no exponent for everyday magnitudes. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return '-';
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1000) return Math.round(value).toString();
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  if (abs >= 0.01) return value.toFixed(3);
  return value.toPrecision(2);
}

export const ratio = (value: number, base: number, label: string) => `${fmt(value / base)}x ${label}`;
