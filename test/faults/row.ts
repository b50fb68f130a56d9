/**
 * A fault scenario's row of the table (tools/faults.ts prints it; test/faults.test.ts reads its
 * problems): what was injected, what was compared, and one line per failure saying what was expected.
 */
import { describeOutcome, type CliOutcome } from './support.js';

// ---------------------------------------------------------------------------------------------
// A scenario's row of the table

export interface FaultRow {
  scenario: string;
  /** Independent runs (fresh source, journal and target each). */
  runs: number;
  /** Faults injected other than kills: overflows forced, disks filled, bytes flipped, hostile journals... */
  faultsInjected: number;
  /** SIGKILLs that landed on a running process. */
  kills: number;
  /** Bytes compared byte for byte between a copy and what it must equal (target vs source, mostly). */
  bytesCompared: number;
  failures: number;
  notes: string;
  /** One line per failure, with what was expected. */
  problems: string[];
  /** Counters for the tests and the notes (resyncs seen, positions detected by what, ...). */
  details: Record<string, number>;
}

export class Row {
  runs = 0;
  faultsInjected = 0;
  kills = 0;
  bytesCompared = 0;
  readonly problems: string[] = [];
  readonly notes: string[] = [];
  readonly details: Record<string, number> = {};
  /** Prefixed to each problem: the case or variant being run, so that a test can pick its own. */
  context = '';
  constructor(readonly scenario: string, private readonly log: (line: string) => void) {}

  fail(problem: string): void {
    problem = this.context ? `${this.context}: ${problem}` : problem;
    this.problems.push(problem);
    this.log(`  FAILURE ${this.scenario}: ${problem.split('\n')[0]}`);
  }
  note(note: string): void {
    if (!this.notes.includes(note)) this.notes.push(note);
  }
  count(name: string, by = 1): void {
    this.details[name] = (this.details[name] ?? 0) + by;
  }
  /** Fails unless the command ended with `exit` (and, for a failure, one of `codes`), without a stack trace. */
  expect(what: string, outcome: CliOutcome, exit: number, codes: readonly string[] = []): boolean {
    const ok = outcome.exit === exit && !outcome.internal && (exit === 0 || codes.length === 0 || codes.includes(outcome.code ?? ''));
    if (!ok) {
      const wanted = exit === 0 ? 'exit 0' : `exit ${exit} with ${codes.join(' or ')}`;
      this.fail(`${what}: expected ${wanted}, got ${describeOutcome(outcome)}\n${outcome.stdout.slice(-1500)}\n${outcome.stderr.slice(-1500)}`);
    }
    return ok;
  }
  done(): FaultRow {
    return {
      scenario: this.scenario, runs: this.runs, faultsInjected: this.faultsInjected, kills: this.kills, bytesCompared: this.bytesCompared,
      failures: this.problems.length, notes: this.notes.join('; '), problems: this.problems, details: this.details,
    };
  }
}

export interface ScenarioOptions {
  seed?: number;
  /** Progress lines (the CLI prints them on stderr; tests leave them out). */
  log?: (line: string) => void;
}

export const quiet = () => {};

// ---------------------------------------------------------------------------------------------
// The table

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function formatTable(rows: readonly FaultRow[]): string {
  const header = ['scenario', 'runs', 'faults injected', 'kills', 'bytes compared', 'failures'];
  const total: FaultRow = {
    scenario: 'total', runs: 0, faultsInjected: 0, kills: 0, bytesCompared: 0, failures: 0, notes: '', problems: [], details: {},
  };
  for (const row of rows) {
    total.runs += row.runs;
    total.faultsInjected += row.faultsInjected;
    total.kills += row.kills;
    total.bytesCompared += row.bytesCompared;
    total.failures += row.failures;
  }
  const cells = [...rows, total].map((r) => [r.scenario, String(r.runs), String(r.faultsInjected), String(r.kills), formatBytes(r.bytesCompared), String(r.failures)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`;
  const lines = [line(header), rule, ...cells.slice(0, -1).map(line), line(cells.at(-1)!.map((c) => `**${c}**`))];
  const notes = rows.filter((r) => r.notes).map((r) => `- ${r.scenario}: ${r.notes}`);
  return [...lines, '', 'Notes:', ...notes].join('\n');
}


export function mergeRows(rows: readonly FaultRow[]): FaultRow {
  const first = rows[0]!;
  const merged: FaultRow = { ...first, problems: [...first.problems], details: { ...first.details } };
  for (const row of rows.slice(1)) {
    merged.runs += row.runs;
    merged.faultsInjected += row.faultsInjected;
    merged.kills += row.kills;
    merged.bytesCompared += row.bytesCompared;
    merged.failures += row.failures;
    merged.problems.push(...row.problems);
    for (const [k, v] of Object.entries(row.details)) merged.details[k] = (merged.details[k] ?? 0) + v;
  }
  return merged;
}
