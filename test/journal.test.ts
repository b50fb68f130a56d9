/** The journal on real LevelDB: dense seqs, file states, invariants, versions, corruption. */
import fs from 'node:fs';
import path from 'node:path';
import { Level } from 'level';
import { Packr } from 'msgpackr';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RdmJournalError } from '../src/errors.js';
import { FORMAT_VERSION, Journal, opKey } from '../src/journal/journal.js';
import { checksum, makeAppend, type JournalOp, type Op } from '../src/journal/op.js';
import { cleanUp, tempDir } from './support.js';

const test = suite('journal');
const packr = new Packr({ useRecords: false });
const opened: Journal[] = [];

test.after.each(async () => {
  for (const journal of opened.splice(0)) await journal.close().catch(() => undefined);
});
test.after(cleanUp);

async function newJournal(): Promise<{ journal: Journal; dir: string }> {
  const dir = path.join(tempDir('rdm-journal-'), 'j');
  const journal = await Journal.open(dir, { create: true });
  opened.push(journal);
  return { journal, dir };
}

async function reopen(journal: Journal): Promise<Journal> {
  await journal.close();
  opened.splice(opened.indexOf(journal), 1);
  const again = await Journal.open(journal.location);
  opened.push(again);
  return again;
}

async function allOps(journal: Journal, range?: { after?: number; upTo?: number }): Promise<JournalOp[]> {
  const ops: JournalOp[] = [];
  for await (const op of journal.readOps(range)) ops.push(op);
  return ops;
}

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  return undefined;
}

async function codeOf(work: () => Promise<unknown>): Promise<string | undefined> {
  const err = await errorOf(work);
  assert.ok(err !== undefined, 'expected an error');
  assert.instance(err, RdmJournalError, `expected an RdmJournalError, got ${String(err)}`);
  return (err as RdmJournalError).code;
}

const create = (file: string, ino = 7): Op => ({ type: 'create', at: Date.now(), file, ino });
const append = (file: string, offset: number, text: string): Op => makeAppend(file, offset, Buffer.from(text));
const remove = (file: string, size: number): Op => ({ type: 'delete', at: Date.now(), file, size });

/** Writes raw keys and values into a closed journal's LevelDB, as a damaged or newer journal would hold. */
async function writeRaw(dir: string, entries: Array<[Uint8Array, Uint8Array]>, deletes: Uint8Array[] = []): Promise<void> {
  const db = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
  await db.open();
  try {
    for (const [key, value] of entries) await db.put(key, value);
    for (const key of deletes) await db.del(key);
  } finally {
    await db.close();
  }
}

const metaKey = (name: string) => Buffer.concat([Buffer.of(0x6d), Buffer.from(name, 'utf8')]);

test('append assigns dense seqs from 1, across batches and reopening', async () => {
  let { journal } = await newJournal();
  assert.is(journal.head, 0);
  assert.is(await journal.append([create('p1.pack'), append('p1.pack', 0, 'abc')]), 2);
  assert.is(await journal.append([append('p1.pack', 3, 'de')]), 3);
  assert.is(await journal.append([]), 3);
  journal = await reopen(journal);
  assert.is(journal.head, 3);
  assert.is(await journal.append([create('p2.pack')]), 4);
  assert.equal((await allOps(journal)).map((op) => op.seq), [1, 2, 3, 4]);
});

test('file state follows create, append and delete, and survives reopening', async () => {
  let { journal } = await newJournal();
  await journal.append([create('p1.pack', 42), append('p1.pack', 0, 'abc')]);
  await journal.append([append('p1.pack', 3, 'de'), create('notes.txt', 43)]);
  journal = await reopen(journal);
  assert.equal(journal.fileState('p1.pack'), {
    ino: 42, size: 5, createdSeq: 1, lastSeq: 3, tailOffset: 3, tailLength: 2, tailCrc: checksum(Buffer.from('de')),
  });
  assert.equal(journal.fileState('notes.txt'), { ino: 43, size: 0, createdSeq: 4, lastSeq: 4, tailOffset: 0, tailLength: 0, tailCrc: 0 });
  await journal.append([remove('p1.pack', 5)]);
  assert.is(journal.fileState('p1.pack'), undefined);
  journal = await reopen(journal);
  assert.equal([...journal.fileStates().keys()], ['notes.txt']);
});

