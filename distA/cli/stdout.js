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
    gone = false;
    pending = [];
    pendingBytes = 0;
    timer = null;
    onError = (err) => {
        if (err.code === 'EPIPE')
            this.gone = true;
        else
            throw err;
    };
    constructor() {
        // The listener stays after the command: a write's EPIPE may also be emitted later.
        process.stdout.on('error', this.onError);
    }
    /** False once the reader is gone: stop producing. */
    get open() { return !this.gone; }
    async write(chunk) {
        await this.flush();
        return this.send(chunk);
    }
    /** Queues a line; resolves false once the reader is gone. */
    async line(text) {
        if (this.gone)
            return false;
        this.pending.push(text, '\n');
        this.pendingBytes += text.length + 1;
        if (this.pendingBytes >= CHUNK_BYTES)
            return this.flush();
        this.timer ??= setTimeout(() => { void this.flush(); }, LINGER_MS);
        return true;
    }
    /** Writes what is queued; call at the end of a listing. */
    async flush() {
        if (this.timer) {
            clearTimeout(this.timer);
            this.timer = null;
        }
        if (this.pending.length === 0)
            return !this.gone;
        const text = this.pending.join('');
        this.pending = [];
        this.pendingBytes = 0;
        return this.send(text);
    }
    async send(chunk) {
        if (this.gone)
            return false;
        let flowing;
        try {
            flowing = process.stdout.write(chunk);
        }
        catch (err) {
            this.onError(err);
            return false;
        }
        if (!flowing) {
            // once() rejects when 'error' (EPIPE) comes first: that, too, means the reader is gone.
            await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]).catch(() => { this.gone = true; });
        }
        return !this.gone;
    }
}
//# sourceMappingURL=stdout.js.map