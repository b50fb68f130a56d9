/**
 * The replayer: applies the journal's ops, in order, to one or more targets, each from its own
 * cursor, in bounded batches (a batch is the unit of fsync and of cursor advance).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { RdmJournalError } from './errors.js';
import { overlaps } from './paths.js';
import type { Journal } from './journal.js';
import type { JournalOp, Seq } from './op.js';
import { Target } from './target.js';

/** A batch closes at this many bytes of data or ops, whichever comes first. */
const BATCH_BYTES = 8 * 1024 * 1024;
const BATCH_OPS = 4096;

export interface ReplayOptions {
  journal: Journal;
  targets: readonly string[];
  /** Stop at this seq (inclusive); with `follow`, wait for it. */
  until?: Seq;
  /** Keep applying ops as they are appended (by any process) until `signal` aborts. */
  follow?: boolean;
  noDelete?: boolean;
  /** Ends `follow`: the replayer then applies what the journal holds and returns. */
  signal?: AbortSignal;
  onProgress?: (progress: ReplayProgress) => void;
}

export interface ReplayProgress { target: string; seq: Seq; end: Seq; bytes: number }
export interface TargetResult { target: string; from: Seq; to: Seq; ops: number; bytes: number }

export async function replay(options: ReplayOptions): Promise<TargetResult[]> {
  const { journal } = options;
  const targets = await openTargets(journal, options.targets);
  try {
    for (const target of targets) await checkTarget(journal, target, options.until);
    const results = targets.map((t) => ({ target: t.dir, from: t.seq, to: t.seq, ops: 0, bytes: 0 }));
    const until = options.until ?? Number.MAX_SAFE_INTEGER;
    for (;;) {
      // Stopping applies what the journal holds once the stop came (a recorder's last pass
      // included), in one more round: a busy recorder is not chased.
      const stopping = options.signal?.aborted ?? false;
      // The head is read again each round: a recorder in another process appends to the journal.
      const end = Math.min(until, await journal.refresh());
      for (const [i, target] of targets.entries()) await catchUp(journal, target, end, results[i]!, options);
      if (!options.follow || end >= until || stopping) break;
      await journal.waitForOps(end, options.signal);
    }
    return results;
  } finally {
    await Promise.all(targets.map((t) => t.close()));
  }
}

/** Opens every target before writing any: a refused target stops the run before anything is written. */
export async function openTargets(journal: Journal, dirs: readonly string[]): Promise<Target[]> {
  const identity = { createdAt: journal.createdAt, source: journal.source?.path ?? null };
  const source = journal.source?.path;
  for (const dir of dirs) {
    if (source && (overlaps(dir, source) || isSameDirectory(dir, journal.source!))) {
      throw new RdmJournalError('USAGE', `target ${path.resolve(dir)} is the journal's source ${source}, or inside it, or holds it`,
        { hint: 'replay into a directory outside the database directory (symlinks are resolved)' });
    }
  }
  const targets: Target[] = [];
  try {
    for (const dir of dirs) targets.push(await Target.open(dir, identity));
  } catch (err) {
    await Promise.all(targets.map((t) => t.close()));
    throw err;
  }
  return targets;
}

/** The source itself under another name (a bind mount): same device and inode. */
function isSameDirectory(dir: string, source: { dev: number; ino: number }): boolean {
  try {
    const stats = statSync(dir);
    return stats.dev === source.dev && stats.ino === source.ino;
  } catch {
    return false;
  }
}

/** Opens, checks and releases targets: lets a caller refuse a bad target before doing other work. */
export async function checkTargets(journal: Journal, dirs: readonly string[], until?: Seq): Promise<void> {
  const targets = await openTargets(journal, dirs);
  try {
    for (const target of targets) await checkTarget(journal, target, until);
  } finally {
    await Promise.all(targets.map((t) => t.close()));
  }
}

async function checkTarget(journal: Journal, target: Target, until: Seq | undefined): Promise<void> {
  // An interrupted batch may already have put ops up to `applying` on the target.
  const reached = target.applying ?? target.seq;
  if (until !== undefined && reached > until) {
    throw new RdmJournalError('TARGET_PAST_UNTIL', target.applying === null
      ? `target ${target.dir} is already at op ${target.seq}, past --until op ${until}`
      : `target ${target.dir} was interrupted while applying ops ${target.seq + 1}..${target.applying}, past --until op ${until}`,
    { hint: 'a target is never rewound: replay --until into a new directory' });
  }
  if (target.seq > journal.head) {
    throw new RdmJournalError('TARGET_DIVERGED', `target ${target.dir} is at op ${target.seq} but journal ${journal.location} ends at op ${journal.head}`,
      { hint: 'the journal lost ops (restored from an older copy?); replay into a new directory' });
  }
  const window: JournalOp[] = [];
  if (target.applying !== null) {
    for await (const op of journal.readOps({ after: target.seq, upTo: target.applying })) window.push(op);
  }
  target.checkDivergence(window);
}

async function catchUp(journal: Journal, target: Target, end: Seq, result: TargetResult, options: ReplayOptions): Promise<void> {
  let batch: JournalOp[] = [];
  let bytes = 0;
  const flush = async () => {
    await target.apply(batch, { noDelete: options.noDelete ?? false });
    result.to = target.seq;
    result.ops += batch.length;
    result.bytes += bytes;
    options.onProgress?.({ target: target.dir, seq: target.seq, end, bytes: result.bytes });
    batch = [];
    bytes = 0;
  };
  if (target.seq >= end) return;
  for await (const op of journal.readOps({ after: target.seq, upTo: end })) {
    batch.push(op);
    if (op.type === 'append') bytes += op.data.length;
    if (bytes >= BATCH_BYTES || batch.length >= BATCH_OPS) await flush();
  }
  if (batch.length > 0) await flush();
}

/**
 * Turns `--until` into a seq: a number is a seq; an ISO-8601 time is the last op recorded at or
 * before it. The journal never lets `at` decrease, so a binary search reads only log2(head) ops.
 */
export async function resolveUntil(journal: Journal, value: string): Promise<Seq> {
  if (/^\d+$/.test(value)) return Number(value);
  const time = Date.parse(value);
  if (!/^\d{4}-\d\d-\d\d/.test(value) || Number.isNaN(time)) {
    throw new RdmJournalError('USAGE', `--until ${JSON.stringify(value)} is neither an op number nor an ISO-8601 time`,
      { hint: 'e.g. --until 1200 or --until 2026-11-24T12:00:00Z' });
  }
  let low = 0; // an op seq known to be at or before `time` (0: none)
  let high = journal.head + 1; // an op seq known to be after it
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if ((await journal.readOp(middle)).at <= time) low = middle;
    else high = middle;
  }
  return low;
}
