import { spawnSync } from 'node:child_process';
import {
  closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync,
  renameSync, rmSync, unlinkSync, writeFileSync, writeSync, appendFileSync, readSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  Inotify, type InotifyEvent, describeMask, IN_CLOSE_WRITE, IN_CREATE, IN_DELETE, IN_DELETE_SELF,
  IN_IGNORED, IN_ISDIR, IN_MODIFY, IN_ONLYDIR, IN_MOVED_FROM, IN_MOVED_TO, IN_Q_OVERFLOW,
} from '../src/native/index.js';

// The same addon instance the wrapper loaded (require caches by path); used for
// its leak counter and by child processes and workers that cannot run tsx.
const addonPath = createRequire(import.meta.url).resolve('../build/Release/rdm_native.node');
const addon = createRequire(import.meta.url)(addonPath) as {
  Inotify: new (onEvents: (events: InotifyEvent[]) => void) => Pick<Inotify, 'addWatch' | 'close'>;
  liveInstances(): number;
};

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Let uv_close callbacks and napi finalizers run, so freed instances are counted as freed. */
async function collectGarbage(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await turn();
    gc();
  }
  await turn();
}

function inotifyFds(): number[] {
  const fds: number[] = [];
  for (const name of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${name}`) === 'anon_inode:inotify') fds.push(Number(name));
    } catch {
      // the fd of the readdir itself is gone by now
    }
  }
  return fds;
}

/** Records every batch; waitFor resolves once the events seen so far satisfy a predicate. */
class EventLog {
  readonly events: InotifyEvent[] = [];
  readonly batches: number[] = [];
  #waiter: (() => void) | undefined;
  readonly onEvents = (batch: InotifyEvent[]): void => {
    this.batches.push(batch.length);
    this.events.push(...batch);
    this.#waiter?.();
  };

  waitFor(done: (events: InotifyEvent[]) => boolean, ms = 3000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        const seen = this.events.slice(-20).map((e) => `${e.wd}:${describeMask(e.mask)}:${e.name}`);
        reject(new Error(`timed out after ${ms} ms; last events: ${seen.join(', ')}`));
      }, ms);
      this.#waiter = () => {
        if (!done(this.events)) return;
        clearTimeout(timer);
        this.#waiter = undefined;
        resolve();
      };
      this.#waiter();
    });
  }
}

const has = (mask: number, name?: string) => (events: InotifyEvent[]) =>
  events.some((e) => (e.mask & mask) !== 0 && (name === undefined || e.name === name));

let dir = '';
const open: Inotify[] = [];
function watcher(onEvents: (batch: InotifyEvent[]) => void): Inotify {
  const ino = new Inotify(onEvents);
  open.push(ino);
  return ino;
}

test.before.each(() => {
  dir = mkdtempSync(join(tmpdir(), 'rdm-inotify-'));
});
test.after.each(() => {
  for (const ino of open.splice(0)) ino.close();
  rmSync(dir, { recursive: true, force: true });
});

test('openCreated: a file created, written and deleted while the JS thread is blocked is still held open, its bytes readable', async () => {
  const log = new EventLog();
  const ino = new Inotify(log.onEvents, { openCreated: true });
  open.push(ino);
  ino.addWatch(dir, IN_CREATE | IN_MODIFY | IN_DELETE | IN_MOVED_TO);
  mkdirSync(join(dir, 'sub'));
  // Another process creates, fills and deletes two packs while this thread spins: only a thread
  // that opens at IN_CREATE can hold them (the uv_poll instance would see them gone).
  const script = `printf 'first pack' > ${dir}/p1.pack; printf 'second' > ${dir}/p2.pack.tmp; mv ${dir}/p2.pack.tmp ${dir}/p2.pack; rm ${dir}/p1.pack ${dir}/p2.pack`;
  const child = spawnSync('sh', ['-c', script]);
  assert.is(child.status, 0);
  await log.waitFor(has(IN_DELETE, 'p2.pack'));
  const opened = log.events.filter((e) => e.fd !== undefined);
  assert.equal(opened.map((e) => [describeMask(e.mask), e.name]),
    [['IN_CREATE', 'p1.pack'], ['IN_CREATE', 'p2.pack.tmp'], ['IN_MOVED_TO', 'p2.pack']], 'fds come with creates and moves-in of files only');
  assert.ok(!log.events.some((e) => e.name === 'sub' && e.fd !== undefined), 'directories are not opened');
  const read = (fd: number) => {
    const buf = Buffer.alloc(64);
    const n = readSync(fd, buf, 0, 64, 0);
    closeSync(fd);
    return buf.subarray(0, n).toString();
  };
  // p1.pack was opened at its IN_CREATE, before the shell wrote it: the descriptor sees the bytes.
  assert.is(read(opened[0]!.fd!), 'first pack');
  assert.ok(opened[1]!.fd! >= 0 || opened[1]!.fd === -2, 'the temporary name: opened or already gone (ENOENT)');
  if (opened[1]!.fd! >= 0) closeSync(opened[1]!.fd!);
  assert.is(read(opened[2]!.fd!), 'second');
  assert.ok(readdirSync(dir).every((name) => name === 'sub'), 'both packs were deleted before JS looked');
});

test('openCreated: close() joins the thread and closes descriptors never delivered', async () => {
  const before = readdirSync('/proc/self/fd').length;
  for (let i = 0; i < 20; i++) {
    const ino = new Inotify(() => {}, { openCreated: true });
    ino.addWatch(dir, IN_CREATE);
    writeFileSync(join(dir, `f${i}`), 'x'); // opened by the thread; close() runs before delivery
    ino.close();
  }
  await turn();
  assert.is(readdirSync('/proc/self/fd').length, before, 'no descriptor left behind');
});

test('create, modify and delete of a file arrive with its name and masks', async () => {
  const log = new EventLog();
  const ino = watcher(log.onEvents);
  const wd = ino.addWatch(dir, IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_DELETE);
  writeFileSync(join(dir, 'p1.pack'), 'a');
  appendFileSync(join(dir, 'p1.pack'), 'b');
  unlinkSync(join(dir, 'p1.pack'));
  mkdirSync(join(dir, 'sub'));
  await log.waitFor(has(IN_CREATE, 'sub'));

  const file = log.events.filter((e) => e.name === 'p1.pack');
  assert.ok(log.events.every((e) => e.wd === wd && e.cookie === 0));
  assert.is(file[0]?.mask, IN_CREATE);
  assert.is(file.at(-1)?.mask, IN_DELETE);
  assert.ok(file.some((e) => e.mask === IN_MODIFY));
  assert.ok(file.some((e) => e.mask === IN_CLOSE_WRITE));
  assert.is(log.events.at(-1)?.mask, IN_CREATE | IN_ISDIR);
  assert.is(describeMask(IN_CREATE | IN_ISDIR), 'IN_CREATE|IN_ISDIR');
});

test('rename within the dir pairs MOVED_FROM and MOVED_TO by a non-zero cookie', async () => {
  const log = new EventLog();
  watcher(log.onEvents).addWatch(dir, IN_MOVED_FROM | IN_MOVED_TO);
  writeFileSync(join(dir, 'a'), '');
  writeFileSync(join(dir, 'c'), '');
  renameSync(join(dir, 'a'), join(dir, 'b'));
  renameSync(join(dir, 'c'), join(dir, 'd'));
  await log.waitFor(has(IN_MOVED_TO, 'd'));

  const [fromA, toB, fromC, toD] = log.events;
  assert.equal([fromA?.mask, fromA?.name, toB?.mask, toB?.name], [IN_MOVED_FROM, 'a', IN_MOVED_TO, 'b']);
  assert.equal([fromC?.name, toD?.name], ['c', 'd']);
  assert.ok(fromA!.cookie !== 0);
  assert.is(toB?.cookie, fromA?.cookie);
  assert.is(toD?.cookie, fromC?.cookie);
  assert.ok(fromC!.cookie !== fromA!.cookie);
});

test('removing the watched dir reports DELETE_SELF then IGNORED, and removeWatch after is a no-op', async () => {
  const log = new EventLog();
  const ino = watcher(log.onEvents);
  const watched = join(dir, 'DB.rdm');
  mkdirSync(watched);
  const wd = ino.addWatch(watched, IN_DELETE_SELF);
  rmSync(watched, { recursive: true });
  await log.waitFor(has(IN_IGNORED));

  assert.equal(log.events.map((e) => [e.wd, e.mask, e.name]), [[wd, IN_DELETE_SELF, ''], [wd, IN_IGNORED, '']]);
  ino.removeWatch(wd); // the kernel dropped it already: EINVAL, ignored
});

test('removeWatch stops a live watch: IN_IGNORED arrives, later changes do not', async () => {
  const log = new EventLog();
  const ino = watcher(log.onEvents);
  mkdirSync(join(dir, 'witness'));
  const wd = ino.addWatch(dir, IN_CREATE);
  const witness = ino.addWatch(join(dir, 'witness'), IN_CREATE);
  ino.removeWatch(wd);
  // The kernel queues in order: an event for 'after-remove' would precede the witness's.
  writeFileSync(join(dir, 'after-remove'), '');
  writeFileSync(join(dir, 'witness', 'w'), '');
  await log.waitFor(has(IN_CREATE, 'w'));
  assert.equal(log.events.map((e) => [e.wd, e.mask, e.name]), [[wd, IN_IGNORED, ''], [witness, IN_CREATE, 'w']]);
});

test('a full kernel queue is reported as one IN_Q_OVERFLOW with wd -1, and events resume after it', async () => {
  const max = Number(readFileSync('/proc/sys/fs/inotify/max_queued_events', 'utf8'));
  const log = new EventLog();
  watcher(log.onEvents).addWatch(dir, IN_MODIFY);
  const a = openSync(join(dir, 'a'), 'w');
  const b = openSync(join(dir, 'b'), 'w');
  try {
    // Synchronous, so the loop cannot read while the queue fills. Alternating
    // files because the kernel merges an event identical to the queue's last.
    for (let i = 0; i < max + 100; i++) writeSync(i % 2 === 0 ? a : b, 'x');
    await log.waitFor(has(IN_Q_OVERFLOW));
    writeSync(a, 'after overflow');
    await log.waitFor((events) => events.at(-1)?.mask === IN_MODIFY && events.at(-1)?.name === 'a');
  } finally {
    closeSync(a);
    closeSync(b);
  }

  const overflows = log.events.filter((e) => e.mask & IN_Q_OVERFLOW);
  assert.equal(overflows, [{ wd: -1, mask: IN_Q_OVERFLOW, cookie: 0, name: '' }]);
  const modifies = log.events.filter((e) => e.mask === IN_MODIFY).length;
  assert.ok(modifies <= max + 1, `${modifies} events for a queue of ${max}`);
  assert.ok(log.batches[0]! > 1, 'events are delivered in batches');
});

test('close releases the inotify fd at once and is idempotent', () => {
  const before = inotifyFds();
  const ino = watcher(() => {});
  const fd = ino.fd;
  assert.equal(inotifyFds(), [...before, fd].sort((a, b) => a - b));
  ino.close();
  ino.close();
  assert.ok(ino.closed);
  assert.is(ino.fd, -1);
  assert.equal(inotifyFds(), before);
  let link = '';
  try {
    link = readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    // ENOENT: nothing reuses the number
  }
  assert.is.not(link, 'anon_inode:inotify');
});

test('addWatch after close throws ERR_INOTIFY_CLOSED; removeWatch is a no-op', () => {
  const ino = watcher(() => {});
  ino.close();
  assert.throws(() => ino.addWatch(dir, IN_CREATE), (err: NodeJS.ErrnoException) => err.code === 'ERR_INOTIFY_CLOSED');
  ino.removeWatch(1);
});

test('addWatch on a missing path throws ENOENT naming the path', () => {
  const ino = watcher(() => {});
  const missing = join(dir, 'no-such-dir');
  try {
    ino.addWatch(missing, IN_CREATE);
    assert.unreachable('addWatch should throw');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    assert.instance(e, Error);
    assert.is(e.code, 'ENOENT');
    assert.is(e.errno, -2);
    assert.is(e.syscall, 'inotify_add_watch');
    assert.is(e.path, missing);
    assert.ok(e.message.includes(missing), e.message);
  }
  writeFileSync(join(dir, 'file'), '');
  assert.throws(() => ino.addWatch(join(dir, 'file'), IN_CREATE | IN_ONLYDIR), (err: NodeJS.ErrnoException) => err.code === 'ENOTDIR');
});

test('running out of descriptors makes the constructor throw EMFILE from inotify_init1', () => {
  // A low RLIMIT_NOFILE in a child, not max_user_instances: that budget is
  // shared with every process of this user.
  const script =
    `const { Inotify } = require(${JSON.stringify(addonPath)}); const all = [];` +
    `try { for (;;) all.push(new Inotify(() => {})); }` +
    `catch (e) { console.log(JSON.stringify({ code: e.code, syscall: e.syscall, message: e.message, opened: all.length })); }` +
    `for (const ino of all) ino.close();`;
  const child = spawnSync('sh', ['-c', 'ulimit -n 40 && exec "$0" -e "$1"', process.execPath, script], { timeout: 10_000 });
  const result = JSON.parse(child.stdout.toString()) as { code: string; syscall: string; message: string; opened: number };
  assert.is(result.code, 'EMFILE');
  assert.is(result.syscall, 'inotify_init1');
  assert.ok(result.message.startsWith('EMFILE: too many open files, inotify_init1'), result.message);
  assert.ok(result.opened > 0 && result.opened < 40);
});

// Not inline in the async test: a suspended async function keeps its registers,
// and so the last instance, reachable.
function cycle(times: number): void {
  for (let i = 0; i < times; i++) {
    const ino = new Inotify(() => {});
    ino.addWatch(dir, IN_CREATE);
    ino.close();
  }
}

test('1000 open/addWatch/close cycles leak no fd, no native instance and little memory', async () => {
  await collectGarbage();
  const fdsBefore = inotifyFds().length;
  const liveBefore = addon.liveInstances();
  const rssBefore = process.memoryUsage.rss();
  cycle(1000);
  assert.is(inotifyFds().length, fdsBefore);
  assert.ok(addon.liveInstances() >= liveBefore + 900, 'structs live until uv_close and GC');
  await collectGarbage();
  assert.ok(addon.liveInstances() <= liveBefore, `${addon.liveInstances() - liveBefore} instances leaked`);
  const growth = process.memoryUsage.rss() - rssBefore;
  assert.ok(growth < 20 * 1024 * 1024, `RSS grew ${growth} bytes`);
});

test('an open native handle stays alive without JS references and is freed once closed', async () => {
  await collectGarbage();
  const liveBefore = addon.liveInstances();
  const log = new EventLog();
  const weak = (() => {
    const ino = new addon.Inotify(log.onEvents); // the callback does not reference it
    ino.addWatch(dir, IN_CREATE);
    return new WeakRef(ino);
  })();
  await collectGarbage();
  assert.is(addon.liveInstances(), liveBefore + 1);
  writeFileSync(join(dir, 'p2.pack'), '');
  await log.waitFor(has(IN_CREATE, 'p2.pack'));
  weak.deref()?.close();
  await collectGarbage();
  assert.is(weak.deref(), undefined);
  assert.is(addon.liveInstances(), liveBefore);
});

test('an open Inotify stays reachable while open, like a listening socket', async () => {
  const log = new EventLog();
  const weak = (() => {
    const ino = new Inotify(log.onEvents);
    ino.addWatch(dir, IN_CREATE);
    return new WeakRef(ino);
  })();
  await collectGarbage();
  const ino = weak.deref();
  assert.ok(ino, 'collected while open');
  open.push(ino);
});

test('nextTicks and microtasks queued by a callback run before the next I/O callback', async () => {
  // Two instances become readable in the same epoll wakeup. Node only drains
  // nextTicks/microtasks between them if each call went through
  // napi_make_callback; a bare napi_call_function defers them to the check phase.
  const order: string[] = [];
  const log = new EventLog();
  const ticking = (id: string) => (batch: InotifyEvent[]) => {
    order.push(id);
    process.nextTick(() => order.push(`${id}:nextTick`));
    void Promise.resolve().then(() => order.push(`${id}:microtask`));
    log.onEvents(batch);
  };
  watcher(ticking('A')).addWatch(dir, IN_CREATE);
  watcher(ticking('B')).addWatch(dir, IN_CREATE);
  writeFileSync(join(dir, 'p3.pack'), '');
  await log.waitFor((events) => events.length === 2);
  await turn();
  const [first = '', , , second = ''] = order;
  assert.equal(order, [first, `${first}:nextTick`, `${first}:microtask`, second, `${second}:nextTick`, `${second}:microtask`]);
  assert.equal([first, second].sort(), ['A', 'B']);
});

test('a throwing callback surfaces as uncaughtException and the instance keeps delivering', async () => {
  // uvu installs no uncaughtException handler, so ours sees the error; it is
  // removed before the test ends so later failures still crash loudly.
  const caught: unknown[] = [];
  const onUncaught = (err: unknown) => caught.push(err);
  process.on('uncaughtException', onUncaught);
  try {
    const log = new EventLog();
    const throwing = watcher((batch) => {
      log.onEvents(batch);
      if (batch.some((e) => e.name === 'boom')) throw new Error('callback failed');
    });
    throwing.addWatch(dir, IN_CREATE);
    writeFileSync(join(dir, 'boom'), '');
    await log.waitFor(has(IN_CREATE, 'boom'));
    await turn();
    writeFileSync(join(dir, 'after'), '');
    await log.waitFor(has(IN_CREATE, 'after'));
    assert.is(caught.length, 1);
    assert.is((caught[0] as Error).message, 'callback failed');
    assert.not.ok(throwing.closed);
  } finally {
    process.off('uncaughtException', onUncaught);
  }
});

test('an open instance keeps the process alive; unref() or close() lets it exit', () => {
  const script = (then: string) =>
    `const { Inotify } = require(${JSON.stringify(addonPath)});` +
    `const ino = new Inotify(() => {}); ino.addWatch(${JSON.stringify(dir)}, ${IN_CREATE}); ${then}`;
  const held = spawnSync(process.execPath, ['-e', script('')], { timeout: 500 });
  assert.is(held.signal, 'SIGTERM', 'still running when the timeout killed it');
  for (const then of ['ino.unref();', 'ino.close();', 'ino.unref(); ino.ref(); ino.close();']) {
    const exited = spawnSync(process.execPath, ['-e', script(then)], { timeout: 10_000 });
    assert.equal([exited.status, exited.signal, exited.stderr.toString()], [0, null, ''], then);
  }
});

for (const [how, exit] of [['terminated', ''], ['exiting', 'process.exit(0);']] as const) {
  test(`a worker ${how} with an open instance tears down without abort or leak`, async () => {
    await collectGarbage();
    const fdsBefore = inotifyFds().length;
    const liveBefore = addon.liveInstances();
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const { Inotify } = require(workerData.addonPath);
       const ino = new Inotify(() => {});
       ino.addWatch(workerData.dir, ${IN_CREATE});
       parentPort.postMessage(ino.fd);
       parentPort.once('message', () => { ${exit} });`,
      { eval: true, workerData: { addonPath, dir } },
    );
    const fd = await new Promise<number>((resolve) => worker.once('message', resolve));
    assert.ok(inotifyFds().includes(fd));
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    if (exit) worker.postMessage('exit');
    else void worker.terminate();
    assert.is(await exited, exit ? 0 : 1);
    await collectGarbage();
    assert.is(inotifyFds().length, fdsBefore);
    assert.ok(addon.liveInstances() <= liveBefore);
  });
}

test.run();