test('ops read back as written, data and checksum included', async () => {
  const { journal } = await newJournal();
  const ops = [create('p1.pack', 9), append('p1.pack', 0, 'hello'), remove('p1.pack', 5),
    { type: 'resync', at: Date.now() + 5, reason: 'vanished', detail: 'gone', file: 'p0.pack', recordedSize: 3 } as Op];
  await journal.append(ops);
  const read = await allOps(journal);
  assert.equal(read.map(({ seq, ...op }) => (op.type === 'append' ? { ...op, data: Buffer.from(op.data) } : op)),
    ops.map((op) => (op.type === 'append' ? { ...op, data: Buffer.from(op.data) } : op)));
});

test('an op stamped earlier than the one before it keeps its own time, and is listed as a time step', async () => {
  let { journal } = await newJournal();
  const later = Date.UTC(2026, 10, 24, 12);
  await journal.append([{ type: 'create', at: later, file: 'a', ino: 1 }, { type: 'create', at: later - 60_000, file: 'b', ino: 2 }]);
  journal = await reopen(journal);
  await journal.append([{ type: 'create', at: later - 120_000, file: 'c', ino: 3 }, { type: 'create', at: later - 1, file: 'd', ino: 4 }]);
  assert.equal((await allOps(journal)).map((op) => op.at), [later, later - 60_000, later - 120_000, later - 1]);
  assert.equal(await journal.timeSteps(), [2, 3]);
});

const violations: Array<[string, Op[]]> = [
  ['an append at the wrong offset', [append('p1.pack', 2, 'x')]],
  ['a create of a recorded file', [create('p1.pack')]],
  ['a delete of an unknown file', [remove('p9.pack', 0)]],
  ['a delete with the wrong size', [remove('p1.pack', 2)]],
  ['an append to a file never created', [append('p9.pack', 0, 'x')]],
];
for (const [what, bad] of violations) {
  test(`${what} throws and writes nothing, not even the valid ops of its batch`, async () => {
    let { journal } = await newJournal();
    await journal.append([create('p1.pack'), append('p1.pack', 0, 'abc')]);
    const before = await allOps(journal);
    const err = await errorOf(() => journal.append([create('p2.pack'), append('p2.pack', 0, 'ok'), ...bad]));
    assert.instance(err, Error);
    assert.match((err as Error).message, /invariant/);
    const unchanged = async (current: Journal) => {
      assert.is(current.head, 2);
      assert.equal(await allOps(current), before);
      assert.is(current.fileState('p2.pack'), undefined);
      assert.is(current.fileState('p1.pack')?.size, 3);
    };
    await unchanged(journal);
    await unchanged((journal = await reopen(journal)));
    assert.is(await journal.append([append('p1.pack', 3, 'd')]), 3, 'the next op takes the next seq');
  });
}

test('readOps returns the range after < seq <= upTo', async () => {
  const { journal } = await newJournal();
  await journal.append([create('a'), append('a', 0, '1'), append('a', 1, '2'), append('a', 2, '3'), append('a', 3, '4')]);
  const seqs = async (range: { after?: number; upTo?: number }) => (await allOps(journal, range)).map((op) => op.seq);
  assert.equal(await seqs({}), [1, 2, 3, 4, 5]);
  assert.equal(await seqs({ after: 2 }), [3, 4, 5]);
  assert.equal(await seqs({ upTo: 2 }), [1, 2]);
  assert.equal(await seqs({ after: 1, upTo: 4 }), [2, 3, 4]);
  assert.equal(await seqs({ after: 5 }), []);
  assert.equal(await seqs({ after: 3, upTo: 3 }), []);
});

test('a journal of a newer format version is refused with JOURNAL_VERSION', async () => {
  const { journal, dir } = await newJournal();
  await journal.close();
  opened.splice(0);
  await writeRaw(dir, [[metaKey('format'), packr.pack({ version: FORMAT_VERSION + 1, createdAt: Date.now() })]]);
  assert.is(await codeOf(() => Journal.open(dir)), 'JOURNAL_VERSION');
});

test('an op whose crc does not match its data reads back as JOURNAL_CORRUPT', async () => {
  const { journal, dir } = await newJournal();
  await journal.append([create('p1.pack')]);
  await journal.close();
  opened.splice(0);
  const bad = { ...makeAppend('p1.pack', 0, Buffer.from('abc')), crc: checksum(Buffer.from('abd')) };
  await writeRaw(dir, [[opKey(2), packr.pack(bad)]]);
  const again = await Journal.open(dir);
  opened.push(again);
  assert.equal((await allOps(again, { upTo: 1 })).map((op) => op.seq), [1]);
  assert.is(await codeOf(() => allOps(again)), 'JOURNAL_CORRUPT');
});

