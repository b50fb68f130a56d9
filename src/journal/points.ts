/**
 * Points in a journal: an op number, or a time (cli/points.ts parses them from the command line).
 * Ops are ordered by seq; their `at` is the recorder's clock, which may step back (or have jumped
 * ahead for one op). The journal lists every op recorded earlier than the op before it (Journal.timeSteps):
 * between two such steps `at` never decreases, so a time is found by binary search in each run,
 * reading log2(head) ops per run searched.
 */
import type { Journal } from './journal.js';
import type { Seq } from './op.js';

export type Point = { seq: Seq } | { time: number };

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
    const op = await journal.lookup.readOpStampAtOrAfter(middle); // its time only: no op bytes read
    if (op === null || op.seq >= high || op.at > time) high = middle; // no op in [middle, high) is at or before it
    else low = op.seq;
  }
  return low >= first ? low : 0;
}

/** An upper bound (the last op to include): a seq as given, a time as the last op at or before it. */
export async function resolveUpTo(journal: Journal, point: Point): Promise<Seq> {
  return 'seq' in point ? point.seq : lastOpAtOrBefore(journal, point.time);
}

/**
 * A lower bound (the first op to include): a seq as given, a time as the op after the last one
 * recorded before it (the first op at or after it, when the clock never stepped back): a lower
 * bound T starts where an upper bound T-1ms ends.
 */
export async function resolveFrom(journal: Journal, point: Point): Promise<Seq> {
  return 'seq' in point ? point.seq : (await lastOpAtOrBefore(journal, point.time - 1)) + 1;
}
