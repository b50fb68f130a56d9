/**
 * Journal format 3: append bytes in data files beside LevelDB (src/journal/data-files.ts). Through the
 * compiled CLI and the Journal class, on real files: where the bytes land, the write-ahead order
 * seen in the recorder's system calls, open-time truncation and orphan removal, readers checking
 * CRC-32C, retention unlinking, and format 2 journals still written as format 2.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { packr } from '../src/journal/msgpack.js';
import { Journal, opKey } from '../src/journal/journal.js';
import type { DataFiles } from '../src/journal/data-files.js';
import { JournalWriter } from '../src/capture/journal-writer.js';
import { prune } from '../src/upkeep/prune.js';
import { verify } from '../src/upkeep/verify-journal.js';
import { Level } from 'level';
import { cleanUp, cliScript, readJournal, repoRoot, sourceFiles, tempDir, writeJournal } from './support.js';
import { assertJournalEqualsSource, recordOnce, setup, write } from './recording.js';
import { makeAppend, type Op } from '../src/journal/op.js';

const test = suite('data-files');
test.after(cleanUp);

const MiB = 1024 * 1024;
const dataDir = (journal: string) => path.join(journal, 'data');
const dataName = (life: number) => String(life).padStart(20, '0');

/** Bytes of every file under `dir`, recursively. */
function treeBytes(dir: string, skip: (name: string) => boolean = () => false): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? treeBytes(full) : fs.statSync(full).size;
  }
  return total;
}

function dataFiles(journal: string): Map<string, number> {
  return new Map(fs.readdirSync(dataDir(journal)).map((name) => [name, fs.statSync(path.join(dataDir(journal), name)).size]));
}

test('a few MiB captured: the bytes are in data files, one per life at the pack\'s offsets, and not in LevelDB', async () => {
  const s = setup();
  const packs = { 'p00000001.pack': randomBytes(3 * MiB + 123), 'p00000002.pack': randomBytes(2 * MiB + 7) };
  for (const [name, data] of Object.entries(packs)) write(s.src, name, data);
  await recordOnce(s);
  const journal = await Journal.open(s.journal);
  try {
    assert.is(journal.version, 3);
    for (const [name, data] of Object.entries(packs)) {
      const life = journal.fileState(name)!.createdSeq;
      assert.ok(fs.readFileSync(path.join(dataDir(s.journal), dataName(life))).equals(data), `${name}'s data file is an image of it`);
    }
  } finally {
    await journal.close();
  }
  const captured = packs['p00000001.pack'].length + packs['p00000002.pack'].length;
  assert.is([...dataFiles(s.journal).values()].reduce((a, b) => a + b, 0), captured);
  // Random bytes do not compress: had they gone through LevelDB, its files would hold > 5 MiB.
  const level = treeBytes(s.journal, (name) => name === 'data' || name === 'recorder.lock');
  assert.ok(level < captured / 20, `LevelDB holds ${level} bytes for ${captured} captured`);
  await assertJournalEqualsSource(s);
});

/**
 * The write-ahead rule, seen from the kernel: strace records the recorder's file system calls in
 * the order they ran, in every thread. Until a data file written since its last fdatasync is synced
 * (and `data/` fsynced after a data file was created), no write may reach LevelDB's log.
 */
test('record --once: every data file is fdatasynced (and data/ fsynced after a creation) before LevelDB\'s log is written', async () => {
  const s = setup();
  write(s.src, 'p00000001.pack', randomBytes(5 * MiB + 3));
  write(s.src, 'p00000002.pack', randomBytes(300_000));
  const trace = path.join(tempDir('rdm-strace-'), 'trace');
  const child = spawn('strace', ['-f', '-y', '-qq', '-o', trace, '-e', 'trace=openat,write,pwrite64,pwritev,pwritev2,fdatasync,fsync',
    process.execPath, cliScript, 'record', s.src, '--journal', s.journal, '--once', '--json'],
  { cwd: repoRoot, stdio: 'ignore', env: { ...process.env, UV_USE_IO_URING: '0' } }); // io_uring would hide the calls
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.is(code, 0, 'record --once under strace');
  const order = checkWriteAhead(fs.readFileSync(trace, 'utf8'), path.resolve(s.journal));
  assert.equal(order.violations, [], 'LevelDB log writes while data was not yet durable');
  assert.ok(order.dataWrites >= 2 && order.dataSyncs >= 2 && order.dirSyncs >= 1, `saw ${JSON.stringify(order)}: the trace must show the data path`);
  assert.ok(order.logWritesAfterData >= 1, `saw ${JSON.stringify(order)}: the trace must show LevelDB batches after data`);
  await assertJournalEqualsSource(s);
});

