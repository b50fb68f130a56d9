/**
 * The one place transient store failures are retried (restic's backend_retry.go): a decorator
 * around any ObjectStore. Only REPLICA_UNREACHABLE is retried, with exponential backoff, until a
 * budget of time is spent; then the error goes up (retryable exit status: the command resumes from
 * what the store holds). Every operation is safe to repeat: puts never change what a key holds.
 */
import { RdmJournalError } from '../errors.js';
import type { ObjectStore, StoredObject } from './object-store.js';

export interface RetryPolicy {
  /** Give up once this long has passed since the first failure of one operation. */
  budgetMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Told before each wait: what failed, the attempt number, how long it waits. */
  onRetry?: (err: RdmJournalError, attempt: number, delayMs: number) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { budgetMs: 120_000, firstDelayMs: 200, maxDelayMs: 10_000 };

export class RetryingStore implements ObjectStore {
  readonly name: string;

  constructor(private readonly inner: ObjectStore, private readonly policy: RetryPolicy = DEFAULT_RETRY) {
    this.name = inner.name;
  }

  put(key: string, body: Uint8Array): Promise<void> { return this.retry(() => this.inner.put(key, body)); }
  get(key: string): Promise<Uint8Array | null> { return this.retry(() => this.inner.get(key)); }
  delete(key: string): Promise<void> { return this.retry(() => this.inner.delete(key)); }

  /** A listing is retried from the last key it gave: what was yielded is never yielded again. */
  async *list(prefix: string, startAfter?: string): AsyncGenerator<StoredObject> {
    let after = startAfter;
    for (;;) {
      const page: StoredObject[] = [];
      const done = await this.retry(async () => {
        for await (const object of this.inner.list(prefix, after)) {
          page.push(object);
          if (page.length === 1000) return false;
        }
        return true;
      }, () => { page.length = 0; });
      yield* page;
      if (done || page.length === 0) return;
      after = page[page.length - 1]!.key;
    }
  }

  private async retry<T>(operation: () => Promise<T>, reset?: () => void): Promise<T> {
    let started = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation();
      } catch (err) {
        if (!(err instanceof RdmJournalError) || err.code !== 'REPLICA_UNREACHABLE') throw err;
        if (started === 0) started = Date.now();
        const delay = Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** (attempt - 1));
        if (Date.now() - started + delay > this.policy.budgetMs) {
          throw new RdmJournalError('REPLICA_UNREACHABLE', `${err.message} (gave up after ${attempt} attempts in ${Math.round((Date.now() - started) / 1000)} s)`,
            { hint: err.hint, cause: err });
        }
        this.policy.onRetry?.(err, attempt, delay);
        reset?.();
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
