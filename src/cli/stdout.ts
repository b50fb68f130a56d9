/**
 * Streaming to stdout for listings and `cat`: waits when the pipe is full (memory stays flat), and a
 * reader that goes away (`| head`) ends the stream quietly instead of failing the command.
 */
import { once } from 'node:events';

export class StdoutStream {
  private gone = false;
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

  line(text: string): Promise<boolean> {
    return this.write(text + '\n');
  }
}
