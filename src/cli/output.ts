/**
 * What commands print. A command's result goes to stdout; notes, warnings and errors to stderr
 * (progress only when it is a terminal); with --json, one JSON object per line on stdout, errors
 * included (an error event says whether running the command again may succeed: `retryable`). -q keeps
 * only errors.
 */
import { RdmJournalError } from '../errors.js';
import { isRetryable } from './exit-status.js';
import { commandLineHint } from './hints.js';

export interface OutputOptions { quiet?: boolean; json?: boolean }

export class Output {
  readonly quiet: boolean;
  readonly json: boolean;
  private progressShown = false;
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

  /** A status line rewritten in place; only on a terminal, never with -q or --json. */
  progress(text: string): void {
    if (this.quiet || this.json || !process.stderr.isTTY) return;
    process.stderr.write(`\r\x1b[K${text}`);
    this.progressShown = true;
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
    if (this.progressShown) {
      process.stderr.write('\r\x1b[K');
      this.progressShown = false;
    }
    if (text) process.stderr.write(text + '\n');
  }
}
