/**
 * The replayer: applies the journal's ops, in order, to one or more targets, each from its own
 * cursor, in bounded batches (a batch is the unit of fsync and of cursor advance).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { RdmJournalError } from '../errors.js';
import { overlaps, realPathOf } from '../paths.js';
import type { IndexEntry, Journal } from '../journal/journal.js';
import type { Seq } from '../journal/op.js';
import { appendLength, type ReplayOp } from '../journal/data-files.js';
import { Target, makeTargetDirectory, type RebuildFile } from './target.js';
import { CONTROL_DIR } from './cursor.js';

/** A batch closes at this many bytes of data (held in memory or copied in the kernel) or ops, whichever comes first. */
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
  /** First rebuild each target to the journal's current state (after a prune expired it, or to repair it). */
  resync?: boolean;
  /** Ends `follow`: the replayer then applies what the journal holds and returns. */
  signal?: AbortSignal;
  onProgress?: (progress: ReplayProgress) => void;
}

export interface ReplayProgress { target: string; seq: Seq; end: Seq; bytes: number }
export interface TargetResult { target: string; from: Seq; to: Seq; ops: number; bytes: number; rebuilt?: { seq: Seq; files: number; bytes: number } }

export async function replay(options: ReplayOptions): Promise<TargetResult[]> {
  const { journal } = options;
  await journal.refresh();
  const lost = await journal.lostOps();
  if (lost) {
    throw new RdmJournalError('JOURNAL_CORRUPT', `journal ${journal.location} lost ops ${lost.from}..${lost.to} after they were committed (LevelDB dropped a damaged log record)`,
      { hint: 'nothing was applied; restore the journal from a copy, or record a new journal and replay it into a new target' });
  }
  if (options.until !== undefined && options.until < journal.horizon) throw beforeHorizon(journal, options.until);
  if (options.resync && options.until !== undefined) {
    throw new RdmJournalError('USAGE', 'a resync rebuilds targets to the journal\'s current state; it cannot stop at an earlier op',
      { hint: 'for the state at an earlier point, replay up to it into a new directory', detail: 'resync-with-until' });
  }
  const targets = await openTargets(journal, options.targets);
  try {
    const results: TargetResult[] = targets.map((t) => ({ target: t.dir, from: t.seq, to: t.seq, ops: 0, bytes: 0 }));
    const plan = options.resync ? await planRebuild(journal) : null; // validated before any target is written
    for (const [i, target] of targets.entries()) {
      if (plan) {
        results[i]!.rebuilt = await rebuildTarget(journal, target, plan, options.noDelete ?? false);
        results[i]!.from = target.seq;
        results[i]!.to = target.seq;
      } else {
        await checkTarget(journal, target, options.until);
      }
      await noteTarget(journal, target);
    }
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
  refuseSameTarget(dirs);
  const targets: Target[] = [];
  try {
    for (const dir of dirs) targets.push(await Target.open(dir, identity));
  } catch (err) {
    await Promise.all(targets.map((t) => t.close()));
    throw err;
  }
  return targets;
}

/**
 * One writer per target, within this process too: two `--to` naming one directory (a symlink, a
 * bind mount, `a/../a`) are refused before anything is written. Compared by device and inode,
 * once each exists.
 */
function refuseSameTarget(dirs: readonly string[]): void {
  const refuse = (a: string, b: string, how: string) => new RdmJournalError('USAGE', a === b ? `the same target ${a} is given twice`
    : `targets ${a} and ${b} are the same directory (${how})`,
  { hint: 'give each target once: two replays into one directory would overwrite each other' });
  // By real path first, so that an obvious repeat creates nothing; then by identity (bind mounts).
  const byPath = new Map<string, string>();
  for (const dir of dirs) {
    const where = path.resolve(dir);
    const real = realPathOf(where);
    const other = byPath.get(real);
    if (other !== undefined) throw refuse(other, where, `both are ${real}`);
    byPath.set(real, where);
  }
  const byIdentity = new Map<string, string>();
  for (const dir of dirs) {
    const where = path.resolve(dir);
    const { dev, ino } = makeTargetDirectory(where);
    const other = byIdentity.get(`${dev}:${ino}`);
    if (other !== undefined) throw refuse(other, where, `device ${dev}, inode ${ino}`);
    byIdentity.set(`${dev}:${ino}`, where);
  }
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

/** A point below the retention horizon: the journal cannot rebuild the source as it was then. */
export function beforeHorizon(journal: Journal, seq: Seq): RdmJournalError {
  return new RdmJournalError('PRUNED', `op ${seq} is before the retention horizon (op ${journal.horizon}) of journal ${journal.location}: ` +
    'files deleted by then were pruned, so the state at that point can no longer be rebuilt',
  { hint: `give a point from op ${journal.horizon} on`, detail: 'before-horizon', facts: { horizon: journal.horizon } });
}

/**
 * A target is expired when ops it needs next were pruned: its cursor is below the horizon, and the
 * horizon moved since its last batch (a target replayed from scratch after a prune never saw the
 * lives that prune removed, and needs none of them).
 */
function checkExpiry(journal: Journal, target: Target): void {
  const cursor = target.cursorState;
  const hint = 'rebuild it from what the journal holds (a resync)';
  if (cursor.resyncing) {
    throw new RdmJournalError('CURSOR_EXPIRED', `target ${target.dir} was being rebuilt (a resync) when it stopped`,
      { hint, detail: 'cursor-expired', facts: { target: target.dir } });
  }
  const fresh = cursor.seq === 0 && cursor.applying === null && Object.keys(cursor.files).length === 0;
  if (!fresh && journal.horizon > Math.max(cursor.seq, cursor.horizon ?? 0)) {
    throw new RdmJournalError('CURSOR_EXPIRED',
      `target ${target.dir} is at op ${cursor.seq}, but journal ${journal.location} was pruned to op ${journal.horizon}: ops it needs are gone`,
      { hint, detail: 'cursor-expired', facts: { target: target.dir } });
  }
}

/** One file of a `replay --resync`, planned: its create's mode, its size, and its appends in order. */
interface PlannedFile { name: string; mode: number; size: number; appends: IndexEntry[] }
interface RebuildPlan { seq: Seq; files: PlannedFile[] }

/**
 * Plans `replay --resync` from the index and the ops it points to, before any target is written:
 * every name one path component and not the control directory, every op the index names an op of
 * that file, each append landing where the one before ended, and the sizes the index gives. A
 * damaged journal is JOURNAL_CORRUPT with every target as it was. Reads every op once more than the
 * rebuild writes it, and holds only index entries.
 */
async function planRebuild(journal: Journal): Promise<RebuildPlan> {
  journal.requireVersion('rebuilding a target');
  const head = await journal.refresh();
  const files: PlannedFile[] = [];
  for (const [name, state] of await journal.index.filesAt(head)) {
    const refuse = (why: string) => new RdmJournalError('JOURNAL_CORRUPT', `journal ${journal.location} cannot rebuild ${name}: ${why}`,
      { hint: 'the journal was damaged or written by another program; nothing was written to the target' });
    if (name === CONTROL_DIR) throw refuse(`${CONTROL_DIR} is reserved for the target's cursor`);
    const file: PlannedFile = { name, mode: 0o644, size: 0, appends: [] };
    for await (const entry of journal.index.fileOps(name, { after: state.createdSeq - 1, upTo: head })) {
      const op = await journal.index.readFileOp(name, entry);
      if (op.type === 'create') {
        if (op.seq !== state.createdSeq) throw refuse(`it is created again at op ${op.seq}, after its last create at op ${state.createdSeq}`);
        file.mode = op.mode ?? 0o644;
      } else if (op.type === 'append') {
        if (op.offset !== file.size) throw refuse(`op ${op.seq} appends at offset ${op.offset}, but its appends before end at ${file.size}`);
        file.size += op.data.length;
        file.appends.push(entry);
      } else if (op.type === 'delete') {
        throw refuse(`op ${op.seq} deletes it, yet the index makes it live at op ${head}`);
      }
    }
    if (file.size !== state.size) throw refuse(`its appends make ${file.size} bytes, its index ${state.size}`);
    files.push(file);
  }
  return { seq: head, files };
}

/**
 * Rebuilds a target to the planned state, reading each append again (checked again against the
 * index; format 3's bytes copied in the kernel, checked against their CRC-32C as they are copied).
 */
async function rebuildTarget(journal: Journal, target: Target, plan: RebuildPlan, noDelete: boolean): Promise<{ seq: Seq; files: number; bytes: number }> {
  const files: RebuildFile[] = plan.files.map((file) => ({
    name: file.name,
    mode: file.mode,
    size: file.size,
    appends: (async function* () {
      for (const entry of file.appends) {
        const op = await journal.index.readFileOpRef(file.name, entry);
        if (op.type === 'append') yield op;
      }
    })(),
  }));
  const rebuilt = await target.rebuild(files, plan.seq, journal.horizon, { noDelete, data: journal.dataFiles });
  return { seq: plan.seq, ...rebuilt };
}

async function checkTarget(journal: Journal, target: Target, until: Seq | undefined): Promise<void> {
  checkExpiry(journal, target);
  // An interrupted batch may already have put ops up to `applying` on the target.
  const reached = target.applying ?? target.seq;
  if (until !== undefined && reached > until) {
    throw new RdmJournalError('TARGET_PAST_UNTIL', target.applying === null
      ? `target ${target.dir} is already at op ${target.seq}, past op ${until} where this replay is to stop`
      : `target ${target.dir} was interrupted while applying ops ${target.seq + 1}..${target.applying}, past op ${until} where this replay is to stop`,
    { hint: 'a target is never rewound: replay up to that op into a new directory', detail: 'past-until' });
  }
  if (target.seq > journal.head) {
    throw new RdmJournalError('TARGET_DIVERGED', `target ${target.dir} is at op ${target.seq} but journal ${journal.location} ends at op ${journal.head}`,
      { hint: 'the journal lost ops (restored from an older copy?); replay into a new directory' });
  }
  const window: ReplayOp[] = [];
  if (target.applying !== null) {
    for await (const op of journal.readOpRefs({ after: target.seq, upTo: target.applying })) window.push(op);
  }
  target.checkDivergence(window);
}

/**
 * The ops after `after` up to `end` in batches of at most BATCH_BYTES of data or BATCH_OPS ops.
 * Format 3 appends come by reference: their bytes are copied in the kernel, not read here.
 */
async function* readBatches(journal: Journal, after: Seq, end: Seq): AsyncGenerator<{ ops: ReplayOp[]; bytes: number }> {
  let batch: ReplayOp[] = [];
  let bytes = 0;
  for await (const op of journal.readOpRefs({ after, upTo: end })) {
    batch.push(op);
    if (op.type === 'append') bytes += appendLength(op);
    if (bytes >= BATCH_BYTES || batch.length >= BATCH_OPS) {
      yield { ops: batch, bytes };
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield { ops: batch, bytes };
}

/**
 * Tells the journal where this target's cursor is, for `status` and retention. Best effort: the
 * cursor in the target is the truth, and a note lost to a failing journal disk costs only a stale status.
 */
async function noteTarget(journal: Journal, target: Target): Promise<void> {
  await journal.targets.note({ path: target.dir, seq: target.seq, horizon: target.cursorState.horizon ?? 0, updatedAt: Date.now() }).catch(() => {});
}

async function catchUp(journal: Journal, target: Target, end: Seq, result: TargetResult, options: ReplayOptions): Promise<void> {
  if (target.seq >= end) return;
  checkExpiry(journal, target); // a forced prune in another process may have overtaken a following target
  const batches = readBatches(journal, target.seq, end);
  // The next batch's ops are read from LevelDB while this one's bytes are copied and synced.
  let pending = batches.next();
  pending.catch(() => {});
  try {
    for (;;) {
      const { done, value: batch } = await pending;
      if (done) break;
      pending = batches.next();
      pending.catch(() => {}); // a failed read ahead is reported when its batch is awaited, not as unhandled
      const next = async () => {
        const following = await pending;
        return following.done ? null : following.value.ops;
      };
      await target.apply(batch.ops, { noDelete: options.noDelete ?? false, horizon: journal.horizon, data: journal.dataFiles, next });
      await noteTarget(journal, target);
      result.to = target.seq;
      result.ops += batch.ops.length;
      result.bytes += batch.bytes;
      options.onProgress?.({ target: target.dir, seq: target.seq, end, bytes: result.bytes });
    }
  } finally {
    // A batch that failed leaves the read ahead behind: it is finished (its error is the failed batch's) and closed.
    await pending.catch(() => {});
    await batches.return(undefined);
  }
  // Ops up to `end` that were not read were pruned (readOps allows gaps only up to the horizon):
  // the target holds the state at `end` and its cursor says so.
  if (target.seq < end && end <= journal.horizon) {
    await target.skipPruned(end, journal.horizon);
    await noteTarget(journal, target);
    result.to = target.seq;
  }
}
