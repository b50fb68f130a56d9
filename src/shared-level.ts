/**
 * One LevelDB shared by several processes: the first to open it hosts it (holds LevelDB's lock and
 * serves a unix socket in its directory), the others are guests over that socket; when the host
 * dies, a guest takes over. This is rave-level's design, built on many-level 2.0.0 (the Level
 * ecosystem's wire protocol) with level@10 as the only LevelDB copy: rave-level 1.0.0 brings its
 * own older classic-level, cannot follow a level@10 host, and drops `sync` for followers.
 *
 * - The socket is `<dir>/journal.sock`, mode 0600, in a directory the journal keeps at 0700.
 * - After every batch it commits (its own or a guest's) the host overwrites `<dir>/notify`, so
 *   readers in any process wake on an inotify event instead of polling.
 * - Guest writes are fsynced on the host: the wire protocol drops `sync`, so the host syncs them all.
 * - A call interrupted by the host's death runs again on the new backend: our writes are
 *   idempotent (the same keys and values), and iterators resume after the last key they yielded.
 */
import { EventEmitter } from 'node:events';
import { chmodSync, closeSync, constants, fsyncSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { Level } from 'level';
import { ManyLevelGuest, ManyLevelHost } from 'many-level';
import { isErrnoException, isLevelLocked } from './errors.js';

export const SOCKET_NAME = 'journal.sock';
/** Entries fetched per iterator call. */
const ITERATOR_BATCH = 256;
export const NOTIFY_NAME = 'notify';
/** Errors that mean "the host went away": the call is made again once a new host is elected. */
const LOST = new Set(['LEVEL_CONNECTION_LOST', 'LEVEL_DATABASE_NOT_OPEN', 'LEVEL_ITERATOR_NOT_OPEN']);
/** How long to wait for a lock holder to start serving before calling the database locked. */
const LOCKED_GIVE_UP_MS = 5000;

type Bytes = Uint8Array;
export type BatchOp = { type: 'put'; key: Bytes; value: Bytes } | { type: 'del'; key: Bytes };
export interface RangeOptions { gt?: Bytes; gte?: Bytes; lt?: Bytes; lte?: Bytes; reverse?: boolean; limit?: number }
type HostDb = Level<Bytes, Bytes>;
type Callback<T> = (err: Error | null, value?: T) => void;

interface Backend { kind: 'host' | 'guest'; db: any; sock?: net.Socket; lost?: boolean } // eslint-disable-line @typescript-eslint/no-explicit-any

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SharedLevel extends EventEmitter {
  role: 'host' | 'guest' | null = null;
  private readonly location: string;
  private readonly socketPath: string;
  private readonly hostOptions: Record<string, unknown>;
  private backend: Backend | null = null;
  private electing: Promise<Backend> | null = null;
  private closed = false;
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private notifyFd: number | null = null;
  private commits = 0n;
  private mark = 0n;
  private readonly stamp = Buffer.alloc(16);
  private readonly markOf: ((ops: readonly BatchOp[]) => bigint) | undefined;

  /**
   * `hostOptions` are level@10's, used when this process hosts (createIfMissing, writeBufferSize).
   * `markOf` gives a batch's mark (the journal: its highest op seq): the host keeps the highest
   * mark committed in the notify file, so a reader can tell that LevelDB lost committed batches.
   */
  constructor(location: string, hostOptions: Record<string, unknown> = {}, markOf?: (ops: readonly BatchOp[]) => bigint) {
    super();
    this.location = path.resolve(location);
    this.socketPath = path.join(this.location, SOCKET_NAME);
    this.hostOptions = hostOptions;
    this.markOf = markOf;
  }

  /** The highest mark any host committed, from the notify file (0 when none was written). */
  readMark(): bigint {
    if (this.notifyFd !== null) return this.mark;
    try {
      const bytes = readFileSync(path.join(this.location, NOTIFY_NAME));
      return bytes.length >= 16 ? bytes.readBigUInt64BE(8) : 0n;
    } catch {
      return 0n;
    }
  }

  async open(): Promise<void> {
    await this.ready();
  }

  async get(key: Bytes): Promise<Bytes | undefined> {
    return this.run(async (b) => {
      if (b.kind === 'host') return (b.db as HostDb).get(key);
      return b.db.get(key).catch((err: { code?: string }) => {
        if (err.code === 'LEVEL_NOT_FOUND') return undefined;
        throw err;
      });
    });
  }

  async batch(ops: BatchOp[], options: { sync?: boolean } = {}): Promise<void> {
    await this.run(async (b) => {
      await b.db.batch(ops, options);
      if (b.kind === 'host') this.notify(ops);
    });
  }

  /** Entries in range, in key order; after a lost host, resumes after the last key yielded. */
  iterator(options: RangeOptions = {}): AsyncGenerator<[Bytes, Bytes]> {
    return this.iterate(options, 'iterator') as AsyncGenerator<[Bytes, Bytes]>;
  }

  keys(options: RangeOptions = {}): AsyncGenerator<Bytes> {
    return this.iterate(options, 'keys') as AsyncGenerator<Bytes>;
  }

  /**
   * Compacts a key range so LevelDB drops what was deleted there and returns the space. Only the
   * host can (many-level has no such call): a guest returns false and the host's own background
   * compaction gets to it in time.
   */
  async compactRange(start: Bytes, end: Bytes): Promise<boolean> {
    return this.run(async (b) => {
      if (b.kind !== 'host') return false;
      // level@10 runs on classic-level, which has compactRange; level's types do not declare it.
      await (b.db as HostDb & { compactRange(start: Bytes, end: Bytes): Promise<void> }).compactRange(start, end);
      return true;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const backend = this.backend;
    this.backend = null;
    if (this.server) {
      for (const socket of this.sockets) socket.destroy();
      await new Promise((resolve) => this.server!.close(resolve)); // removes the socket file
      this.server = null;
    }
    if (this.notifyFd !== null) {
      const fd = this.notifyFd;
      this.notifyFd = null;
      try {
        fsyncSync(fd); // the last mark outlives a cut after this host is gone (see writeStamp)
      } catch {
        // A mark that did not reach the disk only lags (lostOps sees less); it never claims too much.
      }
      closeSync(fd);
    }
    if (backend) await backend.db.close();
    backend?.sock?.destroy();
  }

  private ready(): Promise<Backend> {
    if (this.backend) return Promise.resolve(this.backend);
    this.electing ??= this.elect().finally(() => { this.electing = null; });
    return this.electing;
  }

  /** Joins the host if one serves the socket; otherwise becomes the host. */
  private async elect(): Promise<Backend> {
    const started = Date.now();
    for (;;) {
      if (this.closed) throw Object.assign(new Error('the journal is closed'), { code: 'LEVEL_DATABASE_NOT_OPEN' });
      const socket = await connect(this.socketPath);
      if (socket) return this.becomeGuest(socket);
      const db: HostDb = new Level(this.location, { keyEncoding: 'view', valueEncoding: 'view', ...this.hostOptions });
      try {
        await db.open();
      } catch (err) {
        if (!isLevelLocked(err)) throw err;
        // Locked but not (yet) serving: a host starting up, or a process that does not share.
        if (Date.now() - started > LOCKED_GIVE_UP_MS) throw err;
        await sleep(5 + Math.random() * 10);
        continue;
      }
      return this.becomeHost(db);
    }
  }

  private async becomeHost(db: HostDb): Promise<Backend> {
    try {
      unlinkSync(this.socketPath); // left by a host that was killed
    } catch (err) {
      if (!isErrnoException(err, 'ENOENT')) throw err;
    }
    this.mark = this.readMark(); // the mark only grows, across hosts
    // Rewritten in place, never truncated: a power cut keeps the old stamp or the new, both
    // holding the mark, and the mark is how lostOps() sees ops LevelDB lost after their commit.
    // Synced once here, so a new host's file is durable; per commit, see writeStamp.
    this.notifyFd = openSync(path.join(this.location, NOTIFY_NAME), constants.O_RDWR | constants.O_CREAT, 0o600);
    this.writeStamp();
    fsyncSync(this.notifyFd);
    const host = new ManyLevelHost(callbackAdapter(db, (ops) => this.notify(ops)) as never);
    const server = net.createServer((socket) => {
      this.sockets.add(socket);
      pipeline(socket, host.createRpcStream(), socket, () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.socketPath, () => resolve());
    });
    chmodSync(this.socketPath, 0o600);
    server.unref(); // serving others never keeps this process alive
    this.server = server;
    this.backend = { kind: 'host', db };
    this.role = 'host';
    this.emit('role', 'host');
    return this.backend;
  }

  private async becomeGuest(socket: net.Socket): Promise<Backend> {
    const guest = new ManyLevelGuest({ keyEncoding: 'view', valueEncoding: 'view', retry: false } as never);
    const backend: Backend = { kind: 'guest', db: guest, sock: socket };
    pipeline(socket, guest.createRpcStream({ ref: socket } as never), socket, () => {
      backend.lost = true;
      if (this.backend === backend) this.backend = null;
      guest.close().catch(() => {});
      // Elect at once: the next host must be there for calls in flight and for readers to wake.
      if (!this.closed) this.ready().then(() => this.emit('reconnect'), (err) => this.emit('error', err));
    });
    await guest.open();
    this.backend = backend;
    this.role = 'guest';
    this.emit('role', 'guest');
    return backend;
  }

  private async run<T>(call: (backend: Backend) => Promise<T>): Promise<T> {
    for (;;) {
      const backend = await this.ready();
      try {
        return await call(backend);
      } catch (err) {
        if (this.closed || !(backend.lost || LOST.has((err as { code?: string }).code ?? ''))) throw err;
        if (this.backend === backend) this.backend = null;
      }
    }
  }

  private async *iterate(options: RangeOptions, mode: 'iterator' | 'keys'): AsyncGenerator<unknown> {
    let last: Bytes | null = null;
    let yielded = 0;
    for (;;) {
      const backend = await this.ready();
      const range: RangeOptions = { ...options };
      if (last) {
        if (range.reverse) { delete range.lte; range.lt = last; } else { delete range.gte; range.gt = last; }
        if (range.limit !== undefined && range.limit >= 0) range.limit -= yielded;
      }
      try {
        // nextv: one call into LevelDB's thread per batch of entries, not per entry (8x faster on
        // small ops: tools/bench-inspect.ts).
        const iterator = backend.db[mode](range);
        try {
          for (;;) {
            const items: unknown[] = await iterator.nextv(ITERATOR_BATCH);
            if (items.length === 0) return;
            for (const item of items) {
              last = mode === 'keys' ? (item as Bytes) : (item as [Bytes, Bytes])[0];
              yielded += 1;
              yield item;
            }
          }
        } finally {
          await iterator.close();
        }
      } catch (err) {
        if (this.closed || !(backend.lost || LOST.has((err as { code?: string }).code ?? ''))) throw err;
        if (this.backend === backend) this.backend = null;
      }
    }
  }

  /** Overwrites the notify file: an IN_MODIFY for every reader watching the journal directory. */
  private notify(ops: readonly BatchOp[]): void {
    if (this.notifyFd === null) return;
    this.commits += 1n;
    const mark = this.markOf?.(ops) ?? 0n;
    if (mark > this.mark) this.mark = mark;
    this.writeStamp();
  }

  /**
   * Writes the stamp in place (16 bytes, one sector: a cut keeps the old or the new). Not synced per
   * commit: that would double the fsyncs on the commit path, and a stamp lost with the commit it
   * followed hides nothing, as that commit's ops were synced by LevelDB before it was written. The
   * mark is synced when a host starts and when it closes.
   */
  private writeStamp(): void {
    if (this.notifyFd === null) return;
    this.stamp.writeBigUInt64BE(this.commits, 0);
    this.stamp.writeBigUInt64BE(this.mark, 8);
    writeSync(this.notifyFd, this.stamp, 0, 16, 0);
  }
}

/** Resolves a connected socket, or null when nobody serves (no socket, a stale one, a dying host). */
function connect(socketPath: string): Promise<net.Socket | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    socket.once('connect', () => { socket.removeAllListeners('error'); resolve(socket); });
    socket.once('error', (err: NodeJS.ErrnoException) =>
      (['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(err.code ?? '') ? resolve(null) : reject(err)));
  });
}

/**
 * The callback API (abstract-level 1) that ManyLevelHost 2.0.0 calls, over a level@10 database.
 * Pinned to many-level 2.0.0: which methods the host calls is what this covers.
 */
function callbackAdapter(db: HostDb, onCommit: (ops: BatchOp[]) => void) {
  const settle = <T>(promise: Promise<T>, callback: Callback<T>) => { promise.then((v) => callback(null, v), (e: Error) => callback(e)); };
  const notFound = () => Object.assign(new Error('NotFound'), { code: 'LEVEL_NOT_FOUND' });
  const synced = <T extends object>(options: T) => ({ ...options, sync: true }); // the wire drops `sync`
  const wrap = (it: { nextv(n: number): Promise<unknown[]>; seek(t: unknown, o?: unknown): void; close(): Promise<void> }) => ({
    nextv: (size: number, callback: Callback<unknown[]>) => settle(it.nextv(size), callback),
    seek: (target: unknown, options?: unknown) => it.seek(target, options),
    close: (callback: Callback<void>) => settle(it.close(), callback),
  });
  return {
    supports: { events: {} },
    open: (options: object, callback: Callback<void>) => settle(db.open(options), callback),
    get: (key: Bytes, options: object, callback: Callback<Bytes>) =>
      db.get(key, options).then((value) => (value === undefined ? callback(notFound()) : callback(null, value)), callback),
    getMany: (keys: Bytes[], options: object, callback: Callback<(Bytes | undefined)[]>) => settle(db.getMany(keys, options), callback),
    put: (key: Bytes, value: Bytes, options: object, callback: Callback<void>) => settle(db.put(key, value, synced(options)), callback),
    del: (key: Bytes, options: object, callback: Callback<void>) => settle(db.del(key, synced(options)), callback),
    batch: (ops: BatchOp[], options: object, callback: Callback<void>) =>
      settle(db.batch(ops as never, synced(options)).then(() => onCommit(ops)), callback),
    clear: (options: object, callback: Callback<void>) => settle(db.clear(options), callback),
    iterator: (options: object) => wrap(db.iterator(options) as never),
    keys: (options: object) => wrap(db.keys(options) as never),
    values: (options: object) => wrap(db.values(options) as never),
  };
}
