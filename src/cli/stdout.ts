/**
 * Streaming to stdout for listings and `cat`: lines are gathered into chunks (one write per 64 KiB,
 * not per line: a write per line cost a third of `log`'s time), a chunk goes out at the latest a
 * few milliseconds after its first line (the first line of a long listing still appears at once),
 * a full pipe is waited for (memory stays flat), and a reader that goes away (`| head`) ends the
 * stream quietly instead of failing the command.
 */
import { once } from 'node:events';

const CHUNK_BYTES = 64 * 1024;
const LINGER_MS = 5;

export class StdoutStream {
  private gone = false;
  private pending: string[] = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly onError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') this.gone = true;
    else throw err;
  };

  constructor() {
    // The listener stays after the command: a write's EPIPE may also be emitted later.
    process.stdout.on('error', this.onError);
  }

  /** False once the reader is gone: stop producing. */
  get open(): boolean { return !this.gone; }

  async write(chunk: string | Uint8Array): Promise<boolean> {
    await this.flush();
    return this.send(chunk);
  }

  /** Queues a line; resolves false once the reader is gone. */
  async line(text: string): Promise<boolean> {
    if (this.gone) return false;
    this.pending.push(text, '\n');
    this.pendingBytes += text.length + 1;
    if (this.pendingBytes >= CHUNK_BYTES) return this.flush();
    this.timer ??= setTimeout(() => { void this.flush(); }, LINGER_MS);
    return true;
  }

  /** Writes what is queued; call at the end of a listing. */
  async flush(): Promise<boolean> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.length === 0) return !this.gone;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    return this.send(text);
  }

  private async send(chunk: string | Uint8Array): Promise<boolean> {
    if (this.gone) return false;
    let flowing: boolean;
    try {
      flowing = process.stdout.write(chunk);
    } catch (err) {
      this.onError(err as NodeJS.ErrnoException);
      return false;
    }
    if (!flowing) {
      // once() rejects when 'error' (EPIPE) comes first: that, too, means the reader is gone.
      await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]).catch(() => { this.gone = true; });
    }
    return !this.gone;
  }
}
