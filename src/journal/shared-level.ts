/**
 * One LevelDB shared by several processes: the first to open it hosts it (holds LevelDB's lock and
 * serves a unix socket in its directory), the others are guests over that socket; when the host
 * dies, a guest takes over. This is rave-level's design, built on many-level 2.0.0 (the Level
 * ecosystem's wire protocol) with level@10 as the only LevelDB copy: rave-level 1.0.0 brings its
 * own older classic-level, cannot follow a level@10 host, and drops `sync` for followers.
 *
 * - The socket is `<dir>/journal.sock`, mode 0600, in a directory the journal keeps at 0700.
 * - After every batch it commits (its own or a guest's) the host rewrites `<dir>/notify`, so
 *   readers in any process wake on an inotify event instead of polling (commit-notify.ts).
 * - Guest writes are fsynced on the host: the wire protocol drops `sync`, so the host syncs them all.
 * - A call interrupted by the host's death runs again on the new backend: our writes are
 *   idempotent (the same keys and values), and iterators resume after the last key they yielded.
 * - The journal's writer always hosts (`claimHosting`): a guest cannot take over from a host that
 *   is stopped (SIGSTOP, Ctrl-Z), because a stopped process keeps its LevelDB lock and the kernel
 *   still accepts connections on its socket; so the writer never depends on another process. It
 *   asks the host over `<dir>/handover.sock`; the host stops serving, closes LevelDB and rejoins as
 *   a guest. While a writer holds its lock, the others wait for its socket instead of opening
 *   LevelDB (`yieldsHosting`), so the lock goes to the writer, not back to whoever grabs it first.
 * - A guest's calls are watched: after HOST_CHECK_MS the host's state is read from /proc (its pid
 *   is in the notify file); a stopped host, or one silent for HOST_SILENT_GIVE_UP_MS, fails the
 *   call with JOURNAL_HOST_STOPPED instead of hanging. The connection is kept: after `kill -CONT`
 *   the host answers again.
 */
