/**
 * The engine simulator: a stand-in for the RDM engine. We do not have the real one, so this writes a database
 * directory the way docs/rdm-and-inotify.md says RDM does, to give the recorder and replayer a live writer
 * that misbehaves in all the allowed ways. Only this file and packs.ts know what is inside a
 * pack; the code under test must treat pack contents as opaque bytes. `runEngine` runs it in-process;
 * `tools/engine-sim.ts` is its command line (tests that need it in a child process run that).
 *
 * What it imitates
 * - Pack files `p<number>.pack`, the number zero-padded to --name-width. Opened with 'ax' (append,
 *   must not exist yet) and only ever appended to; never written in the middle, renamed or truncated.
 * - Every transaction is split over --writes-per-tx write() calls at pseudo-random points, so a
 *   reader can catch one half-written.
 * - Rotation: a transaction goes into a new pack once the current one is >= --pack-size bytes;
 *   transactions never span packs. With --empty-packs P, a rotation leaves, with probability P, a
 *   pack holding no transaction in the middle of the range (docs/rdm-and-inotify.md: this is normal).
 * - Vacuum: right after a pack is created, the lowest-numbered packs are deleted until at most
 *   --keep remain (0 = never delete).
 * - SIGTERM/SIGINT (or the AbortSignal) stop at the next transaction boundary; SIGKILL can land
 *   between two write() calls of one transaction and leave a torn tail.
 *
 * Restart rule
 * A run never appends to a pack that existed when it started. A pack is created only when a
 * transaction is about to be written into it, so a run's first transaction opens a new pack numbered
 * after the highest present, with the id after the highest whole transaction found. Consequences:
 * - a torn tail left by SIGKILL is never covered up (packs are never truncated); after a restart it
 *   sits at the end of a pack that is no longer the last;
 * - the torn transaction never committed, so the next run re-uses its id. packs.ts accepts
 *   a torn tail in a non-last pack exactly when a later transaction re-uses its id that way.
 *
 * The pack format (frames with checksums) is specified and decoded in packs.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { encodeTransaction, listPackFiles, packName, scanPack, type PackFileEntry } from './packs.js';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: the same seed and options must give byte-identical packs.

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** Uniform in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor((this.nextU32() / 2 ** 32) * (max - min + 1));
  }
  chance(probability: number): boolean {
    return probability > 0 && this.nextU32() / 2 ** 32 < probability;
  }
  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i += 4) {
      const word = this.nextU32();
      for (let k = 0; k < 4 && i + k < length; k++) out[i + k] = (word >>> (8 * k)) & 0xff;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// The database directory as the engine sees it

interface OpenPack {
  number: number;
  fd: number;
  size: number;
}

interface DatabaseCounters {
  transactions: number;
  bytesWritten: number;
  packsCreated: number;
  packsDeleted: number;
}

class SimDatabase {
  /** The packs present, ascending: those found at start (any width) plus those created since. */
  private readonly packs: PackFileEntry[];
  private current: OpenPack | null = null;
  private nextTxId: number;
  readonly counters: DatabaseCounters = { transactions: 0, bytesWritten: 0, packsCreated: 0, packsDeleted: 0 };

  constructor(
    readonly dir: string,
    private readonly config: ResolvedOptions,
    private readonly random: Random,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.packs = listPackFiles(dir);
    this.nextTxId = highestWholeTxId(dir, this.packs) + 1;
  }

  get lastTxId(): number {
    return this.nextTxId - 1;
  }

  packNames(): string[] {
    return this.packs.map((pack) => pack.name);
  }

  writeTransaction(): number {
    const frame = encodeTransaction(this.nextTxId, this.random.bytes(this.randomPayloadSize()));
    const pack = this.packForNextTransaction();
    for (const [start, end] of this.splitPoints(frame.length)) appendAll(pack.fd, frame, start, end);
    if (this.config.fsync) fs.fsyncSync(pack.fd);
    pack.size += frame.length;
    this.nextTxId++;
    this.counters.transactions++;
    this.counters.bytesWritten += frame.length;
    return frame.length;
  }

  close(): void {
    if (this.current) fs.closeSync(this.current.fd);
    this.current = null;
  }

  private randomPayloadSize(): number {
    return this.random.int(this.config.minSize, this.config.maxSize);
  }

  /** Byte ranges of the write() calls one frame is split into. */
  private splitPoints(frameSize: number): Array<[number, number]> {
    const cuts = new Set<number>();
    for (let i = 1; i < this.config.writesPerTx; i++) cuts.add(this.random.int(1, frameSize - 1));
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), frameSize];
    return bounds.slice(1).map((end, i) => [bounds[i]!, end]);
  }

  private packForNextTransaction(): OpenPack {
    if (this.current === null || this.current.size >= this.config.packSize) {
      this.startPack();
      if (this.random.chance(this.config.emptyPacks)) this.startPack();
    }
    return this.current!;
  }

  /** The previous pack is finished before the next exists (docs/rdm-and-inotify.md); vacuum runs only after. */
  private startPack(): void {
    this.close();
    const number = (this.packs.at(-1)?.number ?? 0) + 1;
    const name = packName(number, this.config.nameWidth);
    const fd = fs.openSync(path.join(this.dir, name), 'ax');
    this.current = { number, fd, size: 0 };
    this.packs.push({ name, number });
    this.counters.packsCreated++;
    this.vacuum();
  }

  private vacuum(): void {
    const keep = this.config.keep;
    while (keep > 0 && this.packs.length > keep) {
      fs.unlinkSync(path.join(this.dir, this.packs.shift()!.name));
      this.counters.packsDeleted++;
    }
  }
}

