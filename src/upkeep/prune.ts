/**
 * Retention: removes the history of files whose whole life (create to delete) ended at or before a
 * horizon. What remains rebuilds the source as it was after any op from the horizon on, and a new
 * target replayed from the start ends identical to the source. Known targets are respected: one
 * whose cursor is below the horizon blocks the prune (or caps it, for `record --retain`), unless
 * forced, which expires it (CURSOR_EXPIRED on its next replay; `replay --resync` rebuilds it).
 */
import { RdmJournalError } from '../errors.js';
import { type FileLife, type Journal, type Pruned, type TargetNote } from '../journal/journal.js';
import type { Op, Seq } from '../journal/op.js';

/** Lives removed per batch, bounded by their index entries: a batch stays small, a crash leaves whole lives. */
const BATCH_ENTRIES = 20_000;

export interface PruneOptions {
  /** Remove lives that ended at or before this op. */
  horizon: Seq;
  /** Report what would go; change nothing. */
  dryRun?: boolean;
  /** Prune past known targets' cursors; they expire. */
  force?: boolean;
  /** Lower the horizon to the lowest known target's cursor instead of refusing (record --retain). */
  capByTargets?: boolean;
  /** How long to wait for another prune to finish before JOURNAL_LOCKED (default PRUNE_LOCK_WAIT_MS). */
  lockWaitMs?: number;
  /** Told how far it has come: files and ops removed (or, dry, found) so far. */
  onProgress?: (progress: { files: number; ops: number; bytes: number }) => void;
}

export interface PruneResult {
  /** The horizon after this prune (the one before, when nothing was to be done or dry-run). */
  horizon: Seq;
  previousHorizon: Seq;
  /** The horizon asked for, before capping by head or targets. */
  requested: Seq;
  files: number;
  ops: number;
  bytes: number;
  dryRun: boolean;
  /** Targets that hold the horizon back (capByTargets) or that a forced prune expired. */
  heldBy: TargetNote[];
  expired: TargetNote[];
  /** Whether the space was returned now (only the journal's host can compact). */
  compacted: boolean;
}

/** How long `rdm-journal prune` waits for another prune of the journal (record --retain's, or a user's) to finish. */
export const PRUNE_LOCK_WAIT_MS = 60_000;

/**
 * Prunes under the journal's prune lock (a dry run needs none: it writes nothing). Two prunes that
 * both read the `pruned` record and then wrote it would each write its own horizon and counts: the
 * horizon could move back below ops already gone, and the counts lose a prune (`verify` fails for
 * good). Under the lock the record is read after the last prune's final write.
 */
export async function prune(journal: Journal, options: PruneOptions): Promise<PruneResult> {
  journal.requireVersion('prune');
  if (options.dryRun) return runPrune(journal, options);
  const waitMs = options.lockWaitMs ?? PRUNE_LOCK_WAIT_MS;
  const lock = await journal.prune.lock(waitMs);
  if (!lock) {
    throw new RdmJournalError('JOURNAL_LOCKED', `another prune of journal ${journal.location} is running (waited ${Math.round(waitMs / 1000)} s for it)`,
      { hint: 'one prune at a time: run this one again once the other (a prune, or a recorder\'s retention) is done', detail: 'prune-running' });
  }
  try {
    return await runPrune(journal, options);
  } finally {
    await lock.close();
  }
}

/** The prune itself; the caller holds the prune lock, unless it is a dry run. */
async function runPrune(journal: Journal, options: PruneOptions): Promise<PruneResult> {
  // Read under the lock: what the last prune wrote is the base, so the horizon never moves back.
  const head = await journal.refresh();
  const before = await journal.pruned();
  // Never the head op: the head is the last op key, and seqs must never be reused.
  let horizon = Math.max(before.horizon, Math.min(options.horizon, head - 1));
  // A target already expired needs only `replay --resync`, which uses no old op: it holds nothing back.
  const known = (await journal.targets.known()).filter((t) => !isExpired(t, before.horizon));
  const lagging = known.filter((t) => t.seq < horizon);
  let expired: TargetNote[] = [];
  if (lagging.length > 0 && options.capByTargets) {
    horizon = Math.max(before.horizon, Math.min(...lagging.map((t) => t.seq)));
  } else if (lagging.length > 0 && options.force) {
    expired = lagging;
  } else if (lagging.length > 0 && !options.dryRun) {
    const names = lagging.map((t) => `${t.path} (at op ${t.seq})`).join(', ');
    throw new RdmJournalError('PRUNE_BLOCKED', `pruning to op ${horizon} would remove ops that ${lagging.length === 1 ? 'target' : 'targets'} ${names} still ${lagging.length === 1 ? 'needs' : 'need'}`,
      { hint: 'replay those targets first, or force the prune: they expire and must then be rebuilt (a resync)', detail: 'prune-blocked' });
  }
  const result: PruneResult = {
    horizon: before.horizon, previousHorizon: before.horizon, requested: options.horizon, files: 0, ops: 0, bytes: 0,
    dryRun: options.dryRun ?? false, heldBy: options.capByTargets ? lagging : [], expired: options.dryRun ? lagging : expired, compacted: false,
  };
  const state: Pruned = structuredClone(before);
  state.horizon = horizon;
  let batch: FileLife[] = [];
  let entries = 0;
  let lowest = Number.MAX_SAFE_INTEGER;
  let highest = 0;
  const flush = async (last: boolean) => {
    state.at = Date.now();
    if (!result.dryRun) await journal.prune.removeLives(batch, state, { sync: last });
    batch = [];
    entries = 0;
  };
  for await (const life of journal.index.livesEndedBy(horizon)) {
    result.files += 1;
    for (const entry of life.entries) {
      count(state, entry.type, entry.length);
      result.ops += 1;
      result.bytes += entry.length;
      lowest = Math.min(lowest, entry.seq);
      highest = Math.max(highest, entry.seq);
    }
    batch.push(life);
    entries += life.entries.length;
    if (entries >= BATCH_ENTRIES) await flush(false);
    if (result.files % 64 === 0) options.onProgress?.({ files: result.files, ops: result.ops, bytes: result.bytes });
  }
  if (result.dryRun) {
    result.horizon = horizon;
    return result;
  }
  if (batch.length > 0 || horizon !== before.horizon) await flush(true);
  result.horizon = horizon;
  await journal.prune.removeCheckpointsBelow(horizon);
  if (result.ops > 0) result.compacted = await journal.prune.compactOps(lowest, highest + 1);
  return result;
}

/** Whether a target, as its note says, has been overtaken by a horizon (see checkExpiry in replayer.ts). */
export function isExpired(note: TargetNote, horizon: Seq): boolean {
  return horizon > Math.max(note.seq, note.horizon ?? 0);
}

function count(state: Pruned, type: Op['type'], length: number): void {
  state.ops[type] += 1;
  state.bytes += length;
}
