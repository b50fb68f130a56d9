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

/** How far long work has come: drawn as a bar with rate and ETA (cli-progress). */
export interface Amount { value: number; total: number; unit: 'ops' | 'bytes' }
import { commandLineHint } from './hints.js';

export interface OutputOptions { quiet?: boolean; json?: boolean }

export class Output {
  readonly quiet: boolean;
  readonly json: boolean;
  private progressShown = false;
  private bar: { label: string; unit: Amount['unit']; started: number; first: number; drawn: SingleBar } | null = null;
  /** Set by commands whose stdout is data (`cat`, `show --raw`): JSON events then go to stderr. */
  dataOnStdout = false;

  constructor({ quiet = false, json = false }: OutputOptions = {}) {
    this.quiet = quiet;
    this.json = json;
  }

  info(message: string): void {
    if (this.quiet) return;
    if (this.json) this.emit({ event: 'info', message });
    else this.line(message);
  }

  warn(message: string): void {
    if (this.json) this.emit({ event: 'warning', message });
    else if (!this.quiet) this.line(`warning: ${message}`);
  }

  /** The command's result, on stdout: a JSON object with --json, the given text otherwise. */
  result(value: Record<string, unknown>, text: string): void {
    if (this.json) this.emit({ event: 'result', ...value });
    else if (!this.quiet) {
      this.line(''); // clears a progress line, if one is shown
      process.stdout.write(text + '\n');
    }
  }

  /**
   * Progress, only on a terminal, never with -q or --json: with an amount, a bar with its rate and
   * ETA (one per label: a new label starts a new bar); without, a status line rewritten in place.
   */
  progress(text: string, amount?: Amount): void {
    if (this.quiet || this.json || !process.stderr.isTTY) return;
    if (amount === undefined || amount.total <= 0) {
      this.stopBar();
      process.stderr.write(`\r\x1b[K${text}`);
      this.progressShown = true;
      return;
    }
    if (this.bar?.label !== text || this.bar.unit !== amount.unit) this.startBar(text, amount);
    const bar = this.bar!;
    const seconds = (Date.now() - bar.started) / 1000;
    const rate = seconds > 0.5 ? (amount.value - bar.first) / seconds : 0;
    bar.drawn.setTotal(amount.total);
    bar.drawn.update(Math.min(amount.value, amount.total), {
      label: text, rate: rate > 0 ? `${this.amount(rate, amount.unit)}/s` : '...',
      done: this.amount(amount.value, amount.unit), whole: this.amount(amount.total, amount.unit),
    });
  }

  private startBar(label: string, amount: Amount): void {
    this.stopBar();
    if (this.progressShown) process.stderr.write('\r\x1b[K');
    const unit = amount.unit;
    const drawn = new SingleBar({
      stream: process.stderr, hideCursor: true, clearOnComplete: true, barsize: 24, fps: 8, etaBuffer: 50,
      format: '{label} [{bar}] {percentage}% {done} of {whole}, {rate}, ETA {eta_formatted}',
    });
    drawn.start(amount.total, Math.min(amount.value, amount.total), { label, rate: '...', done: this.amount(amount.value, unit), whole: this.amount(amount.total, unit) });
    this.bar = { label, unit, started: Date.now(), first: amount.value, drawn };
  }

  private stopBar(): void {
    if (this.bar === null) return;
    this.bar.drawn.stop();
    this.bar = null;
  }

  private amount(value: number, unit: Amount['unit']): string {
    return unit === 'bytes' ? formatBytes(Math.round(value)) : `${Math.round(value)} ops`;
  }

  error(err: unknown): void {
    const known = err instanceof RdmJournalError;
    const code = known ? err.code : 'INTERNAL';
    const message = err instanceof Error ? err.message : String(err);
    const hint = known ? commandLineHint(err) : 'this is a bug in rdm-journal; please report it with the stack trace above';
    if (this.json) {
      (this.dataOnStdout ? process.stderr : process.stdout).write(JSON.stringify({ event: 'error', code, message, ...(hint ? { hint } : {}), retryable: isRetryable(err) }) + '\n');
      return;
    }
    if (!known && err instanceof Error) this.line(err.stack ?? message);
    this.line(`rdm-journal: error ${code}: ${message}`);
    if (hint) this.line(`  hint: ${hint}`);
  }

  private emit(value: Record<string, unknown>): void {
    process.stdout.write(JSON.stringify(value) + '\n');
  }

  private line(text: string): void {
    this.stopBar();
    if (this.progressShown) {
      process.stderr.write('\r\x1b[K');
      this.progressShown = false;
    }
    if (text) process.stderr.write(text + '\n');
  }
}
