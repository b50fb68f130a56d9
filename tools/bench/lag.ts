/**
 * The lag writer and the two lag readers.
 *
 * The writer (run as its own process) appends fixed-size records to pack files `p%08d.pack` at a
 * steady rate, rotating every --pack-size bytes and deleting the oldest packs beyond --keep, like
 * the engine. Each record starts with a header that is the benchmark's own framing (the recorder
 * never parses it):
 *
 *   offset size field
 *   0      8    write time: process.hrtime.bigint() (CLOCK_MONOTONIC, comparable across processes)
 *   8      8    record sequence number, from 0, over all packs
 *   16     4    magic "RDML"
 *   20     4    record size
 *   24     ...  incompressible filler (LevelDB compresses with snappy: zeros would flatter it)
 *
 *   node --import tsx tools/bench/lag.ts <dir> (--seconds S | --bytes N) [--rate BYTES_PER_S]
 *     [--record-size 4096] [--pack-size 67108864] [--keep 4]
 *
 * --rate 0 writes as fast as it can. Prints `{"event":"started","startNs":...}` before the first
 * write and `{"event":"done",...}` (records, bytes, every pack's final size, deleted or not) at the end.
 *
 * The readers run in the benchmark process: `JournalLagReader` is a guest of the recorder's
 * journal and parses records out of append ops (an append may split a record: the parser follows
 * each file by offset); `TargetLagWatcher` watches a target directory with inotify and parses the
 * bytes as they appear in the target's files. Both compute lag = time seen - write time.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Journal } from '../../src/journal/journal.js';
import {
  IN_CLOSE_WRITE, IN_CREATE, IN_DELETE, IN_ISDIR, IN_MODIFY, IN_MOVED_FROM, IN_MOVED_TO, IN_Q_OVERFLOW, Inotify,
} from '../../src/native/index.js';
import { REPO, spawnTimed, waitForOutput, type TimedChild, type TimedResult } from './common.js';

export const HEADER_BYTES = 24;
const MAGIC = 0x4c4d4452; // "RDML" little-endian
const POOL_BYTES = 16 * 1024 * 1024;

export const packName = (n: number) => `p${String(n).padStart(8, '0')}.pack`;

// ---- the writer ------------------------------------------------------------------------------

export interface WriterOptions {
  dir: string;
  /** Bytes per second; 0 = as fast as possible. */
  rate: number;
  /** Stop after this many seconds (at the rate) or bytes, whichever is given. */
  seconds?: number;
  bytes?: number;
  recordSize: number;
  packSize: number;
  keep: number;
}

export interface WriterSummary {
  event: 'done';
  startNs: string;
  endNs: string;
  records: number;
  bytes: number;
  created: number;
  deleted: number;
  /** Final size of every pack written, deleted ones included. */
  files: Record<string, number>;
}

export async function runWriter(options: WriterOptions, onStart: (startNs: bigint) => void): Promise<WriterSummary> {
  const { dir, rate, recordSize, packSize, keep } = options;
  if (recordSize < HEADER_BYTES || packSize % recordSize !== 0) throw new RangeError('pack size must be a multiple of the record size (>= 24)');
  const total = options.bytes !== undefined ? Math.floor(options.bytes / recordSize) : Math.floor(((options.seconds ?? 1) * rate) / recordSize);
  fs.mkdirSync(dir, { recursive: true });
  const pool = randomBytes(POOL_BYTES);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 16);
  header.writeUInt32LE(recordSize, 20);
  const files: Record<string, number> = {};
  const live: string[] = [];
  let fd = -1;
  let current = '';
  let packNumber = 0;
  let deleted = 0;
  const rotate = () => {
    if (fd >= 0) fs.closeSync(fd);
    packNumber += 1;
    current = packName(packNumber);
    fd = fs.openSync(path.join(dir, current), 'ax');
    files[current] = 0;
    live.push(current);
    while (keep > 0 && live.length > keep) {
      fs.unlinkSync(path.join(dir, live.shift()!));
      deleted += 1;
    }
  };
  const nsPerRecord = rate > 0 ? (recordSize * 1e9) / rate : 0;
  const start = process.hrtime.bigint();
  onStart(start);
  for (let seq = 0; seq < total; seq++) {
    if (rate > 0) {
      const due = start + BigInt(Math.round(seq * nsPerRecord));
      const ahead = Number(due - process.hrtime.bigint()) / 1e6;
      if (ahead > 0.5) await new Promise((resolve) => setTimeout(resolve, ahead));
    }
    if (fd < 0 || files[current]! + recordSize > packSize) rotate();
    const body = (seq * 7919 * 64) % (POOL_BYTES - recordSize);
    header.writeBigUInt64LE(BigInt(seq), 8);
    header.writeBigUInt64LE(process.hrtime.bigint(), 0);
    fs.writevSync(fd, [header, pool.subarray(body, body + recordSize - HEADER_BYTES)]);
    files[current]! += recordSize;
  }
  const end = process.hrtime.bigint();
  if (fd >= 0) fs.closeSync(fd);
  return { event: 'done', startNs: String(start), endNs: String(end), records: total, bytes: total * recordSize, created: packNumber, deleted, files };
}

