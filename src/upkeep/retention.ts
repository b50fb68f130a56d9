/**
 * `record --retain DURATION`: prunes in the background of recording. A prune runs every tenth of
 * the window (at most every minute, at least every second), never two at once (a round that finds
 * another process pruning the journal is skipped: see prune.ts), between the
 * recorder's batches (LevelDB serialises them): lives that ended more than DURATION ago go, and a
 * known target that lags holds the horizon back instead of being expired.
 */
import { RdmJournalError } from '../errors.js';
import type { Journal } from '../journal/journal.js';
import { lastOpAtOrBefore } from '../journal/points.js';
import { prune, type PruneResult } from './prune.js';

export interface RetentionOptions {
  journal: Journal;
  /** Keep the history of the last `windowMs` milliseconds. */
  windowMs: number;
  warn: (message: string) => void;
  onPrune?: (result: PruneResult) => void;
}

export class Retention {
  private readonly options: RetentionOptions;
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Targets already warned about, so a lagging target is reported once, not every round. */
  private readonly warned = new Set<string>();
  readonly totals = { prunes: 0, files: 0, ops: 0, bytes: 0, ms: 0 };

  constructor(options: RetentionOptions) {
    this.options = options;
    // A tenth of the window: the journal then holds at most ~1.1 windows of deleted files.
    const every = Math.min(60_000, Math.max(1000, options.windowMs / 10));
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
  }

  /** Runs one prune now unless one is running; resolves when it is done. Failures are warnings. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.pruneOnce().finally(() => { this.running = null; });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async pruneOnce(): Promise<void> {
    const { journal, windowMs, warn } = this.options;
    const started = Date.now();
    try {
      const horizon = await lastOpAtOrBefore(journal, Date.now() - windowMs);
      if (horizon <= journal.horizon) return;
      // Never waits for another prune (a user's `rdm-journal prune`): this round is skipped, the next tries again.
      const result = await prune(journal, { horizon, capByTargets: true, lockWaitMs: 0 });
      for (const target of result.heldBy) {
        if (!this.warned.has(target.path)) warn(`retention is held back by target ${target.path} at op ${target.seq}: replay it to let the journal shrink`);
        this.warned.add(target.path);
      }
      this.totals.prunes += 1;
      this.totals.files += result.files;
      this.totals.ops += result.ops;
      this.totals.bytes += result.bytes;
      this.totals.ms += Date.now() - started;
      this.options.onPrune?.(result);
    } catch (err) {
      if (err instanceof RdmJournalError && err.code === 'JOURNAL_LOCKED') return;
      warn(`retention: pruning failed, recording goes on: ${(err as Error).message}`);
    }
  }
}
