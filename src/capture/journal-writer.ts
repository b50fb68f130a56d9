/**
 * Collects ops and commits them to the journal in bounded batches, so memory stays flat for any
 * pack size. One batch may be in flight while the next fills: reading the source overlaps
 * LevelDB's write.
 */
import type { Journal } from '../journal/journal.js';
import type { Op } from '../journal/op.js';

/** Ops are committed in batches of about this many bytes: bounded memory, few fsyncs. */
const BATCH_BYTES = 4 * 1024 * 1024;

export class JournalWriter {
  private ops: Op[] = [];
  private bytes = 0;
  /** Run once the batch being filled is committed (never when its commit fails). */
  private actions: (() => void)[] = [];
  private inflight: Promise<void> = Promise.resolve();

  constructor(private readonly journal: Journal, private readonly sync: boolean, private readonly committed: (ops: number) => void) {}

  async add(op: Op): Promise<void> {
    this.ops.push(op);
    this.bytes += op.type === 'append' ? op.data.length : 64;
    if (this.bytes >= BATCH_BYTES) await this.commit();
  }

  /**
   * Runs `action` once every op added so far is committed (batches commit in order, so the batch
   * holding the last op added is the one to wait for); never if that commit fails.
   */
  afterCommit(action: () => void): void {
    if (this.ops.length > 0) this.actions.push(action);
    else this.inflight.then(action, () => {}); // the last op added is in the batch in flight, or committed
  }

  /** Resolves once every op added so far is in the journal. */
  async flush(): Promise<void> {
    await this.commit();
    await this.inflight;
  }

  /** Waits for the batch in flight (the journal assigns seqs one batch at a time), then starts this one. */
  private async commit(): Promise<void> {
    await this.inflight;
    if (this.ops.length === 0) return;
    const ops = this.ops;
    const actions = this.actions;
    this.ops = [];
    this.actions = [];
    this.bytes = 0;
    this.inflight = this.journal.append(ops, { sync: this.sync }).then(() => {
      this.committed(ops.length);
      for (const action of actions) action();
    });
    this.inflight.catch(() => {}); // surfaced by the next commit or flush
  }
}