// ---- parsing records out of appended bytes ---------------------------------------------------

interface FileCursor { next: number; header: Buffer; valid: boolean }

/** Follows each file by offset; calls back with (write time, seq) for every record header completed. */
export class RecordParser {
  private readonly files = new Map<string, FileCursor>();
  records = 0;
  garbage = 0;
  /** Lag of each record in ms, in the order seen. */
  readonly lagsMs: number[] = [];
  /** When feeds carry a stamp (the op's `at`): stamp - write time of each record, in ms. */
  readonly stampLagsMs: number[] = [];

  constructor(private readonly recordSize: number) {}

  /**
   * Bytes `data` of `file` at `offset`, seen at `seenNs` (and stamped at `stampNs`, when given).
   * Offsets must not go back (dups are skipped).
   */
  feed(file: string, offset: number, data: Uint8Array, seenNs: bigint, stampNs?: bigint): void {
    let cursor = this.files.get(file);
    if (!cursor) {
      cursor = { next: 0, header: Buffer.alloc(HEADER_BYTES), valid: true };
      this.files.set(file, cursor);
    }
    let start = offset;
    if (offset > cursor.next) cursor.valid = false; // a gap: a header it cuts is garbage
    else if (offset < cursor.next) start = cursor.next; // already seen
    const end = offset + data.length;
    const R = this.recordSize;
    let pos = start;
    while (pos < end) {
      const inRecord = pos % R;
      if (inRecord < HEADER_BYTES) {
        if (inRecord === 0) cursor.valid = true;
        const take = Math.min(HEADER_BYTES - inRecord, end - pos);
        cursor.header.set(data.subarray(pos - offset, pos - offset + take), inRecord);
        pos += take;
        if (inRecord + take === HEADER_BYTES) this.emit(cursor, seenNs, stampNs);
      } else {
        pos = Math.min(end, pos - inRecord + R);
      }
    }
    if (end > cursor.next) cursor.next = end;
  }

  private emit(cursor: FileCursor, seenNs: bigint, stampNs: bigint | undefined): void {
    const header = cursor.header;
    if (!cursor.valid || header.readUInt32LE(16) !== MAGIC) {
      this.garbage += 1;
      return;
    }
    this.records += 1;
    const written = header.readBigUInt64LE(0);
    this.lagsMs.push(Number(seenNs - written) / 1e6);
    if (stampNs !== undefined) this.stampLagsMs.push(Number(stampNs - written) / 1e6);
  }
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

// ---- the journal reader ----------------------------------------------------------------------

/**
 * A guest of the recorder's journal: wakes on the host's commit notification (journal.waitForOps)
 * and reads the new ops (journal.readOps). The lag it sees is the time until an op is committed
 * and readable by another process: commit, notification and one socket round trip.
 */
export class JournalLagReader {
  readonly parser: RecordParser;
  private journal: Journal | null = null;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | null = null;
  error: Error | null = null;

