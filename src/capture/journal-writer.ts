/**
 * Group commit: collects ops and commits them to the journal in bounded batches, one commit at a
 * time, while the next batch fills. The recorder keeps one writer for its whole run, so the ops of
 * a pass that runs while the previous pass's commit is in flight (events that arrived during that
 * commit) form the next commit: a busy pack costs one synced batch per commit, not per event.
 *
 * A batch is committed when the recorder submits it (the end of a pass), or earlier when it holds
 * BATCH_BYTES of data or its first op waited BATCH_MS: memory stays flat for any pack size, and a
 * long read of a backlog does not hold back what it already read.
 *
 * Format 3 appends are written ahead: their bytes go into their life's data file as they are added
 * (while the previous batch commits), so a commit only flushes them. Only for a file whose life is
 * settled: committed, and no create, delete or resync of that name waiting to commit, so the life
 * the commit gives the op is the one its bytes went to.
 */
import type { Journal } from '../journal/journal.js';
import type { AppendOp, Op } from '../journal/op.js';

/** A batch holding this many bytes of data is committed without waiting for the pass to end. */
const BATCH_BYTES = 4 * 1024 * 1024;
/** A batch whose first op was added this long ago is committed without waiting for the pass to end. */
const BATCH_MS = 10;

export class JournalWriter {
  private ops: Op[] = [];
  private bytes = 0;
  /** When the batch being filled got its first op (Date.now()). */
  private startedAt = 0;
  /** Run once the batch being filled is committed (never when its commit fails). */
  private actions: (() => void)[] = [];
  private inflight: Promise<void> = Promise.resolve();
  /** File names with a create, delete or resync added but not yet committed, and how many. */
  private readonly unsettled = new Map<string, number>();

  /**
   * `committed` is told how many ops each commit held; `failed` hears of a commit that failed at
   * once, even when no later add, submit or flush would surface it (a recorder that is idle).
   */
  constructor(private readonly journal: Journal, private readonly sync: boolean,
    private readonly committed: (ops: number) => void, private readonly failed: (err: Error) => void = () => {}) {}

  async add(op: Op): Promise<void> {
    if (op.type === 'append') await this.writeAhead(op);
    else if (op.file !== undefined) this.unsettled.set(op.file, (this.unsettled.get(op.file) ?? 0) + 1);
    if (this.ops.length === 0) this.startedAt = Date.now();
    this.ops.push(op);
    this.bytes += op.type === 'append' ? op.data.length : 64;
    if (this.bytes >= BATCH_BYTES || Date.now() - this.startedAt >= BATCH_MS) await this.submit();
  }

  /**
   * Runs `action` once every op added so far is committed (batches commit in order, so the batch
   * holding the last op added is the one to wait for); never if that commit fails.
   */
  afterCommit(action: () => void): void {
    if (this.ops.length > 0) this.actions.push(action);
    else this.inflight.then(action, () => {}); // the last op added is in the batch in flight, or committed
  }

  /**
   * Starts committing every op added so far, once the commit in flight is done, and returns without
   * waiting for this one: the caller reads the next batch while this one is flushed. Rejects when
   * the previous commit failed.
   */
  async submit(): Promise<void> {
    await this.inflight;
    if (this.ops.length === 0) return;
    const ops = this.ops;
    const actions = this.actions;
    this.ops = [];
    this.actions = [];
    this.bytes = 0;
    // The journal assigns seqs one batch at a time: this commit starts only after the previous one.
    this.inflight = this.journal.append(ops, { sync: this.sync }).then(() => {
      this.settle(ops);
      this.committed(ops.length);
      for (const action of actions) action();
    });
    this.inflight.catch((err: Error) => this.failed(err)); // and surfaced by the next submit or flush
  }

  private async writeAhead(op: AppendOp): Promise<void> {
    if (!this.journal.dataFiles || this.unsettled.has(op.file)) return; // format 3 only
    const life = this.journal.fileState(op.file)?.createdSeq;
    if (life !== undefined) await this.journal.writeAhead(op, life);
  }

  /** A committed batch's creates, deletes and resyncs no longer keep their files' lives unsettled. */
  private settle(ops: readonly Op[]): void {
    for (const op of ops) {
      if (op.type === 'append' || op.file === undefined) continue;
      const left = (this.unsettled.get(op.file) ?? 1) - 1;
      if (left > 0) this.unsettled.set(op.file, left);
      else this.unsettled.delete(op.file);
    }
  }

  /** Resolves once every op added so far is in the journal. */
  async flush(): Promise<void> {
    await this.submit();
    await this.inflight;
  }
}