test('an op naming a file with a "/" reads back as JOURNAL_CORRUPT', async () => {
  const { journal, dir } = await newJournal();
  await journal.close();
  opened.splice(0);
  await writeRaw(dir, [[opKey(1), packr.pack({ type: 'create', at: 1, file: '../etc/passwd', ino: 1 })]]);
  const again = await Journal.open(dir);
  opened.push(again);
  assert.is(await codeOf(() => allOps(again)), 'JOURNAL_CORRUPT');
});

test('a hole in the op sequence reads back as JOURNAL_CORRUPT', async () => {
  const { journal, dir } = await newJournal();
  await journal.append([create('a'), append('a', 0, 'x'), append('a', 1, 'y')]);
  await journal.close();
  opened.splice(0);
  await writeRaw(dir, [], [opKey(2)]);
  const again = await Journal.open(dir);
  opened.push(again);
  assert.is(await codeOf(() => allOps(again)), 'JOURNAL_CORRUPT');
});

test('opening without create: a missing or empty directory is JOURNAL_NOT_FOUND, and nothing is created', async () => {
  const parent = tempDir('rdm-journal-');
  const missing = path.join(parent, 'none');
  assert.is(await codeOf(() => Journal.open(missing)), 'JOURNAL_NOT_FOUND');
  assert.not.ok(fs.existsSync(missing));
  fs.mkdirSync(path.join(parent, 'empty'));
  assert.is(await codeOf(() => Journal.open(path.join(parent, 'empty'))), 'JOURNAL_NOT_FOUND');
  assert.equal(fs.readdirSync(path.join(parent, 'empty')), []);
});

test('a LevelDB database without a format record is not taken for a journal', async () => {
  const dir = path.join(tempDir('rdm-journal-'), 'other');
  await writeRaw(dir, [[Buffer.from('some-key'), Buffer.from('value')]]);
  assert.is(await codeOf(() => Journal.open(dir, { create: true })), 'JOURNAL_CORRUPT');
});

test('a journal whose creation was cut short (an empty LevelDB) is initialised by a writer, refused by a reader', async () => {
  const dir = path.join(tempDir('rdm-journal-'), 'cut-short');
  await writeRaw(dir, []);
  assert.is(await codeOf(() => Journal.open(dir)), 'JOURNAL_NOT_FOUND');
  const journal = await Journal.open(dir, { create: true });
  opened.push(journal);
  assert.is(journal.head, 0);
  assert.ok(journal.createdAt > 0);
});

/** The file CURRENT names: the MANIFEST LevelDB opens the database from. */
const manifestOf = (dir: string) => path.join(dir, fs.readFileSync(path.join(dir, 'CURRENT'), 'utf8').trim());

test('a journal left half-created by a cut (LevelDB files, no CURRENT, or CURRENT naming an empty MANIFEST) is finished by a writer', async () => {
  const noCurrent = path.join(tempDir('rdm-journal-'), 'no-current');
  await writeRaw(noCurrent, []);
  fs.rmSync(path.join(noCurrent, 'CURRENT'));
  fs.writeFileSync(path.join(noCurrent, 'notify'), '');
  const first = await Journal.open(noCurrent, { create: true });
  opened.push(first);
  assert.is(first.head, 0);
  assert.ok(first.createdAt > 0);

  const emptyManifest = path.join(tempDir('rdm-journal-'), 'empty-manifest');
  await writeRaw(emptyManifest, []);
  fs.truncateSync(manifestOf(emptyManifest), 0);
  assert.is(await codeOf(() => Journal.open(emptyManifest)), 'JOURNAL_CORRUPT'); // a reader does not repair
  const second = await Journal.open(emptyManifest, { create: true });
  opened.push(second);
  assert.is(second.head, 0);
});

test('a directory with LevelDB files and no CURRENT is refused when it holds data or a file of another program', async () => {
  const withData = path.join(tempDir('rdm-journal-'), 'with-data');
  await writeRaw(withData, [[Buffer.from('some-key'), Buffer.from('value')]]);
  fs.rmSync(path.join(withData, 'CURRENT'));
  assert.is(await codeOf(() => Journal.open(withData, { create: true })), 'JOURNAL_UNUSABLE');

  const withForeign = path.join(tempDir('rdm-journal-'), 'with-foreign');
  await writeRaw(withForeign, []);
  fs.rmSync(path.join(withForeign, 'CURRENT'));
  fs.writeFileSync(path.join(withForeign, 'notes.txt'), 'mine');
  assert.is(await codeOf(() => Journal.open(withForeign, { create: true })), 'JOURNAL_UNUSABLE');
  assert.ok(fs.existsSync(path.join(withForeign, 'notes.txt')));

  const damaged = path.join(tempDir('rdm-journal-'), 'damaged');
  await writeRaw(damaged, [[Buffer.from('some-key'), Buffer.from('value')]]);
  await writeRaw(damaged, []); // the key moves from the log into a table
  fs.truncateSync(manifestOf(damaged), 0);
  assert.is(await codeOf(() => Journal.open(damaged, { create: true })), 'JOURNAL_CORRUPT');
  assert.ok(fs.existsSync(path.join(damaged, 'CURRENT')));
});