/** 0 when no pack holds a whole transaction. Packs are scanned from the highest down. */
function highestWholeTxId(dir: string, packs: PackFileEntry[]): number {
  for (const pack of [...packs].reverse()) {
    const frames = scanPack(fs.readFileSync(path.join(dir, pack.name))).frames;
    if (frames.length > 0) return frames.at(-1)!.txId;
  }
  return 0;
}

function appendAll(fd: number, data: Buffer, start: number, end: number): void {
  while (start < end) start += fs.writeSync(fd, data, start, end - start);
}

// ---------------------------------------------------------------------------------------------
// Running

export interface EngineOptions {
  dir: string;
  /** Transactions to write; 0 = until durationMs or signal. Default 1000. */
  transactions?: number;
  durationMs?: number;
  /** Transactions per second; 0 = full speed (default). */
  rate?: number;
  /** Payload bytes per transaction, uniform in [minSize, maxSize]. Defaults 64 and 8192. */
  minSize?: number;
  maxSize?: number;
  /** write() calls per transaction. Default 2. */
  writesPerTx?: number;
  /** Rotate once the current pack is at least this many bytes. Default 1 MiB. */
  packSize?: number;
  /** Packs kept by vacuum; 0 = never delete. Default 4. */
  keep?: number;
  /** Probability that a rotation leaves an empty pack behind. Default 0. */
  emptyPacks?: number;
  /** Digits in a pack's name. Default 8. */
  nameWidth?: number;
  seed?: number;
  fsync?: boolean;
  /** Stops the run at the next transaction boundary. */
  signal?: AbortSignal;
}

export interface EngineSummary {
  dir: string;
  transactions: number;
  bytesWritten: number;
  packsCreated: number;
  packsDeleted: number;
  /** Lowest and highest pack present at the end; null when there is none. */
  firstPack: string | null;
  lastPack: string | null;
  /** Highest whole transaction id in the DB, 0 when none. */
  lastTxId: number;
  elapsedMs: number;
}

type ResolvedOptions = Required<Omit<EngineOptions, 'signal' | 'durationMs'>> & { durationMs: number | null };

/** At full speed, let the caller's event loop run this often. */
const YIELD_EVERY_TRANSACTIONS = 16;
const YIELD_EVERY_BYTES = 1 << 20;

export async function runEngine(opts: EngineOptions): Promise<EngineSummary> {
  const config = resolveOptions(opts);
  const db = new SimDatabase(opts.dir, config, new Random(config.seed));
  const started = performance.now();
  const deadline = config.durationMs === null ? Infinity : started + config.durationMs;
  const shouldStop = (written: number) =>
    opts.signal?.aborted === true ||
    (config.transactions > 0 && written >= config.transactions) ||
    performance.now() >= deadline;
  let bytesSinceYield = 0;
  try {
    for (let written = 0; !shouldStop(written); written++) {
      if (config.rate > 0) {
        await sleepUntil(Math.min(deadline, started + (written * 1000) / config.rate), opts.signal);
        if (shouldStop(written)) break;
      } else if (written % YIELD_EVERY_TRANSACTIONS === 0 || bytesSinceYield >= YIELD_EVERY_BYTES) {
        await yieldToEventLoop();
        bytesSinceYield = 0;
        if (shouldStop(written)) break;
      }
      bytesSinceYield += db.writeTransaction();
    }
  } finally {
    db.close();
  }
  const packs = db.packNames();
  return {
    dir: opts.dir,
    ...db.counters,
    firstPack: packs[0] ?? null,
    lastPack: packs.at(-1) ?? null,
    lastTxId: db.lastTxId,
    elapsedMs: Math.round(performance.now() - started),
  };
}

export function resolveOptions(opts: EngineOptions): ResolvedOptions {
  const config: ResolvedOptions = {
    dir: opts.dir,
    transactions: opts.transactions ?? 1000,
    durationMs: opts.durationMs ?? null,
    rate: opts.rate ?? 0,
    minSize: opts.minSize ?? 64,
    maxSize: opts.maxSize ?? 8192,
    writesPerTx: opts.writesPerTx ?? 2,
    packSize: opts.packSize ?? 1 << 20,
    keep: opts.keep ?? 4,
    emptyPacks: opts.emptyPacks ?? 0,
    nameWidth: opts.nameWidth ?? 8,
    seed: opts.seed ?? 1,
    fsync: opts.fsync ?? false,
  };
  const wholeNumbers = ['transactions', 'minSize', 'maxSize', 'packSize', 'keep', 'nameWidth', 'seed'] as const;
  for (const key of wholeNumbers) {
    if (!Number.isInteger(config[key]) || config[key] < 0) throw new RangeError(`${key} must be a whole number >= 0, got ${config[key]}`);
  }
  if (!Number.isInteger(config.writesPerTx) || config.writesPerTx < 1) throw new RangeError(`writesPerTx must be >= 1`);
  if (config.maxSize < config.minSize) throw new RangeError(`maxSize ${config.maxSize} is below minSize ${config.minSize}`);
  if (!(config.rate >= 0)) throw new RangeError(`rate must be >= 0, got ${config.rate}`);
  if (!(config.emptyPacks >= 0 && config.emptyPacks <= 1)) throw new RangeError(`emptyPacks must be within 0..1`);
  if (config.durationMs !== null && !(config.durationMs >= 0)) throw new RangeError(`durationMs must be >= 0`);
  return config;
}

/** A timer, not a busy loop; an abort ends the wait early so a stop is prompt at low rates. */
function sleepUntil(time: number, signal: AbortSignal | undefined): Promise<void> {
  const delay = time - performance.now();
  if (delay <= 0 || signal?.aborted) return yieldToEventLoop();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, delay);
    signal?.addEventListener('abort', done, { once: true });
  });
}
