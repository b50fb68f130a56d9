/**
 * `rdm-journal record` end to end: the compiled CLI in a child process, real inotify, real LevelDB,
 * the engine simulator as another child. A recording test ends by rebuilding the files from the
 * journal and comparing them with the source directory. Errors: record-errors.test.ts.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { JournalOp } from '../src/journal/op.js';
import { packNumber, validatePacks } from './engine/packs.js';
import {
  assertSameFiles, cleanUp, describeOutput, engineSummary, errorEvent, type FileLife, journalFiles, outputOf, readJournal, RECORDING, runCli, skip, sleep, sourceFiles, spawnCli, spawnEngine, waitForExit, waitForOutput, writeFiles,
} from './support.js';
import { setup, write, recordOnce, startRecorder, stopRecorder, assertJournalEqualsSource, resyncs, describeResyncs } from './recording.js';

const test = suite('recorder');
test.after(cleanUp);

/**
 * Validates every pack file the journal ever held, deleted ones included, as one directory:
 * contiguous transaction ids from 1 to `lastTxId` prove that no byte was lost before a delete.
 */
function assertAllPacksWhole(lives: FileLife[], lastTxId: number): void {
  const names = lives.map((life) => life.name);
  assert.equal(names.length, new Set(names).size, 'no pack was recorded twice (one life per name)');
  const dir = writeFiles(lives.map((life) => [life.name, life.data]));
  const report = validatePacks(dir, { requireContiguous: true, allowTornTailInLast: false });
  assert.ok(report.ok, `rebuilt packs are not whole:\n${report.problems.slice(0, 10).join('\n')}`);
  assert.is(report.packs.find((pack) => pack.transactions > 0)?.firstTx, 1, 'transactions start at 1');
  assert.is(report.lastTxId, lastTxId);
  assert.is(report.totalTransactions, lastTxId);
}

/**
 * Every recorded pack holds whole transactions, and ids run on from one recorded pack to the next
 * unless a pack between them is marked missed: a hole anywhere else is a silent loss.
 */
function assertPacksWholeExceptMissed(lives: FileLife[], missed: ReadonlySet<number | null>, lastTxId: number): void {
  const dir = writeFiles(lives.map((life) => [life.name, life.data]));
  const report = validatePacks(dir, { requireContiguous: false, allowTornTailInLast: false });
  assert.ok(report.ok, `rebuilt packs are not whole:\n${report.problems.slice(0, 10).join('\n')}`);
  let previous: { number: number; lastTx: number } | null = null;
  for (const pack of report.packs) {
    const number = packNumber(pack.name)!;
    if (pack.firstTx === null || pack.lastTx === null) continue;
    const expectedFirst = previous === null ? 1 : previous.lastTx + 1;
    if (pack.firstTx !== expectedFirst) {
      const between = Array.from({ length: number - (previous?.number ?? 0) - 1 }, (_, i) => (previous?.number ?? 0) + 1 + i);
      assert.ok(between.some((n) => missed.has(n)),
        `${pack.name} starts at transaction ${pack.firstTx}, expected ${expectedFirst}, and no pack before it is marked missed`);
    }
    previous = { number, lastTx: pack.lastTx };
  }
  assert.is(previous?.lastTx, lastTxId, 'the last transaction is recorded');
}

