/**
 * Points in a journal given on the command line: an op number, or an ISO-8601 time. Ops are
 * ordered by seq; their `at` is the recorder's clock, which may step back (or have jumped ahead for
 * one op). The journal lists every op recorded earlier than the op before it (Journal.timeSteps):
 * between two such steps `at` never decreases, so a time is found by binary search in each run,
 * reading log2(head) ops per run searched.
 */
import { RdmJournalError } from '../errors.js';
import type { Journal } from './journal.js';
import type { Seq } from './op.js';

export type Point = { seq: Seq } | { time: number };

/** Parses `--option VALUE`: a whole number is a seq; a date (local midnight) or date-time is a time. */
export function parsePoint(option: string, value: string): Point {
  if (/^\d+$/.test(value)) return { seq: Number(value) };
  // A date alone means local midnight (Date.parse would take it as UTC); a date-time without a zone is local.
  const text = /^\d{4}-\d\d-\d\d$/.test(value) ? `${value}T00:00:00` : value;
  const time = Date.parse(text);
  if (!/^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/.test(value) || Number.isNaN(time)) {
    throw new RdmJournalError('USAGE', `${option} ${JSON.stringify(value)} is neither an op number nor an ISO-8601 time`,
      { hint: `e.g. ${option} 1200, ${option} 2026-11-24T12:00:00Z or ${option} 2026-11-24T13:00:00+01:00 (no zone: local time)` });
  }
  return { time };
}

/**
 * The last op recorded at or before `time`: the highest seq whose `at` is at or before it (0: none),
 * whatever times the ops around it carry. Seqs below the retention horizon may be missing.
 */
export async function lastOpAtOrBefore(journal: Journal, time: number): Promise<Seq> {
  const steps = await journal.timeSteps();
  const starts = [1, ...steps];
  // From the last run back: the first run holding an op at or before `time` holds the highest one.
  for (let run = starts.length - 1; run >= 0; run--) {
    const found = await lastInRun(journal, starts[run]!, (starts[run + 1] ?? journal.head + 1) - 1, time);
    if (found > 0) return found;
  }
  return 0;
}

/** Binary search in ops first..last, whose `at` never decreases: the last at or before `time` (0: none). */
async function lastInRun(journal: Journal, first: Seq, last: Seq, time: number): Promise<Seq> {
  let low = first - 1; // an existing op known to be at or before `time` (first - 1: none)
  let high = last + 1; // every op from here on is after it
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const op = await journal.readOpStampAtOrAfter(middle); // its time only: no op bytes read
    if (op === null || op.seq >= high || op.at > time) high = middle; // no op in [middle, high) is at or before it
    else low = op.seq;
  }
  return low >= first ? low : 0;
}

/** An upper bound (`--until`, `--at`): a seq as given, a time as the last op at or before it. */
export async function resolveUpTo(journal: Journal, point: Point): Promise<Seq> {
  return 'seq' in point ? point.seq : lastOpAtOrBefore(journal, point.time);
}

/**
 * A lower bound (`--from`): a seq as given, a time as the op after the last one recorded before it
 * (the first op at or after it, when the clock never stepped back): `--from T` starts where
 * `--until T-1ms` ends.
 */
export async function resolveFrom(journal: Journal, point: Point): Promise<Seq> {
  return 'seq' in point ? point.seq : (await lastOpAtOrBefore(journal, point.time - 1)) + 1;
}

/** For commands that rebuild the past: a point past the head, or before the retention horizon, is refused. */
export function refusePastHead(journal: Journal, option: string, seq: Seq): void {
  if (seq < journal.horizon) {
    throw new RdmJournalError('PRUNED', `${option} op ${seq} is before the retention horizon, op ${journal.horizon}: files deleted by then were pruned`,
      { hint: `give a point from op ${journal.horizon} on (rdm-journal status shows the restorable range)` });
  }
  if (seq > journal.head) {
    throw new RdmJournalError('USAGE', `${option} op ${seq} is past the journal's last op ${journal.head}`,
      { hint: `give an op from 1 to ${journal.head} (rdm-journal status shows the range)` });
  }
}