/** Walks an strace -f -y log; a call's effect counts from its completion, a write's from its start. */
function checkWriteAhead(log: string, journal: string) {
  const data = dataDir(journal) + '/';
  const levelLog = new RegExp(`^${journal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\d+\\.log$`);
  const unsynced = new Set<string>(); // data files written since their last fdatasync
  let unsyncedDir = false; // a data file was created since data/'s last fsync
  const pending = new Map<string, { call: string; file: string }>(); // pid -> unfinished sync
  const result = { dataWrites: 0, dataSyncs: 0, dirSyncs: 0, logWritesAfterData: 0, violations: [] as string[] };
  const synced = (call: string, file: string) => {
    if (call === 'fdatasync' && file.startsWith(data)) { unsynced.delete(file); result.dataSyncs += 1; }
    if (call === 'fsync' && file === dataDir(journal)) { unsyncedDir = false; result.dirSyncs += 1; }
  };
  for (const line of log.split('\n')) {
    const match = /^(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [, pid, rest] = match as unknown as [string, string, string];
    const resumed = /^<\.\.\. (\w+) resumed>.*= (-?\d+)/.exec(rest);
    if (resumed) {
      const call = pending.get(pid);
      pending.delete(pid);
      if (call && resumed[2] === '0') synced(call.call, call.file);
      continue;
    }
    const started = /^(\w+)\((?:\d+<([^>]*)>|[^,]*, "([^"]*)")/.exec(rest);
    if (!started) continue;
    const [, call, fdPath, openPath] = started as unknown as [string, string, string | undefined, string | undefined];
    if (call === 'openat' && openPath?.startsWith(data) && rest.includes('O_CREAT') && / = \d+<?/.test(rest)) unsyncedDir = true;
    if (!fdPath) continue;
    if ((call === 'fdatasync' || call === 'fsync')) {
      if (rest.includes('<unfinished ...>')) pending.set(pid, { call, file: fdPath });
      else if (/ = 0$/.test(rest)) synced(call, fdPath);
    } else if (fdPath.startsWith(data)) {
      unsynced.add(fdPath);
      result.dataWrites += 1;
    } else if (levelLog.test(fdPath) && (result.dataWrites > 0)) {
      result.logWritesAfterData += 1;
      if (unsynced.size > 0 || unsyncedDir) result.violations.push(`${line} (unsynced: ${[...unsynced].join(', ')}${unsyncedDir ? ', data/' : ''})`);
    }
  }
  return result;
}

test('open by the recorder: a tail past the committed size is cut, orphan data files removed; readers never read past committed bytes', async () => {
  const s = setup();
  write(s.src, 'p00000001.pack', randomBytes(100_000));
  await recordOnce(s);
  let journal = await Journal.open(s.journal);
  const life = journal.fileState('p00000001.pack')!.createdSeq;
  const head = journal.head;
  await journal.close();
  // What a crash between a data flush and its LevelDB batch leaves: bytes no op references.
  const lifeFile = path.join(dataDir(s.journal), dataName(life));
  fs.appendFileSync(lifeFile, randomBytes(4096));
  const uncommittedLife = path.join(dataDir(s.journal), dataName(head + 1));
  fs.writeFileSync(uncommittedLife, randomBytes(1000));
  const appendSeq = path.join(dataDir(s.journal), dataName(head)); // op `head` is an append, not a create
  fs.writeFileSync(appendSeq, randomBytes(10));
  const foreign = path.join(dataDir(s.journal), 'notes.txt');
  fs.writeFileSync(foreign, 'not ours');
  // A reader trusts only committed ranges: the junk is never read.
  await assertJournalEqualsSource(s);
  // The source grows; the recorder opens the journal, cleans up, and appends at the committed size.
  fs.appendFileSync(path.join(s.src, 'p00000001.pack'), randomBytes(1000)); // less than the junk: it must be cut, not overwritten
  await recordOnce(s);
  assert.is(fs.statSync(lifeFile).size, 101_000, 'the data file holds exactly the committed bytes');
  assert.not.ok(fs.existsSync(uncommittedLife), 'a data file of a life never committed is removed');
  assert.not.ok(fs.existsSync(appendSeq), 'a data file named after an op that is not a create is removed');
  assert.ok(fs.existsSync(foreign), 'names that are not data files are left alone');
  await assertJournalEqualsSource(s);
  journal = await Journal.open(s.journal);
  await journal.close();
});

test('a flipped byte in a data file: reading the op is JOURNAL_CORRUPT naming the file and range; verify reports it', async () => {
  const s = setup();
  write(s.src, 'p00000001.pack', randomBytes(10_000));
  await recordOnce(s);
  const journal = await Journal.open(s.journal);
  try {
    const life = journal.fileState('p00000001.pack')!.createdSeq;
    const file = path.join(dataDir(s.journal), dataName(life));
    const bytes = fs.readFileSync(file);
    bytes[5000] = bytes[5000]! ^ 0x10;
    fs.writeFileSync(file, bytes);
    const err = await journal.readOp(life + 1).then(() => null, (e: unknown) => e as { code?: string; message: string });
    assert.is(err?.code, 'JOURNAL_CORRUPT');
    assert.match(err!.message, file);
    assert.match(err!.message, '0..10000');
    const findings: string[] = [];
    const result = await verify(journal, { onFinding: (f) => findings.push(`${f.seq}: ${f.message}`) });
    assert.not.ok(result.ok);
    assert.ok(findings.some((f) => f.startsWith(`${life + 1}: `) && f.includes('CRC-32C')), findings.join('\n'));
  } finally {
    await journal.close();
  }
});

test('every record is sealed: a byte flipped in the source record, a checkpoint or a key (LevelDB\'s own checksums right) is JOURNAL_CORRUPT or a verify finding', async () => {
  const s = setup();
  write(s.src, 'p00000001.pack', randomBytes(10_000));
  await recordOnce(s);
  for (const what of ['source', 'checkpoint', 'a key changed into one no reader looks up'] as const) {
    const copy = path.join(tempDir('rdm-sealed-'), 'journal');
    fs.cpSync(s.journal, copy, { recursive: true });
    const db = new Level<Uint8Array, Uint8Array>(copy, { keyEncoding: 'view', valueEncoding: 'view' });
    await db.open();
    let target: Uint8Array = Buffer.from('msource');
    if (what === 'checkpoint') for await (const key of db.keys({ gte: Buffer.from('c'), lt: Buffer.from('d'), limit: 1 })) target = key;
    const value = Buffer.from((await db.get(target))!);
    if (what.startsWith('a key')) {
      await db.put(Buffer.from('msourcf'), value); // the source record's value under a damaged key
    } else {
      value[1] = value[1]! ^ 0x01;
      await db.put(target, value);
    }
    await db.close();
    const opened = await Journal.open(copy).then(async (journal) => {
      try {
            const findings: string[] = [];
        await verify(journal, { onFinding: (f) => findings.push(f.message) });
        return findings.join('\n');
      } finally {
        await journal.close();
      }
    }, (err: unknown) => `${(err as { code?: string }).code}: ${(err as Error).message}`);
    assert.match(opened, /JOURNAL_CORRUPT|checksum/, `${what}: ${opened}`);
  }
});

test('prune: the data files of removed lives are unlinked, live ones kept, and the rest still reads', async () => {
  const s = setup();
  write(s.src, 'p00000001.pack', randomBytes(200_000));
  write(s.src, 'p00000002.pack', randomBytes(100_000));
  await recordOnce(s);
  fs.unlinkSync(path.join(s.src, 'p00000001.pack'));
  write(s.src, 'p00000003.pack', randomBytes(1000));
  await recordOnce(s);
  fs.appendFileSync(path.join(s.src, 'p00000003.pack'), randomBytes(1000)); // the delete is not the head op
  await recordOnce(s);
  const journal = await Journal.open(s.journal);
  try {
    const before = dataFiles(s.journal);
    assert.is(before.size, 3);
    const kept = new Set([...journal.fileStates().values()].map((f) => dataName(f.createdSeq)));
    const result = await prune(journal, { horizon: journal.head });
    assert.is(result.files, 1);
    assert.equal(new Set(dataFiles(s.journal).keys()), kept, 'only the live lives\' data files are left');
  } finally {
    await journal.close();
  }
  await assertJournalEqualsSource(s);
  const { files } = await readJournal(s.journal);
  assert.equal([...files.keys()].sort(), ['p00000002.pack', 'p00000003.pack']);
  assert.equal([...sourceFiles(s.src).keys()].sort(), ['p00000002.pack', 'p00000003.pack']);
});

test('a format 2 journal is still written as format 2: appends keep their data in LevelDB, no data directory', async () => {
  const dir = path.join(tempDir('rdm-v2-'), 'journal');
  fs.cpSync(path.join(repoRoot, 'journal-format', 'fixtures', 'v2', 'journal'), dir, { recursive: true });
  const journal = await Journal.open(dir);
  let appendSeq = 0;
  try {
    assert.is(journal.version, 2);
    const head = journal.head;
    appendSeq = head + 2;
    const data = randomBytes(5000);
    await journal.append([{ type: 'create', at: Date.now(), file: 'p00000009.pack', ino: 9 }, makeAppend('p00000009.pack', 0, data)]);
    assert.is(journal.version, 2);
    assert.not.ok(fs.existsSync(dataDir(dir)));
    const op = await journal.readOp(appendSeq);
    assert.ok(op.type === 'append' && Buffer.from(op.data).equals(data));
  } finally {
    await journal.close();
  }
  // Read the stored record as the v2 spec says: the bytes are in the op.
  const db = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
  await db.open();
  try {
    const raw = packr.unpack((await db.get(opKey(appendSeq)))!) as { data?: Uint8Array };
    assert.ok(raw.data instanceof Uint8Array && raw.data.length === 5000);
  } finally {
    await db.close();
  }
});

test('writeJournal (no recorder lock): a new journal is format 3 and its ops read back through the data files', async () => {
  const dir = path.join(tempDir('rdm-v3-'), 'journal');
  const data = randomBytes(3 * MiB);
  const ops = [{ type: 'create' as const, at: Date.now(), file: 'p00000001.pack', ino: 1 }];
  const appends = [0, 1, 2].map((i) => makeAppend('p00000001.pack', i * MiB, data.subarray(i * MiB, (i + 1) * MiB)));
  await writeJournal(dir, [...ops, ...appends]);
  const { files } = await readJournal(dir);
  assert.ok(files.get('p00000001.pack')!.equals(data));
});

test('concurrent reads of many lives share one handle per life, and close leaves no data file open', async () => {
  const dir = path.join(tempDir('rdm-v3-'), 'journal');
  const lives = 40; // more than the reader keeps open at once
  const ops: Op[] = [];
  for (let i = 1; i <= lives; i++) {
    const file = `p${String(i).padStart(8, '0')}.pack`;
    ops.push({ type: 'create' as const, at: Date.now(), file, ino: i });
    for (let part = 0; part < 3; part++) ops.push(makeAppend(file, part * 1000, Buffer.alloc(1000, i * 3 + part)));
  }
  await writeJournal(dir, ops);
  const openDataFiles = () => fs.readdirSync('/proc/self/fd').filter((fd) => {
    try { return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(dataDir(dir)); } catch { return false; }
  }).length;
  const journal = await Journal.open(dir);
  try {
    // every append twice, all at once: the same life is asked for by several reads in flight
    const seqs = Array.from({ length: ops.length }, (_, i) => i + 1).filter((seq) => ops[seq - 1]!.type === 'append');
    const read = await Promise.all([...seqs, ...seqs].map((seq) => journal.readOp(seq)));
    for (const op of read) {
      assert.is(op.type, 'append');
      if (op.type === 'append') assert.is(op.data[0], Number(op.file.slice(1, 9)) * 3 + op.offset / 1000);
    }
    assert.ok(openDataFiles() <= 16, `at most 16 data files held open while reading, found ${openDataFiles()}`);
  } finally {
    await journal.close();
  }
  assert.is(openDataFiles(), 0, 'no data file left open after close');
});

test('write-ahead: every append\'s bytes are written and fdatasynced before the LevelDB batch that references them, also bytes written ahead while a commit is in flight', async () => {
  const dir = path.join(tempDir('rdm-v3-'), 'journal');
  const journal = await Journal.open(dir, { create: true });
  const events: ({ kind: 'write'; fd: number; offset: number; length: number } | { kind: 'sync-start' | 'sync-end'; fd: number }
    | { kind: 'batch'; appends: { life: number; offset: number; length: number }[] })[] = [];
  const lifeOfFd = new Map<number, number>();
  const data = journal.dataFiles!;
  const restore: (() => void)[] = [];
  const patch = <T extends object, K extends keyof T>(target: T, key: K, wrap: (original: T[K]) => T[K]) => {
    const original = target[key];
    target[key] = wrap(original);
    restore.push(() => { target[key] = original; });
  };
  patch(data, 'openForWriting', (original) => async function (this: DataFiles, life: number) {
    const opened = await original.call(this, life);
    lifeOfFd.set(opened[0].fd, life);
    const handle = opened[0];
    if (!(handle as unknown as { traced?: boolean }).traced) {
      (handle as unknown as { traced?: boolean }).traced = true;
      const writev = handle.writev.bind(handle);
      handle.writev = (async (buffers: Uint8Array[], position: number) => {
        events.push({ kind: 'write', fd: handle.fd, offset: position, length: buffers.reduce((n, b) => n + b.length, 0) });
        return writev(buffers, position);
      }) as typeof handle.writev;
      const datasync = handle.datasync.bind(handle);
      handle.datasync = async () => {
        events.push({ kind: 'sync-start', fd: handle.fd });
        await datasync();
        events.push({ kind: 'sync-end', fd: handle.fd });
      };
    }
    return opened;
  } as DataFiles['openForWriting']);
  // The LevelDB under the seals (the sealed layer in front of it passes its batches through): values end in a 4-byte seal.
  const db = (journal as unknown as { raw: { batch: (writes: { type: string; value?: Uint8Array }[], options: unknown) => Promise<void> } }).raw;
  let aheadSeen = 0;
  patch(data, 'writeAhead', (original) => async function (this: DataFiles, ...args: Parameters<DataFiles['writeAhead']>) {
    aheadSeen += 1;
    return original.apply(this, args);
  } as DataFiles['writeAhead']);
  patch(db, 'batch', (original) => async function (this: unknown, writes: { type: string; value?: Uint8Array }[], options: unknown) {
    const appends = writes.flatMap((w) => {
      if (!w.value) return [];
      try {
        const value = packr.unpack(w.value.subarray(0, w.value.length - 4)) as { type?: string; life?: number; offset?: number; length?: number };
        return value?.type === 'append' && typeof value.life === 'number' ? [{ life: value.life, offset: value.offset!, length: value.length! }] : [];
      } catch { return []; }
    });
    events.push({ kind: 'batch', appends });
    return original.call(this, writes, options);
  });
  try {
    const writer = new JournalWriter(journal, true, () => {});
    const chunk = (i: number) => Buffer.alloc(256 * 1024, i);
    // p1: its create and first appends in one batch (nothing written ahead), then appends while
    // that batch commits and after (written ahead), then p2 created while p1's bytes keep coming.
    await writer.add({ type: 'create', at: Date.now(), file: 'p00000001.pack', ino: 1 });
    let offset = 0;
    for (let i = 0; i < 20; i++) {
      await writer.add(makeAppend('p00000001.pack', offset, chunk(i)));
      offset += 256 * 1024;
      if (i === 3) await writer.submit();
      if (i === 10) await writer.add({ type: 'create', at: Date.now(), file: 'p00000002.pack', ino: 2 });
      if (i > 10) await writer.add(makeAppend('p00000002.pack', (i - 11) * 1000, Buffer.alloc(1000, i)));
      if (i % 5 === 4) await writer.submit();
    }
    await writer.flush();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  // Replay the events: a range is durable once a datasync of its file that started after it was written has ended.
  const dirty = new Map<number, { offset: number; length: number }[]>(); // life -> ranges written, not yet synced
  const syncing = new Map<number, { offset: number; length: number }[]>(); // fd -> ranges a running sync covers
  const written = new Map<number, { offset: number; length: number }[]>();
  let checked = 0;
  for (const event of events) {
    if (event.kind === 'write') {
      const life = lifeOfFd.get(event.fd)!;
      (dirty.get(life) ?? dirty.set(life, []).get(life)!).push({ offset: event.offset, length: event.length });
      (written.get(life) ?? written.set(life, []).get(life)!).push({ offset: event.offset, length: event.length });
    } else if (event.kind === 'sync-start') {
      syncing.set(event.fd, [...(dirty.get(lifeOfFd.get(event.fd)!) ?? [])]);
    } else if (event.kind === 'sync-end') {
      const life = lifeOfFd.get(event.fd)!;
      const covered = syncing.get(event.fd) ?? [];
      dirty.set(life, (dirty.get(life) ?? []).filter((range) => !covered.includes(range)));
    } else if (event.kind === 'batch') {
      for (const append of event.appends) {
        const overlaps = (r: { offset: number; length: number }) => r.offset < append.offset + append.length && append.offset < r.offset + r.length;
        assert.ok((written.get(append.life) ?? []).some(overlaps), `bytes ${append.offset}+${append.length} of life ${append.life} were never written before their batch`);
        assert.not.ok((dirty.get(append.life) ?? []).some(overlaps), `bytes ${append.offset}+${append.length} of life ${append.life} were not yet fdatasynced when their batch was written`);
        checked += 1;
      }
    }
  }
  assert.is(checked, 29, 'every append was checked against its batch');
  assert.ok(aheadSeen > 0, 'some bytes were written ahead of their batch');
  const { files } = await readJournal(dir).finally(() => journal.close());
  assert.is(files.get('p00000001.pack')!.length, 20 * 256 * 1024);
});

test.run();