  constructor(private readonly journalDir: string, recordSize: number) {
    this.parser = new RecordParser(recordSize);
  }

  async start(): Promise<void> {
    this.journal = await Journal.open(this.journalDir);
    if (this.journal.role !== 'guest') throw new Error(`the lag reader should be a guest of the recorder, but it ${this.journal.role}s the journal`);
    const journal = this.journal;
    let after = await journal.refresh();
    // An op's `at` is the recorder's Date.now() when it made the op (after reading the bytes, before
    // the commit): converted to the monotonic clock, it splits the lag into read and commit + delivery.
    const wallMinusMono = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();
    this.loop = (async () => {
      try {
        while (!this.stopping.signal.aborted) {
          await journal.waitForOps(after, this.stopping.signal);
          for await (const op of journal.readOps({ after })) {
            const seen = process.hrtime.bigint();
            if (op.type === 'append') this.parser.feed(op.file, op.offset, op.data, seen, BigInt(op.at) * 1_000_000n - wallMinusMono);
            after = op.seq;
          }
        }
      } catch (err) {
        if (!this.stopping.signal.aborted) this.error = err as Error;
      }
    })();
  }

  /** Waits until `records` records were seen; false on timeout. */
  waitForRecords(records: number, timeoutMs: number): Promise<boolean> {
    return waitUntil(() => this.parser.records >= records || this.error !== null, timeoutMs);
  }

  /** Stops reading and closes the journal: before the recorder stops, or this guest would host it. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    await this.journal?.close();
    this.journal = null;
  }
}

// ---- the target watcher ----------------------------------------------------------------------

interface Watched { fd: number; pos: number }

/**
 * Watches a target directory (inotify) and reads each file's new bytes as they appear, holding a
 * descriptor per file so bytes written just before a delete are still counted. Dot files (rsync's
 * temporary files, replay's control directory) are ignored; a file renamed over a name (rsync) is
 * read on from the position reached under that name.
 */
export class TargetLagWatcher {
  readonly parser: RecordParser;
  private inotify: Inotify | null = null;
  private readonly open = new Map<string, Watched>();
  /** Bytes seen of each file life, by name (the writer never reuses a name). */
  readonly seen = new Map<string, number>();
  private readonly buffer = Buffer.allocUnsafe(1024 * 1024);

  constructor(private readonly dir: string, recordSize: number) {
    this.parser = new RecordParser(recordSize);
  }

  start(): void {
    fs.mkdirSync(this.dir, { recursive: true });
    this.inotify = new Inotify((events) => {
      for (const event of events) {
        if (event.mask & IN_Q_OVERFLOW) {
          this.rescan();
          continue;
        }
        const name = event.name;
        if (!name || name.startsWith('.') || event.mask & IN_ISDIR) continue;
        if (event.mask & (IN_CREATE | IN_MOVED_TO)) this.reopen(name);
        else if (event.mask & (IN_DELETE | IN_MOVED_FROM)) this.close(name);
        else this.readNew(name);
      }
    });
    this.inotify.addWatch(this.dir, IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE);
    this.rescan();
  }

  waitForRecords(records: number, timeoutMs: number): Promise<boolean> {
    return waitUntil(() => this.parser.records >= records, timeoutMs);
  }

  stop(): void {
    this.rescan();
    this.inotify?.close();
    this.inotify = null;
    for (const name of [...this.open.keys()]) this.close(name);
  }

  private rescan(): void {
    for (const name of fs.readdirSync(this.dir)) {
      if (name.startsWith('.')) continue;
      if (!this.open.has(name)) this.reopen(name);
      else this.readNew(name);
    }
  }

