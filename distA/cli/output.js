/**
 * What commands print. A command's result goes to stdout; notes, warnings and errors to stderr
 * (progress only when it is a terminal); with --json, one JSON object per line on stdout, errors
 * included (an error event says whether running the command again may succeed: `retryable`). -q keeps
 * only errors.
 */
import { SingleBar } from 'cli-progress';
import { RdmJournalError } from '../errors.js';
import { isRetryable } from './exit-status.js';
import { formatBytes } from './format.js';
import { commandLineHint } from './hints.js';
export class Output {
    quiet;
    json;
    progressShown = false;
    bar = null;
    /** Set by commands whose stdout is data (`cat`, `show --raw`): JSON events then go to stderr. */
    dataOnStdout = false;
    constructor({ quiet = false, json = false } = {}) {
        this.quiet = quiet;
        this.json = json;
    }
    info(message) {
        if (this.quiet)
            return;
        if (this.json)
            this.emit({ event: 'info', message });
        else
            this.line(message);
    }
    warn(message) {
        if (this.json)
            this.emit({ event: 'warning', message });
        else if (!this.quiet)
            this.line(`warning: ${message}`);
    }
    /** The command's result, on stdout: a JSON object with --json, the given text otherwise. */
    result(value, text) {
        if (this.json)
            this.emit({ event: 'result', ...value });
        else if (!this.quiet) {
            this.line(''); // clears a progress line, if one is shown
            process.stdout.write(text + '\n');
        }
    }
    /**
     * Progress, only on a terminal, never with -q or --json: with an amount, a bar with its rate and
     * ETA (one per label: a new label starts a new bar); without, a status line rewritten in place.
     */
    progress(text, amount) {
        if (this.quiet || this.json || !process.stderr.isTTY)
            return;
        if (amount === undefined || amount.total <= 0) {
            this.stopBar();
            process.stderr.write(`\r\x1b[K${text}`);
            this.progressShown = true;
            return;
        }
        if (this.bar?.label !== text || this.bar.unit !== amount.unit)
            this.startBar(text, amount);
        const bar = this.bar;
        const seconds = (Date.now() - bar.started) / 1000;
        const rate = seconds > 0.5 ? (amount.value - bar.first) / seconds : 0;
        bar.drawn.setTotal(amount.total);
        bar.drawn.update(Math.min(amount.value, amount.total), {
            label: text, rate: rate > 0 ? `${this.amount(rate, amount.unit)}/s` : '...',
            done: this.amount(amount.value, amount.unit), whole: this.amount(amount.total, amount.unit),
        });
    }
    startBar(label, amount) {
        this.stopBar();
        if (this.progressShown)
            process.stderr.write('\r\x1b[K');
        const unit = amount.unit;
        const drawn = new SingleBar({
            stream: process.stderr, hideCursor: true, clearOnComplete: true, barsize: 24, fps: 8, etaBuffer: 50,
            format: '{label} [{bar}] {percentage}% {done} of {whole}, {rate}, ETA {eta_formatted}',
        });
        drawn.start(amount.total, Math.min(amount.value, amount.total), { label, rate: '...', done: this.amount(amount.value, unit), whole: this.amount(amount.total, unit) });
        this.bar = { label, unit, started: Date.now(), first: amount.value, drawn };
    }
    stopBar() {
        if (this.bar === null)
            return;
        this.bar.drawn.stop();
        this.bar = null;
    }
    amount(value, unit) {
        return unit === 'bytes' ? formatBytes(Math.round(value)) : `${Math.round(value)} ops`;
    }
    error(err) {
        const known = err instanceof RdmJournalError;
        const code = known ? err.code : 'INTERNAL';
        const message = err instanceof Error ? err.message : String(err);
        const hint = known ? commandLineHint(err) : 'this is a bug in rdm-journal; please report it with the stack trace above';
        if (this.json) {
            (this.dataOnStdout ? process.stderr : process.stdout).write(JSON.stringify({ event: 'error', code, message, ...(hint ? { hint } : {}), retryable: isRetryable(err) }) + '\n');
            return;
        }
        if (!known && err instanceof Error)
            this.line(err.stack ?? message);
        this.line(`rdm-journal: error ${code}: ${message}`);
        if (hint)
            this.line(`  hint: ${hint}`);
    }
    emit(value) {
        process.stdout.write(JSON.stringify(value) + '\n');
    }
    line(text) {
        this.stopBar();
        if (this.progressShown) {
            process.stderr.write('\r\x1b[K');
            this.progressShown = false;
        }
        if (text)
            process.stderr.write(text + '\n');
    }
}
//# sourceMappingURL=output.js.map