/**
 * What a prune does to the journal, step by step (upkeep/prune.ts decides what to remove): takes
 * the prune lock, removes whole file lives with the new retention record, drops old checkpoints
 * and gives the space back.
 */
import { RdmJournalError, isNoSpace } from '../errors.js';
import { packr } from './msgpack.js';
import type { Seq } from './op.js';
import type { BatchOp } from './shared-level.js';
import { PREFIX, emptyPruned, indexKey, opKey, prefixed, readMeta, seqKey, type FileLife, type Pruned } from './schema.js';
import { openFailure, type Db } from './open.js';
import { PRUNE_LOCK, takeLock, type JournalLock } from './locks.js';
import type { Journal } from './journal.js';

export class PruneSteps {
  /**
   * `database` gives the journal's database as it is read now (an upgrade replaces it); `onPruned`
   * tells the journal its new retention record once a removal is committed.
   */
  constructor(private readonly journal: Journal, private readonly database: () => Db, private readonly onPruned: (pruned: Pruned) => void) {}

  private get db(): Db { return this.database(); }

  /**
   * Removes whole file lives and records the new retention state, in one batch: a crash leaves
   * every life whole or gone, and the horizon written with the first removal.
   */
  async removeLives(lives: readonly FileLife[], pruned: Pruned, { sync = false } = {}): Promise<void> {
    const writes: BatchOp[] = [];
    for (const life of lives) {
      for (const entry of life.entries) {
        writes.push({ type: 'del', key: opKey(entry.seq) }, { type: 'del', key: indexKey(life.name, entry.seq) });
      }
    }
    writes.push({ type: 'put', key: prefixed(PREFIX.meta, 'pruned'), value: packr.pack(pruned) });
    // Under the prune lock nobody else writes the record; a process that ignores the lock (an older
    // rdm-journal) may have, and its horizon must not move back: ops below it are gone.
    const stored = (await readMeta<Pruned>(this.db, 'pruned')) ?? emptyPruned();
    if (stored.horizon > pruned.horizon) {
      throw new RdmJournalError('JOURNAL_LOCKED', `journal ${this.journal.location} was pruned to op ${stored.horizon} by another process while this prune (to op ${pruned.horizon}) ran; nothing more was written`,
        { hint: 'run the prune again: it starts from the journal\'s current horizon' });
    }
    try {
      // Format 3 unlinks the lives' data files below: only after their removal is durable.
      await this.db.batch(writes, { sync: sync || this.journal.dataFiles !== null });
    } catch (err) {
      if (isNoSpace(err)) {
        throw new RdmJournalError('JOURNAL_NO_SPACE', `journal ${this.journal.location} is out of disk space while pruning: ${(err as Error).message}`,
          { hint: 'free a little space and prune again: what was removed so far is consistent', cause: err });
      }
      throw err;
    }
    this.onPruned(pruned);
    await this.journal.dataFiles?.remove(lives.map((life) => life.entries[0]!.seq)); // a life starts with its create
  }

  /**
   * Takes the journal's prune lock: prunes read-modify-write the `pruned` record, so only one may
   * run at a time, whichever process. Waits up to `waitMs` for another prune to finish; null when it
   * still holds the lock then. The caller releases it with close().
   */
  async lock(waitMs: number): Promise<JournalLock | null> {
    try {
      return await takeLock(this.journal.location, PRUNE_LOCK, waitMs);
    } catch (err) {
      throw openFailure(this.journal.location, err);
    }
  }

  /**
   * Removes the checkpoints below the horizon but the last one at or before it (which byte counts
   * at the horizon and later still start from): retention must not leave them growing forever.
   */
  async removeCheckpointsBelow(horizon: Seq): Promise<number> {
    const writes: BatchOp[] = [];
    let kept = false;
    for await (const key of this.db.keys({ gte: seqKey(PREFIX.checkpoint, 0), lte: seqKey(PREFIX.checkpoint, horizon), reverse: true })) {
      if (kept) writes.push({ type: 'del', key });
      kept = true;
    }
    if (writes.length > 0) await this.db.batch(writes);
    return writes.length;
  }

  /** Returns the space of removed ops between two seqs to the filesystem, if this process hosts. */
  async compactOps(from: Seq, to: Seq): Promise<boolean> {
    return this.db.compactRange(opKey(from), opKey(to));
  }
}