  /** A (new) file under `name`: read what the old descriptor still holds, then follow the new one. */
  private reopen(name: string): void {
    const old = this.open.get(name);
    if (old) this.drain(name, old);
    let fd: number;
    try {
      fd = fs.openSync(path.join(this.dir, name), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    } catch {
      return; // gone already
    }
    if (!fs.fstatSync(fd).isFile()) {
      fs.closeSync(fd);
      return;
    }
    if (old) fs.closeSync(old.fd);
    const watched = { fd, pos: old?.pos ?? 0 };
    this.open.set(name, watched);
    this.drain(name, watched);
  }

  private readNew(name: string): void {
    const watched = this.open.get(name);
    if (watched) this.drain(name, watched);
    else this.reopen(name);
  }

  private close(name: string): void {
    const watched = this.open.get(name);
    if (!watched) return;
    this.drain(name, watched);
    fs.closeSync(watched.fd);
    this.open.delete(name);
  }

  private drain(name: string, watched: Watched): void {
    for (;;) {
      const n = fs.readSync(watched.fd, this.buffer, 0, this.buffer.length, watched.pos);
      if (n === 0) break;
      this.parser.feed(name, watched.pos, this.buffer.subarray(0, n), process.hrtime.bigint());
      watched.pos += n;
    }
    this.seen.set(name, Math.max(this.seen.get(name) ?? 0, watched.pos));
  }
}

/** Bytes the writer wrote to each file that the watcher never saw on the target. */
export function missingBytes(written: Record<string, number>, seen: ReadonlyMap<string, number>): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const [name, size] of Object.entries(written)) {
    const lost = size - Math.min(size, seen.get(name) ?? 0);
    if (lost > 0) {
      bytes += lost;
      files += 1;
    }
  }
  return { bytes, files };
}

// ---- command line ----------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rate: { type: 'string', default: '0' },
      seconds: { type: 'string' },
      bytes: { type: 'string' },
      'record-size': { type: 'string', default: '4096' },
      'pack-size': { type: 'string', default: String(64 * 1024 * 1024) },
      keep: { type: 'string', default: '4' },
    },
  });
  if (positionals.length !== 1 || (values.seconds === undefined) === (values.bytes === undefined)) {
    process.stderr.write('usage: lag.ts <dir> (--seconds S | --bytes N) [--rate B/s] [--record-size B] [--pack-size B] [--keep N]\n');
    process.exitCode = 2;
    return;
  }
  const summary = await runWriter({
    dir: positionals[0]!,
    rate: Number(values.rate),
    seconds: values.seconds === undefined ? undefined : Number(values.seconds),
    bytes: values.bytes === undefined ? undefined : Number(values.bytes),
    recordSize: Number(values['record-size']),
    packSize: Number(values['pack-size']),
    keep: Number(values.keep),
  }, (startNs) => process.stdout.write(`${JSON.stringify({ event: 'started', startNs: String(startNs) })}\n`));
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`lag writer: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}

// ---- the writer as a child of the benchmark --------------------------------------------------

export interface WriterRun {
  child: TimedChild;
  /** The writer's first write (CLOCK_MONOTONIC ns, comparable with process.hrtime.bigint()). */
  started: Promise<bigint>;
  finished: Promise<{ summary: WriterSummary; result: TimedResult }>;
}

/** Starts the lag writer in its own process (so its pacing never waits on the readers). */
export function startWriter(options: WriterOptions): WriterRun {
  const args = [options.dir, '--rate', String(Math.round(options.rate)), '--record-size', String(options.recordSize),
    '--pack-size', String(options.packSize), '--keep', String(options.keep),
    ...(options.bytes !== undefined ? ['--bytes', String(options.bytes)] : ['--seconds', String(options.seconds ?? 1)])];
  const child = spawnTimed(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], { cwd: REPO });
  const started = waitForOutput(child, /"event":"started"/, 60_000).then((line) => BigInt(JSON.parse(line).startNs as string));
  const finished = child.done.then((result) => {
    if (result.code !== 0) throw new Error(`lag writer exited ${result.code}: ${result.stderr.slice(-2000)}`);
    const line = result.stdout.split('\n').find((l) => l.includes('"event":"done"'));
    if (!line) throw new Error(`lag writer printed no summary: ${result.stdout.slice(-500)}`);
    return { summary: JSON.parse(line) as WriterSummary, result };
  });
  started.catch(() => {});
  finished.catch(() => {});
  return { child, started, finished };
}