/** In op order, pack N+1 is created only after the last append of pack N. */
function assertPacksFinishedInOrder(ops: readonly JournalOp[]): void {
  const created = new Map<number, number>();
  const lastAppend = new Map<number, number>();
  for (const op of ops) {
    const number = op.type === 'resync' ? null : packNumber(op.file);
    if (number === null) continue;
    if (op.type === 'create') created.set(number, op.seq);
    if (op.type === 'append') lastAppend.set(number, op.seq);
  }
  const numbers = [...created.keys()];
  assert.equal(numbers, [...numbers].sort((a, b) => a - b), 'packs are created in ascending numeric order');
  for (const [number, seq] of created) {
    const previousEnd = lastAppend.get(number - 1);
    if (previousEnd !== undefined) {
      assert.ok(seq > previousEnd, `pack ${number} created at op ${seq}, before pack ${number - 1}'s last append at op ${previousEnd}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Snapshot

test('record --once records regular files only, packs in numeric order, then other files', async () => {
  const s = setup();
  for (const name of ['p9.pack', 'p10.pack', 'p2.pack']) write(s.src, name, `content of ${name}`);
  write(s.src, 'a.idindex', 'index');
  write(s.src, 'notes.txt', '');
  fs.mkdirSync(path.join(s.src, 'sub'));
  write(path.join(s.src, 'sub'), 'p1.pack', 'inside a sub-directory');
  fs.symlinkSync('p2.pack', path.join(s.src, 'p1.pack'));

  await recordOnce(s);
  const { ops, files } = await readJournal(s.journal);
  assertSameFiles(files, sourceFiles(s.src), 'journal vs source');
  assert.equal(ops.filter((op) => op.type === 'create').map((op) => op.file),
    ['p2.pack', 'p9.pack', 'p10.pack', 'a.idindex', 'notes.txt']);
});

test('a second record --once of an unchanged source records nothing', async () => {
  const s = setup();
  write(s.src, 'p1.pack', 'one');
  write(s.src, 'p2.pack', 'two');
  const first = await recordOnce(s);
  const second = await recordOnce(s);
  assert.is(second.head, first.head);
  assert.is(second.ops, 0);
  const { head, ops } = await readJournal(s.journal);
  assert.is(head, first.head);
  assert.equal(ops.filter((op) => op.type === 'create').map((op) => op.file), ['p1.pack', 'p2.pack']);
});

// ---------------------------------------------------------------------------------------------
// Live recording

test('live recording of a rotating, deleting workload captures every byte of every pack', async () => {
  const s = setup();
  const recorder = await startRecorder(s);
  // keep 1: a pack is deleted the moment the next one exists, right after its last bytes were
  // written, so those bytes can only be read through the descriptor held since its creation.
  // 1000 tx/s: a 64 KiB pack lives about 30 ms, ample time to open it.
  const sim = spawnEngine(s.src, { transactions: 2000, rate: 1000, packSize: 65536, keep: 1, writesPerTx: 3, maxSize: 4096, seed: 11 });
  const summary = await engineSummary(sim);
  await stopRecorder(recorder);

  assert.ok(summary.packsDeleted > 0, 'the workload deleted packs');
  const { ops, lives } = await readJournal(s.journal);
  await assertJournalEqualsSource(s);
  assert.equal(resyncs(ops).filter((op) => op.reason !== 'overflow'), [], describeResyncs(ops));
  assert.is(lives.length, summary.packsCreated);
  assertAllPacksWhole(lives, summary.lastTxId);
  assertPacksFinishedInOrder(ops);
});

test('at full speed, a pack deleted before the recorder could open it is marked missed, never silently lost', async () => {
  const s = setup();
  const recorder = await startRecorder(s);
  const sim = spawnEngine(s.src, { transactions: 3000, packSize: 65536, keep: 3, writesPerTx: 3, maxSize: 4096, nameWidth: 1, seed: 12 });
  const summary = await engineSummary(sim);
  await stopRecorder(recorder);

  const { ops, lives } = await readJournal(s.journal);
  await assertJournalEqualsSource(s);
  const missed = new Set(resyncs(ops).filter((op) => op.reason === 'missed').map((op) => packNumber(op.file ?? '')));
  const recorded = new Set(lives.map((life) => packNumber(life.name)));
  for (let number = 1; number <= summary.packsCreated; number++) {
    assert.ok(recorded.has(number) !== missed.has(number), `pack ${number}: recorded ${recorded.has(number)}, marked missed ${missed.has(number)}`);
  }
  assertPacksWholeExceptMissed(lives, missed, summary.lastTxId);
  assertPacksFinishedInOrder(ops);
});

test('a recorder killed with SIGKILL at random moments and restarted loses and repeats nothing', async () => {
  const s = setup();
  const sim = spawnEngine(s.src, { transactions: 0, rate: 2000, minSize: 64, maxSize: 1024, packSize: 32768, keep: 0, writesPerTx: 3, nameWidth: 1, seed: 5 });
  const moments: string[] = [];
  for (let kill = 0; kill < 4; kill++) {
    const recorder = spawnCli(['record', s.src, '--journal', s.journal, '--json']);
    // Odd kills land anywhere from start-up on, even ones while it follows the source live.
    if (kill % 2 === 0) await waitForOutput(recorder, RECORDING);
    const moment = Math.floor(Math.random() * (kill % 2 === 0 ? 500 : 700));
    moments.push(`${kill % 2 === 0 ? 'recording' : 'spawn'} + ${moment} ms`);
    await sleep(moment);
    recorder.kill('SIGKILL');
    const { signal } = await waitForExit(recorder);
    assert.is(signal, 'SIGKILL', `recorder ended by itself before kill ${kill} (${moments.at(-1)})\n${describeOutput(recorder)}`);
    await sleep(Math.floor(Math.random() * 300));
  }
  sim.kill('SIGTERM');
  const summary = await engineSummary(sim);
  await recordOnce(s);

  const { ops, lives } = await readJournal(s.journal);
  const context = `kill moments: ${moments.join(', ')}`;
  assert.ok(ops.length > 0, context);
  await assertJournalEqualsSource(s);
  assert.equal(resyncs(ops).filter((op) => op.reason !== 'overflow'), [], `${context}\n${describeResyncs(ops)}`);
  assertAllPacksWhole(lives, summary.lastTxId);
  assertPacksFinishedInOrder(ops);
});

test('SIGTERM records what the source holds at that moment, however recent', async () => {
  const s = setup();
  write(s.src, 'p1.pack', 'first');
  const recorder = await startRecorder(s);
  for (let i = 2; i <= 40; i++) write(s.src, `p${i}.pack`, `pack ${i}`.repeat(i));
  fs.appendFileSync(path.join(s.src, 'p1.pack'), ' and last');
  await stopRecorder(recorder);
  await assertJournalEqualsSource(s);
});

test('a file created and deleted while recording leaves the journal consistent', async () => {
  const s = setup();
  const recorder = await startRecorder(s);
  for (let i = 0; i < 200; i++) {
    const name = `tmp-${i}.txt`;
    write(s.src, name, 'x'.repeat(1 + (i % 50) * 97));
    fs.appendFileSync(path.join(s.src, name), 'tail');
    if (i % 20 !== 0) fs.unlinkSync(path.join(s.src, name));
    if (i % 25 === 0) await sleep(5);
  }
  write(s.src, 'p1.pack', 'last');
  await sleep(200);
  await stopRecorder(recorder);

  const { ops, lives } = await readJournal(s.journal);
  await assertJournalEqualsSource(s);
  assert.ok(lives.some((life) => life.deletedSeq !== null), 'some temp file was recorded, then its delete');
  assert.equal(resyncs(ops).filter((op) => op.reason !== 'missed' && op.reason !== 'overflow'), [], describeResyncs(ops));
});

test('a kernel queue overflow is recorded as a resync and recovered by a rescan', async () => {
  const limitFile = '/proc/sys/fs/inotify/max_queued_events';
  let original: string;
  try {
    original = fs.readFileSync(limitFile, 'utf8');
    fs.writeFileSync(limitFile, String(original));
  } catch (err) {
    skip(`the overflow test cannot write ${limitFile}: ${(err as Error).message}`);
    return;
  }
  const s = setup();
  let recorder;
  try {
    fs.writeFileSync(limitFile, '16'); // read by inotify_init: only the recorder started now gets it
    recorder = await startRecorder(s);
  } finally {
    fs.writeFileSync(limitFile, original);
  }
  const sim = spawnEngine(s.src, { transactions: 3000, minSize: 16, maxSize: 64, writesPerTx: 4, packSize: 512, keep: 2, seed: 3 });
  await engineSummary(sim);
  await stopRecorder(recorder);

  const { ops } = await readJournal(s.journal);
  assert.ok(resyncs(ops).some((op) => op.reason === 'overflow'), `no overflow resync; resyncs:\n${describeResyncs(ops)}`);
  await assertJournalEqualsSource(s);
});

test('a file shrunk while recording is a shrunk resync, then recorded again from 0', async () => {
  const s = setup();
  write(s.src, 'notes.txt', 'a line that will be cut short');
  const recorder = await startRecorder(s);
  fs.truncateSync(path.join(s.src, 'notes.txt'), 6);
  await sleep(100);
  fs.appendFileSync(path.join(s.src, 'notes.txt'), ', then grown');
  await sleep(100);
  await stopRecorder(recorder);
  const { ops } = await readJournal(s.journal);
  assert.equal(resyncs(ops).map((op) => [op.reason, op.file, op.recordedSize, op.foundSize]), [['shrunk', 'notes.txt', 29, 6]]);
  await assertJournalEqualsSource(s);
});

test('a file rewritten in place below its recorded size while recording is a changed resync', async () => {
  const s = setup();
  write(s.src, 'a.idindex', 'index version 1, same size');
  const recorder = await startRecorder(s);
  const fd = fs.openSync(path.join(s.src, 'a.idindex'), 'r+');
  fs.writeSync(fd, '2', 14);
  fs.closeSync(fd);
  await sleep(200);
  await stopRecorder(recorder);
  const { ops } = await readJournal(s.journal);
  await assertJournalEqualsSource(s);
  assert.equal(resyncs(ops).map((op) => [op.reason, op.file]), [['changed', 'a.idindex']]);
});

test('SIGTERM during the start-up snapshot records everything present, then exits 0', async () => {
  const s = setup();
  fs.writeFileSync(path.join(s.src, 'p1.pack'), randomBytes(96 * 1024 * 1024));
  const recorder = spawnCli(['record', s.src, '--journal', s.journal, '--json']);
  while (!fs.existsSync(path.join(s.journal, 'LOCK')) && recorder.exitCode === null) await sleep(5);
  assert.not.match(outputOf(recorder).stdout, RECORDING, 'precondition: the snapshot is still running');
  recorder.kill('SIGTERM');
  const { code, signal } = await waitForExit(recorder);
  assert.is(code, 0, `recorder ended with ${code ?? signal}\n${describeOutput(recorder)}`);
  await assertJournalEqualsSource(s);
});

test('a recorder whose source directory is deleted exits 75 (retryable) with SOURCE_GONE', async () => {
  const s = setup();
  write(s.src, 'p1.pack', 'one');
  const recorder = await startRecorder(s);
  fs.rmSync(s.src, { recursive: true });
  const { code, signal } = await waitForExit(recorder, 10_000);
  assert.is(errorEvent(outputOf(recorder).stdout)?.code, 'SOURCE_GONE', describeOutput(recorder));
  assert.is(code, 75, `recorder ended with ${code ?? signal}`);
  const { lives } = await readJournal(s.journal);
  assert.equal(lives.map((life) => [life.name, life.data.toString()]), [['p1.pack', 'one']]);
});

test('the journal is $RDM_JOURNAL when --journal is not given, else ./rdm.journal', async () => {
  const s = setup();
  write(s.src, 'p1.pack', 'one');
  const cwd = path.dirname(s.src);
  const viaEnv = await runCli(['record', s.src, '--once', '--json'], { cwd, env: { RDM_JOURNAL: s.journal } });
  assert.is(viaEnv.code, 0, viaEnv.stdout + viaEnv.stderr);
  assertSameFiles(await journalFiles(s.journal), sourceFiles(s.src), '$RDM_JOURNAL');
  const byDefault = await runCli(['record', s.src, '--once', '--json'], { cwd, env: { RDM_JOURNAL: undefined } });
  assert.is(byDefault.code, 0, byDefault.stdout + byDefault.stderr);
  assertSameFiles(await journalFiles(path.join(cwd, 'rdm.journal')), sourceFiles(s.src), './rdm.journal');
});

// ---------------------------------------------------------------------------------------------
// Restart reconciliation

/** Records a source with two files, lets `change` alter it while nothing records, records again. */
async function reconcileAfter(change: (src: string) => void) {
  const s = setup();
  write(s.src, 'p1.pack', 'first pack, finished');
  write(s.src, 'p2.pack', 'second pack, still growing');
  const { head } = await recordOnce(s);
  change(s.src);
  await recordOnce(s);
  const { ops } = await readJournal(s.journal);
  await assertJournalEqualsSource(s);
  return { after: ops.filter((op) => op.seq > (head as number)), ops };
}

test('restart: a file smaller than recorded is a shrunk resync, then recorded again from 0', async () => {
  const { after } = await reconcileAfter((src) => fs.truncateSync(path.join(src, 'p2.pack'), 6));
  const resync = resyncs(after);
  assert.equal(resync.map((op) => [op.reason, op.file, op.recordedSize, op.foundSize]), [['shrunk', 'p2.pack', 26, 6]]);
  assert.equal(after.filter((op) => op.type !== 'resync').map((op) => `${op.type} ${op.file}`),
    ['delete p2.pack', 'create p2.pack', 'append p2.pack']);
});

test('restart: a name that now refers to another inode is a replaced resync', async () => {
  let before = 0;
  let now = 0;
  const { after } = await reconcileAfter((src) => {
    before = fs.statSync(path.join(src, 'p2.pack')).ino;
    write(src, 'new.tmp', 'another file, same name');
    fs.renameSync(path.join(src, 'new.tmp'), path.join(src, 'p2.pack'));
    now = fs.statSync(path.join(src, 'p2.pack')).ino;
  });
  assert.is.not(now, before, 'precondition: a new inode');
  assert.equal(resyncs(after).map((op) => [op.reason, op.file]), [['replaced', 'p2.pack']]);
  assert.ok(after.some((op) => op.type === 'create' && op.file === 'p2.pack' && op.ino === now));
});

test('restart: a recorded file gone from the source is a vanished resync and a delete', async () => {
  const { after } = await reconcileAfter((src) => fs.unlinkSync(path.join(src, 'p1.pack')));
  assert.equal(after.map((op) => [op.type, op.type === 'resync' ? op.reason : op.file]),
    [['resync', 'vanished'], ['delete', 'p1.pack']]);
  assert.is(resyncs(after)[0]?.file, 'p1.pack');
});

test('restart: bytes rewritten below the recorded size are a changed resync, then recorded again', async () => {
  const { after } = await reconcileAfter((src) => {
    const fd = fs.openSync(path.join(src, 'p2.pack'), 'r+');
    fs.writeSync(fd, 'GROWING', 19);
    fs.closeSync(fd);
  });
  assert.equal(resyncs(after).map((op) => [op.reason, op.file]), [['changed', 'p2.pack']]);
  assert.equal(after.filter((op) => op.type !== 'resync').map((op) => `${op.type} ${op.file}`),
    ['delete p2.pack', 'create p2.pack', 'append p2.pack']);
});

test('restart: bytes appended while not recording are appended, with no resync', async () => {
  const { after } = await reconcileAfter((src) => fs.appendFileSync(path.join(src, 'p2.pack'), ' and more'));
  assert.equal(after.map((op) => [op.type, op.type === 'append' ? op.offset : op.type === 'resync' ? op.reason : op.file]),
    [['append', 26]]);
});

test.run();