test('a recorder or prune lock database damaged by a cut is made again; a held one still locks', async () => {
  const { journal, dir } = await newJournal();
  await journal.lockForRecording();
  assert.ok(await journal.prune.lock(0).then((lock) => lock?.close().then(() => true)));
  await journal.close();
  opened.splice(opened.indexOf(journal), 1);
  for (const lock of ['recorder.lock', 'prune.lock']) fs.truncateSync(path.join(dir, lock, 'CURRENT'), 0);

  const again = await Journal.open(dir, { create: true });
  opened.push(again);
  await again.lockForRecording();
  const prune = await again.prune.lock(0);
  assert.ok(prune);
  const other = await Journal.open(dir);
  opened.push(other);
  assert.is(await codeOf(() => other.lockForRecording()), 'JOURNAL_LOCKED');
  assert.is(await other.prune.lock(0), null);
  await prune.close();
});

test('a second open of a journal in use shares it: a guest of the first, seeing its ops', async () => {
  const { journal, dir } = await newJournal();
  const second = await Journal.open(dir);
  opened.push(second);
  assert.is(journal.role, 'host');
  assert.is(second.role, 'guest');
  await journal.append([create('p1.pack'), append('p1.pack', 0, 'abc')]);
  assert.is(await second.refresh(), 2);
  assert.equal((await allOps(second)).map((op) => op.type), ['create', 'append']);
});

test('a second recorder lock on a journal is JOURNAL_LOCKED; the lock goes with its journal', async () => {
  const { journal, dir } = await newJournal();
  const second = await Journal.open(dir);
  opened.push(second);
  await journal.lockForRecording();
  assert.ok(await second.isRecording());
  assert.is(await codeOf(() => second.lockForRecording()), 'JOURNAL_LOCKED');
  await journal.close();
  opened.splice(opened.indexOf(journal), 1);
  assert.not.ok(await second.isRecording());
});

test('a recorder lock taken after another recorder stopped sees what that recorder appended', async () => {
  const { journal, dir } = await newJournal();
  const late = await Journal.open(dir); // opened while the first still records
  opened.push(late);
  await journal.lockForRecording();
  await journal.append([create('p1.pack'), append('p1.pack', 0, 'abc')]);
  await journal.close();
  opened.splice(opened.indexOf(journal), 1);
  await late.lockForRecording();
  assert.is(late.head, 2);
  assert.is(late.fileState('p1.pack')?.size, 3);
  assert.is(await late.append([append('p1.pack', 3, 'd')]), 3);
});

test('an append that would reuse a seq another writer wrote is refused with JOURNAL_LOCKED', async () => {
  const { journal, dir } = await newJournal();
  const other = await Journal.open(dir);
  opened.push(other);
  await journal.append([create('a')]);
  assert.is(await codeOf(() => other.append([create('b')])), 'JOURNAL_LOCKED');
  assert.equal((await allOps(journal)).map((op) => (op as { file?: string }).file), ['a']);
});

test('the source is bound once; another path or inode is JOURNAL_SOURCE_MISMATCH', async () => {
  let { journal } = await newJournal();
  await journal.bindSource({ path: '/srv/a', dev: 1, ino: 2 });
  journal = await reopen(journal);
  assert.equal(journal.source, { path: '/srv/a', dev: 1, ino: 2, fsid: null });
  await journal.bindSource({ path: '/srv/a', dev: 1, ino: 2 });
  assert.is(await codeOf(() => journal.bindSource({ path: '/srv/b', dev: 1, ino: 2 })), 'JOURNAL_SOURCE_MISMATCH');
  assert.is(await codeOf(() => journal.bindSource({ path: '/srv/a', dev: 1, ino: 3 })), 'JOURNAL_SOURCE_MISMATCH');
  assert.equal(journal.source, { path: '/srv/a', dev: 1, ino: 2, fsid: null });
});

test.run();
