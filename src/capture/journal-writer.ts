/**
 * Group commit: collects ops and commits them to the journal in bounded batches, one commit at a
 * time, while the next batch fills. The recorder keeps one writer for its whole run, so the ops of
 * a pass that runs while the previous pass's commit is in flight (events that arrived during that
 * commit) form the next commit: a busy pack costs one synced batch per commit, not per event.
 *
 * A batch is committed when the recorder submits it (the end of a pass), or earlier when it holds
 * BATCH_BYTES of data or its first op waited BATCH_MS: memory stays flat for any pack size, and a
 * long read of a backlog does not hold back what it already read.
 */
import type { Journal } from '../journal/journal.js';
import type { Op } from '../journal/op.js';

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

  /**
   * `committed` is told how many ops each commit held; `failed` hears of a commit that failed at
   * once, even when no later add, submit or flush would surface it (a recorder that is idle).
   */
  constructor(private readonly journal: Journal, private readonly sync: boolean,
    private readonly committed: (ops: number) => void, private readonly failed: (err: Error) => void = () => {}) {}

  async add(op: Op): Promise<void> {
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
      this.committed(ops.length);
      for (const action of actions) action();
    });
    this.inflight.catch((err: Error) => this.failed(err)); // and surfaced by the next submit or flush
  }

  /** Resolves once every op added so far is in the journal. */
  async flush(): Promise<void> {
    await this.submit();
    await this.inflight;
  }
}