import { EventEmitter } from 'node:events';
import { chmodSync, readFileSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { Level } from 'level';
import type { ManyLevelHost } from 'many-level';
import { RdmJournalError, isErrnoException, isLevelLocked } from '../errors.js';
import { CommitStamp, readCommitStamp } from './commit-notify.js';

export const SOCKET_NAME = 'journal.sock';
/** Where the host takes requests to hand hosting over (one line: `handover`; answer `ok`). */
export const HANDOVER_NAME = 'handover.sock';
/** Entries fetched per iterator call. */
const ITERATOR_BATCH = 256;
/** Errors that mean "the host went away": the call is made again once a new host is elected. */
const LOST = new Set(['LEVEL_CONNECTION_LOST', 'LEVEL_DATABASE_NOT_OPEN', 'LEVEL_ITERATOR_NOT_OPEN']);
/** How long to wait for a lock holder to start serving before calling the database locked. */
const LOCKED_GIVE_UP_MS = 5000;
/** How long others wait for the writer's socket before opening LevelDB themselves (a stopped writer). */
const YIELD_GIVE_UP_MS = 2000;
/** A guest's call pending this long makes it look at the host's state, every HOST_POLL_MS. */
const HOST_CHECK_MS = 2000;
const HOST_POLL_MS = 250;
/** A running host that has not answered a call for this long is reported as not answering. */
const HOST_SILENT_GIVE_UP_MS = 60_000;

type Bytes = Uint8Array;
export type BatchOp = { type: 'put'; key: Bytes; value: Bytes } | { type: 'del'; key: Bytes };
export interface RangeOptions { gt?: Bytes; gte?: Bytes; lt?: Bytes; lte?: Bytes; reverse?: boolean; limit?: number }
type HostDb = Level<Bytes, Bytes>;
type Callback<T> = (err: Error | null, value?: T) => void;

interface Backend { kind: 'host' | 'guest'; db: any; sock?: net.Socket; lost?: boolean } // eslint-disable-line @typescript-eslint/no-explicit-any

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SharingOptions {
  /** Whether a writer in another process should host: then this one waits for its socket. */
  yieldsHosting?: () => Promise<boolean>;
  /** Turns a failed (re-)election into the caller's domain error. */
  electionFailure?: (err: unknown) => Error;
}

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
  /** Set while this process hosts: the stamp it rewrites after every commit. */
  private stamp: CommitStamp | null = null;
  private readonly markOf: ((ops: readonly BatchOp[]) => bigint) | undefined;
  private readonly sharing: SharingOptions;
  /** Set by `claimHosting`: this process is the writer and hosts, never a guest for long. */
  private wantsToHost = false;
  private handoverServer: net.Server | null = null;

  /**
   * `hostOptions` are level@10's, used when this process hosts (createIfMissing, writeBufferSize).
   * `markOf` gives a batch's mark (the journal: its highest op seq): the host keeps the highest
   * mark committed in the notify file, so a reader can tell that LevelDB lost committed batches.
   */
  constructor(location: string, hostOptions: Record<string, unknown> = {}, markOf?: (ops: readonly BatchOp[]) => bigint,
    sharing: SharingOptions = {}) {
    super();
    this.sharing = sharing;
    this.location = path.resolve(location);
    this.socketPath = path.join(this.location, SOCKET_NAME);
    this.hostOptions = hostOptions;
    this.markOf = markOf;
  }

  /** The highest mark any host committed, from the notify file (0 when none was written). */
  readMark(): bigint {
    return this.stamp?.mark ?? readCommitStamp(this.location).mark;
  }

  async open(): Promise<void> {
    await this.ready();
  }

  /**
   * Makes this process the host, asking the current host to hand over; for the journal's writer,
   * which must not wait on a reader that is stopped. Fails with JOURNAL_HOST_STOPPED when the
   * host does not answer because it is stopped.
   */
  async claimHosting(): Promise<void> {
    this.wantsToHost = true;
    const backend = await this.ready();
    if (backend.kind === 'host') return;
    // Dropping our connection makes the next election ask the host to hand over. A host that
    // cannot (an older one, or one closing) keeps us as its guest: we host once it exits.
    backend.lost = true;
    if (this.backend === backend) this.backend = null;
    const hosting = this.ready();
    backend.sock?.destroy();
    await hosting;
  }

  async get(key: Bytes): Promise<Bytes | undefined> {
    return this.run(async (b) => {
      if (b.kind === 'host') return (b.db as HostDb).get(key);
      return this.watched<Bytes | undefined>(b.db.get(key)).catch((err: { code?: string }) => {
        if (err.code === 'LEVEL_NOT_FOUND') return undefined;
        throw err;
      });
    });
  }

  async batch(ops: BatchOp[], options: { sync?: boolean } = {}): Promise<void> {
    await this.run(async (b) => {
      if (b.kind === 'guest') return this.watched(b.db.batch(ops, options));
      await b.db.batch(ops, options);
      this.notify(ops);
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
    await this.stopServing();
    if (backend) await backend.db.close();
    backend?.sock?.destroy();
  }

  /** Stops serving guests (they elect again) and writing the notify file. */
  private async stopServing(): Promise<void> {
    this.handoverServer?.close();
    this.handoverServer = null;
    if (this.server) {
      const server = this.server;
      this.server = null;
      for (const socket of this.sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve)); // removes the socket file
    }
    this.stamp?.close();
    this.stamp = null;
  }

  private ready(): Promise<Backend> {
    if (this.backend) return Promise.resolve(this.backend);
    this.electing ??= this.elect().catch((err) => { throw this.sharing.electionFailure?.(err) ?? err; })
      .finally(() => { this.electing = null; });
    return this.electing;
  }

  /**
   * The writer asked for hosting: stop serving, close LevelDB, and join the writer as a guest.
   * Our own calls wait for that (the election is set before anything else happens); those in
   * flight on the closed database fail as lost and run again on the writer's host.
   */
  private handOver(backend: Backend, answer: net.Socket): void {
    backend.lost = true;
    this.backend = null;
    this.role = null;
    this.electing = (async () => {
      // Unlinked first: a guest connecting from now on finds no host and waits for the writer.
      try { unlinkSync(this.socketPath); } catch { /* already gone */ }
      await this.stopServing();
      await backend.db.close();
      answer.end('ok\n');
      return this.elect();
    })().catch((err) => { throw this.sharing.electionFailure?.(err) ?? err; })
      .finally(() => { this.electing = null; });
    this.electing.then(() => this.emit('reconnect'), () => this.emit('reconnect'));
  }

  /** Joins the host if one serves the socket; otherwise becomes the host. */
  private async elect(): Promise<Backend> {
    const started = Date.now();
    let yields: boolean | null = null; // asked once per election: it opens a lock
    for (;;) {
      if (this.closed) throw Object.assign(new Error('the journal is closed'), { code: 'LEVEL_DATABASE_NOT_OPEN' });
      const socket = await connect(this.socketPath);
      if (socket && this.wantsToHost) {
        socket.destroy();
        if (await this.askHandover()) continue; // the host lets go of the lock: open it next
        const again = await connect(this.socketPath); // a host that cannot hand over: be its guest
        if (again) return this.becomeGuest(again);
        continue;
      }
      if (socket) return this.becomeGuest(socket);
      if (!this.wantsToHost && Date.now() - started < YIELD_GIVE_UP_MS) {
        yields ??= (await this.sharing.yieldsHosting?.()) ?? false;
        if (yields) { // the writer is taking over: its socket comes next
          await sleep(5 + Math.random() * 10);
          continue;
        }
      }
      const { Level } = await import('./level-module.js'); // loaded by hosts only: a guest never opens LevelDB
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
    this.stamp = CommitStamp.open(this.location); // the mark only grows, across hosts
    const backend: Backend = { kind: 'host', db };
    await this.serveHandover(backend);
    // many-level is loaded when the first guest connects: a host nobody joins (a `status` alone,
    // most often) never loads it. The guest's requests wait in its socket meanwhile.
    let host: Promise<ManyLevelHost> | null = null;
    const server = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.on('error', () => {}); // before the pipeline is attached; then the pipeline reports errors
      host ??= import('./many-level-module.js').then(({ ManyLevelHost }) => new ManyLevelHost(callbackAdapter(db, (ops) => this.notify(ops)) as never));
      host.then((serving) => pipeline(socket, serving.createRpcStream(), socket, () => this.sockets.delete(socket)),
        () => { socket.destroy(); this.sockets.delete(socket); });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.socketPath, () => resolve());
    });
    chmodSync(this.socketPath, 0o600);
    server.unref(); // serving others never keeps this process alive
    this.server = server;
    this.backend = backend;
    this.role = 'host';
    this.emit('role', 'host');
    return this.backend;
  }

  private async becomeGuest(socket: net.Socket): Promise<Backend> {
    socket.on('error', () => {}); // while many-level loads; then the pipeline reports errors
    const { ManyLevelGuest } = await import('./many-level-module.js'); // loaded by guests only, when they join
    const guest = new ManyLevelGuest({ keyEncoding: 'view', valueEncoding: 'view', retry: false } as never);
    const backend: Backend = { kind: 'guest', db: guest, sock: socket };
    pipeline(socket, guest.createRpcStream({ ref: socket } as never), socket, () => {
      backend.lost = true;
      if (this.backend === backend) this.backend = null;
      guest.close().catch(() => {});
      // Elect at once: the next host must be there for calls in flight and for readers to wake.
      // A failed election is no event of its own: woken readers call again, elect again and get
      // the error from that call, where it is handled (an 'error' event nobody listens to kills).
      if (!this.closed) this.ready().then(() => this.emit('reconnect'), () => this.emit('reconnect'));
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
        const watch = <T>(call: Promise<T>) => (backend.kind === 'guest' ? this.watched(call) : call);
        let failed = false;
        try {
          for (;;) {
            const items: unknown[] = await watch<unknown[]>(iterator.nextv(ITERATOR_BATCH)).catch((err) => { failed = true; throw err; });
            if (items.length === 0) return;
            for (const item of items) {
              last = mode === 'keys' ? (item as Bytes) : (item as [Bytes, Bytes])[0];
              yielded += 1;
              yield item;
            }
          }
        } finally {
          // After a failed call the host may not answer a close either: do not wait for it.
          if (failed) iterator.close().catch(() => {});
          else await watch(iterator.close());
        }
      } catch (err) {
        if (this.closed || !(backend.lost || LOST.has((err as { code?: string }).code ?? ''))) throw err;
        if (this.backend === backend) this.backend = null;
      }
    }
  }

  /** After a commit: the stamp's rewrite wakes every reader watching the journal (commit-notify.ts). */
  private notify(ops: readonly BatchOp[]): void {
    this.stamp?.committed(this.markOf?.(ops) ?? 0n);
  }

  /**
   * A guest's call, failed with JOURNAL_HOST_STOPPED when the host is stopped (or silent too
   * long) instead of waiting for ever. A running host is waited for: a slow disk is no failure.
   */
  private watched<T>(call: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const started = Date.now();
      const timer = setInterval(() => {
        const waited = Date.now() - started;
        if (waited < HOST_CHECK_MS) return;
        const stalled = this.hostStalled(waited);
        if (stalled) { clearInterval(timer); reject(stalled); }
      }, HOST_POLL_MS);
      call.then((value) => { clearInterval(timer); resolve(value); }, (err) => { clearInterval(timer); reject(err); });
    });
  }

  private hostStalled(waited: number): RdmJournalError | null {
    const pid = readCommitStamp(this.location).pid;
    const state = pid === null ? null : processState(pid);
    const stopped = state === 'T' || state === 't';
    if (!stopped && waited < HOST_SILENT_GIVE_UP_MS) return null;
    const who = pid === null ? 'the process hosting it' : `process ${pid}, which hosts it,`;
    return new RdmJournalError('JOURNAL_HOST_STOPPED',
      `journal ${this.location}: ${who} ${stopped ? 'is stopped' : 'does not answer'} (a call waited ${Math.round(waited / 1000)} s)`,
      { hint: pid === null ? 'find the rdm-journal process using this journal and resume it (kill -CONT) or stop it' :
        `resume it with \`kill -CONT ${pid}\`, or stop it (\`kill ${pid}\`): another process then takes over` });
  }

  /** Serves `handover.sock`: a writer's request makes this host hand hosting over. */
  private async serveHandover(backend: Backend): Promise<void> {
    const file = path.join(this.location, HANDOVER_NAME);
    try { unlinkSync(file); } catch (err) { if (!isErrnoException(err, 'ENOENT')) throw err; }
    const server = net.createServer((conn) => {
      conn.on('error', () => {});
      conn.setEncoding('utf8');
      conn.once('data', (line: string) => {
        if (line.trim() !== 'handover' || this.backend !== backend || this.closed) conn.end('no\n');
        else this.handOver(backend, conn);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(file, () => resolve());
    });
    chmodSync(file, 0o600);
    server.unref();
    this.handoverServer = server;
  }

  /**
   * Asks the host to hand hosting over; true once it let go of LevelDB, false when it cannot (no
   * handover socket: an older host). Fails with JOURNAL_HOST_STOPPED when the host is stopped.
   */
  private async askHandover(): Promise<boolean> {
    const conn = await connect(path.join(this.location, HANDOVER_NAME));
    if (!conn) return false;
    const answer = new Promise<boolean>((resolve) => {
      let text = '';
      conn.setEncoding('utf8');
      conn.on('data', (chunk: string) => { text += chunk; });
      conn.on('error', () => resolve(false));
      conn.on('close', () => resolve(text.trim() === 'ok'));
    });
    conn.end('handover\n');
    try {
      return await this.watched(answer);
    } finally {
      conn.destroy();
    }
  }
}

/** A process's state letter from /proc (R, S, D, T stopped, t traced, Z...), or null when gone. */
function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) || null;
  } catch {
    return null;
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
