/**
 * `rdm-journal replay` end to end: the compiled CLI in child processes, real LevelDB journals and
 * target cursors, the engine simulator as the writer, SIGKILL and a full filesystem as the crashes.
 * A replay test ends by comparing the target's files (its control directory left out) with the
 * source, or with the journal's state at an op; an error test asserts the exit status, the stable
 * code of the `--json` error line, and that the target was left as it was.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FORMAT_VERSION } from '../src/journal/journal.js';
import { checksum, makeAppend, type Op } from '../src/journal/op.js';
import { validatePacks } from './engine/packs.js';
import {
  RECORDING, assertSameFiles, cleanUp, describeDir, describeOutput, engineSummary, errorEvent, packOps, readJournal,
  readTargetControl, replayOps, resultEvent, runCli, runEngine, skip, sleep, sourceFiles, spawnCli, spawnEngine, targetFiles, tempDir,
  waitForExit, waitForOutput, writeJournal, writeRawJournal, type EngineCliOptions,
} from './support.js';
import { assertFails } from './recording.js';

const test = suite('replayer');
test.after(cleanUp);

// ---------------------------------------------------------------------------------------------
// Helpers for this file

interface Setup { root: string; src: string; journal: string }

function setup(): Setup {
  const root = tempDir('rdm-replayer-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  return { root, src, journal: path.join(root, 'journal') };
}

interface ReplayResult { head: number; targets: Array<{ target: string; from: number; to: number; ops: number; bytes: number }> }

const replay = (journal: string, targets: string[], ...extra: string[]) =>
  runCli(['replay', '--journal', journal, ...targets.flatMap((t) => ['--to', t]), '--json', ...extra]);

/** A replay that must succeed; returns its result line. */
async function replayOk(journal: string, targets: string[], ...extra: string[]): Promise<ReplayResult> {
  const run = await replay(journal, targets, ...extra);
  assert.is(run.code, 0, `replay failed:\n${run.stdout}\n${run.stderr}`);
  const result = resultEvent(run.stdout);
  assert.ok(result, `no result line in:\n${run.stdout}`);
  return result as unknown as ReplayResult;
}


async function recordOnce({ src, journal }: Setup): Promise<number> {
  const run = await runCli(['record', src, '--journal', journal, '--once', '--json']);
  assert.is(run.code, 0, `record --once failed:\n${run.stdout}\n${run.stderr}`);
  return resultEvent(run.stdout)!.head as number;
}

/** The simulator run in this process, then `record --once`: a journal of a finished workload. */
async function recordWorkload(s: Setup, options: EngineCliOptions): Promise<number> {
  await runEngine({ dir: s.src, ...options });
  return recordOnce(s);
}

function assertTargetEqualsSource(target: string, src: string): void {
  assertSameFiles(targetFiles(target), sourceFiles(src), `target ${path.basename(target)} vs source`);
}

/** The files the journal says the source held once op `seq` was recorded. */
async function journalStateAt(journal: string, seq: number): Promise<Map<string, Buffer>> {
  const { ops } = await readJournal(journal);
  return replayOps(ops.filter((op) => op.seq <= seq)).files;
}

/** A listing of the target and its cursor, to show that a refused replay changed nothing. */
async function snapshotTarget(target: string) {
  const { cursor } = await readTargetControl(target);
  return { listing: describeDir(target), cursor: cursor && { ...cursor, updatedAt: 0 } };
}

const isDataFile = (name: string) => name !== '.rdm-journal';

/** Names and sizes of a target's files: changes once a replay writes to it. */
function dataSignature(target: string): string {
  if (!fs.existsSync(target)) return '';
  return fs.readdirSync(target).filter(isDataFile).map((name) => `${name}:${fs.statSync(path.join(target, name), { throwIfNoEntry: false })?.size}`).join(',');
}

// ---------------------------------------------------------------------------------------------
// Replay to the end

test('replay of a recorded workload is byte-identical to the source; a second replay applies nothing', async () => {
  const s = setup();
  const head = await recordWorkload(s, { transactions: 800, packSize: 65536, keep: 4, seed: 1 });
  const target = path.join(s.root, 'target');
  const first = await replayOk(s.journal, [target]);
  assert.equal(first.targets.map((t) => [t.from, t.to]), [[0, head]]);
  assertTargetEqualsSource(target, s.src);
  const second = await replayOk(s.journal, [target]);
  assert.equal(second.targets.map((t) => [t.from, t.to, t.ops]), [[head, head, 0]]);
  assertTargetEqualsSource(target, s.src);
});

test('a live recording of a rotating, vacuuming workload replays identical; --no-delete keeps every pack ever created whole', async () => {
  const s = setup();
  const recorder = spawnCli(['record', s.src, '--journal', s.journal, '--json']);
  await waitForOutput(recorder, RECORDING);
  // 1000 tx/s and keep 3: a 64 KiB pack lives ~100 ms past its last write, ample time to open it.
  const sim = spawnEngine(s.src, { transactions: 1500, rate: 1000, packSize: 65536, keep: 3, writesPerTx: 3, maxSize: 4096, seed: 21 });
  const summary = await engineSummary(sim);
  recorder.kill('SIGTERM');
  assert.is((await waitForExit(recorder)).code, 0, describeOutput(recorder));
  assert.ok(summary.packsDeleted > 0, 'precondition: the workload deleted packs');

  const plain = path.join(s.root, 'plain');
  await replayOk(s.journal, [plain]);
  assertTargetEqualsSource(plain, s.src);

  const kept = path.join(s.root, 'kept');
  await replayOk(s.journal, [kept], '--no-delete');
  const report = validatePacks(kept, { requireContiguous: true, allowTornTailInLast: false });
  assert.ok(report.ok, `--no-delete target is not whole:\n${report.problems.slice(0, 10).join('\n')}`);
  assert.is(report.packs.find((pack) => pack.transactions > 0)?.firstTx, 1, 'transactions start at 1');
  assert.is(report.lastTxId, summary.lastTxId);
  assert.is(report.totalTransactions, summary.lastTxId);
  assert.is(report.packs.length, summary.packsCreated, 'every pack ever created is on the target');
  const live = new Map([...targetFiles(kept)].filter(([name]) => fs.existsSync(path.join(s.src, name))));
  assertSameFiles(live, sourceFiles(s.src), '--no-delete target, files still in the source');
});

test('a replay killed with SIGKILL at random moments resumes each time and ends identical to the source', async () => {
  const s = setup();
  // ~96 MiB in 16 KiB appends: a dozen 8 MiB batches. keep 2: a pack's delete often shares a batch
  // with its last appends, as in a live recording.
  await runEngine({ dir: s.src, transactions: 2000, minSize: 32768, maxSize: 65536, packSize: 2 * 1024 * 1024, keep: 0, seed: 7 });
  const { ops, deleted } = packOps([...sourceFiles(s.src)].sort(([a], [b]) => a.localeCompare(b)), { chunk: 16384, keep: 2 });
  const head = await writeJournal(s.journal, ops);
  for (const name of deleted) fs.unlinkSync(path.join(s.src, name));

  const target = path.join(s.root, 'target');
  const moments: string[] = [];
  let kills = 0;
  let previous = '';
  for (let attempt = 0; attempt < 20 && kills < 4; attempt++) {
    const before = dataSignature(target);
    const child = spawnCli(['replay', '--journal', s.journal, '--to', target, '--json']);
    while (child.exitCode === null && dataSignature(target) === before) await sleep(2); // it is applying
    // Within the first tenth of a second of writing: format 3 replays copy in the kernel, and a
    // later kill mostly finds the replay done.
    const moment = Math.floor(Math.random() * 100);
    await sleep(moment);
    child.kill('SIGKILL');
    const { code, signal } = await waitForExit(child);
    const context = `kills so far: ${moments.join(', ')}\n${describeOutput(child)}`;
    if (signal !== 'SIGKILL') {
      assert.is(code, 0, `a resumed replay failed after ${moment} ms; ${context}`);
      break;
    }
    const { cursor, writing } = await readTargetControl(target);
    const state = `op ${cursor?.seq ?? '-'}, applying ${cursor?.applying ?? '-'}`;
    moments.push(`writing + ${moment} ms: ${state}`);
    if (cursor === undefined || cursor.seq === head || state === previous) continue; // not killed mid-replay
    kills += 1;
    assert.ok(writing !== undefined, `a killed replay leaves the target marked as being written; ${moments.join(', ')}; ${context}`);
    // The state a kill left is accepted as it is (no TARGET_DIVERGED): a replay that goes no further
    // than the interrupted batch passes the check.
    const check = await replay(s.journal, [target], '--until', String(cursor.applying ?? cursor.seq));
    assert.is(check.code, 0, `the state left by a kill is refused; ${moments.join(', ')}\n${check.stdout}${check.stderr}`);
    previous = `op ${cursor.applying ?? cursor.seq}, applying -`;
  }
  assert.ok(kills >= 2, `only ${kills} kills landed mid-replay (${moments.join(', ')}): make the journal bigger`);
  const last = await replayOk(s.journal, [target]);
  assert.is(last.targets[0]!.to, head, moments.join(', '));
  assertTargetEqualsSource(target, s.src);
  const { writing } = await readTargetControl(target);
  assert.is(writing, undefined, 'a finished replay removes the writing mark');
});

// ---------------------------------------------------------------------------------------------
// Point in time

test('--until N gives the journal state at op N: whole transactions and at most one torn tail', async () => {
  const s = setup();
  await recordWorkload(s, { transactions: 400, minSize: 1024, maxSize: 16384, packSize: 1024 * 1024, keep: 0, seed: 3 });
  const { ops } = await readJournal(s.journal);
  // The first 1 MiB append of the third pack: it ends inside a transaction.
  const third = ops.filter((op) => op.type === 'create')[2]!;
  const until = ops.find((op) => op.seq > third.seq && op.type === 'append')!.seq;
  assert.ok(until < ops.length, 'precondition: ops follow the --until op');

  const target = path.join(s.root, 'target');
  const result = await replayOk(s.journal, [target], '--until', String(until));
  assert.is(result.targets[0]!.to, until);
  assertSameFiles(targetFiles(target), replayOps(ops.filter((op) => op.seq <= until)).files, `target vs journal at op ${until}`);
  const report = validatePacks(target, { requireContiguous: true, allowTornTailInLast: true });
  assert.ok(report.ok, report.problems.slice(0, 10).join('\n'));
  assert.ok(report.packs.at(-1)!.tornTailBytes > 0, 'precondition: the last pack ends in a torn transaction');
});

test('--until an ISO time between two recordings gives the first one', async () => {
  const s = setup();
  await recordWorkload(s, { transactions: 200, packSize: 65536, keep: 0, seed: 4 });
  const first = sourceFiles(s.src);
  await sleep(30);
  const between = new Date().toISOString();
  await sleep(30);
  await recordWorkload(s, { transactions: 200, packSize: 65536, keep: 2, seed: 5 });
  assert.ok(sourceFiles(s.src).size !== first.size, 'precondition: the second recording changed the source');

  const target = path.join(s.root, 'target');
  await replayOk(s.journal, [target], '--until', between);
  assertSameFiles(targetFiles(target), first, `target vs the source at ${between}`);
});

test('a target whose cursor is past --until is TARGET_PAST_UNTIL and is left as it was', async () => {
  const s = setup();
  await recordWorkload(s, { transactions: 100, packSize: 65536, seed: 6 });
  const target = path.join(s.root, 'target');
  await replayOk(s.journal, [target]);
  const before = await snapshotTarget(target);
  await assertFails(['replay', '--journal', s.journal, '--to', target, '--until', '2'], 'TARGET_PAST_UNTIL');
  assert.equal(await snapshotTarget(target), before);
});

test('--until that is neither an op number nor an ISO time is a usage error', async () => {
  const s = setup();
  await recordWorkload(s, { transactions: 10, seed: 6 });
  const target = path.join(s.root, 'target');
  await assertFails(['replay', '--journal', s.journal, '--to', target, '--until', 'yesterday'], 'USAGE', 2);
  await assertFails(['replay', '--journal', s.journal, '--to', target, '--until', '12abc'], 'USAGE', 2);
  assert.not.ok(fs.existsSync(target) && fs.readdirSync(target).some(isDataFile), 'nothing was replayed');
});

// ---------------------------------------------------------------------------------------------
// Several targets

test('several targets at different cursors each catch up from their own', async () => {
  const s = setup();
  const head = await recordWorkload(s, { transactions: 300, packSize: 65536, keep: 0, seed: 8 });
  assert.ok(head > 20, 'precondition: more than 10 ops');
  const a = path.join(s.root, 'a');
  const b = path.join(s.root, 'b');
  await replayOk(s.journal, [a], '--until', '10');
  const result = await replayOk(s.journal, [a, b]);
  assert.equal(result.targets.map((t) => [path.basename(t.target), t.from, t.to]), [['a', 10, head], ['b', 0, head]]);
  assertTargetEqualsSource(a, s.src);
  assertTargetEqualsSource(b, s.src);
});

// ---------------------------------------------------------------------------------------------
// Divergence and foreign targets

const EDITS: Array<[string, (target: string, files: string[]) => string]> = [
  ['a byte appended to a finished pack', (t, files) => { fs.appendFileSync(path.join(t, files[0]!), 'x'); return files[0]!; }],
  ['a pack deleted', (t, files) => { fs.unlinkSync(path.join(t, files[1]!)); return files[1]!; }],
  ['a stray file added', (t) => { fs.writeFileSync(path.join(t, 'stray.tmp'), 'not from the journal'); return 'stray.tmp'; }],
  ['the last byte of the newest pack overwritten', (t, files) => {
    const name = files.at(-1)!;
    const fd = fs.openSync(path.join(t, name), 'r+');
    const size = fs.fstatSync(fd).size;
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    fs.writeSync(fd, Buffer.of(last[0]! ^ 0xff), 0, 1, size - 1);
    fs.closeSync(fd);
    return name;
  }],
];

test('a target edited after its replay is TARGET_DIVERGED, naming the file, and nothing on it is overwritten', async () => {
  const s = setup();
  const head = await recordWorkload(s, { transactions: 300, packSize: 65536, keep: 0, seed: 9 });
  for (const [what, edit] of EDITS) {
    const target = path.join(s.root, `target-${EDITS.findIndex(([w]) => w === what)}`);
    await replayOk(s.journal, [target], '--until', String(head - 5)); // ops are left to apply
    const files = [...targetFiles(target).keys()].sort();
    const name = edit(target, files);
    const before = await snapshotTarget(target);
    const error = await assertFails(['replay', '--journal', s.journal, '--to', target], 'TARGET_DIVERGED');
    assert.ok(error.message.includes(name), `${what}: the error names ${name}: ${error.message}`);
    assert.equal(await snapshotTarget(target), before, `${what}: the target is unchanged`);
  }
});

test('a non-empty directory never replayed to is TARGET_NOT_EMPTY and left untouched', async () => {
  const s = setup();
  await recordWorkload(s, { transactions: 20, seed: 10 });
  const target = path.join(s.root, 'live-db');
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, 'p00000001.pack'), 'a live database, maybe');
  const before = describeDir(target);
  await assertFails(['replay', '--journal', s.journal, '--to', target], 'TARGET_NOT_EMPTY');
  assert.equal(describeDir(target), before, 'the directory is exactly as it was (no entry added)');
});

test('a target replayed from another journal is TARGET_OTHER_JOURNAL and is left as it was', async () => {
  const s = setup();
  await recordWorkload(s, { transactions: 50, seed: 11 });
  const other = path.join(s.root, 'other-journal');
  assert.is((await runCli(['record', s.src, '--journal', other, '--once', '--json'])).code, 0);
  const target = path.join(s.root, 'target');
  await replayOk(s.journal, [target]);
  const before = await snapshotTarget(target);
  await assertFails(['replay', '--journal', other, '--to', target], 'TARGET_OTHER_JOURNAL');
  assert.equal(await snapshotTarget(target), before);
});

// ---------------------------------------------------------------------------------------------
// One writer per target

test('a replay onto a target a running backup writes is TARGET_LOCKED; the writing mark goes when the backup exits', async () => {
  const s = setup();
  await runEngine({ dir: s.src, transactions: 50, seed: 12 });
  const otherSrc = path.join(s.root, 'Other.rdm');
  await runEngine({ dir: otherSrc, transactions: 10, seed: 13 });
  const otherJournal = path.join(s.root, 'other-journal');
  assert.is((await runCli(['record', otherSrc, '--journal', otherJournal, '--once', '--json'])).code, 0);

  const target = path.join(s.root, 'target');
  const backup = spawnCli(['backup', s.src, target, '--journal', s.journal, '--json']);
  await waitForOutput(backup, /backing up/);
  await assertFails(['replay', '--journal', otherJournal, '--to', target], 'TARGET_LOCKED', 75);
  backup.kill('SIGTERM');
  const { code, signal } = await waitForExit(backup);
  assert.is(code, 0, `backup ended with ${code ?? signal}\n${describeOutput(backup)}`);

  const { cursor, writing } = await readTargetControl(target, { inPlace: true });
  assert.is(writing, undefined, 'no writing mark after the backup exited');
  assert.ok(cursor, 'the cursor is stored');
  assertTargetEqualsSource(target, s.src);
});

// ---------------------------------------------------------------------------------------------
// Out of space

/** Mounts a tmpfs of `size` on a new directory, runs `work`, and always unmounts it. */
async function withSmallFilesystem(size: string, work: (dir: string) => Promise<void>): Promise<void> {
  const dir = tempDir('rdm-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    skip(`cannot mount a tmpfs: ${(err as Error).message.split('\n')[0]}`);
    return;
  }
  try {
    await work(dir);
  } finally {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  }
}

const grow = (dir: string) => execFileSync('mount', ['-o', 'remount,size=64m', dir], { stdio: 'pipe' });

/** Every file the cursor describes is on the target with at least its bytes, as the journal has them. */
async function assertCursorCoversTarget(target: string, journal: string): Promise<number> {
  const { cursor } = await readTargetControl(target);
  assert.ok(cursor, 'the cursor is stored');
  const expected = await journalStateAt(journal, cursor!.seq);
  for (const [name, file] of Object.entries(cursor!.files)) {
    const want = expected.get(name);
    assert.ok(want, `${name} is in the cursor at op ${cursor!.seq} but not in the journal's state there`);
    assert.is(file.size, want!.length, `${name}: cursor size vs journal`);
    const onTarget = fs.readFileSync(path.join(target, name));
    assert.ok(onTarget.length >= file.size, `${name}: ${onTarget.length} bytes on the target, cursor says ${file.size}`);
    assert.ok(onTarget.subarray(0, file.size).equals(want!), `${name}: the bytes the cursor covers differ from the journal's`);
    assert.is(checksum(onTarget.subarray(file.tailOffset, file.tailOffset + file.tailLength)), file.tailCrc, `${name}: tail CRC`);
  }
  return cursor!.seq;
}

test('out of space: TARGET_NO_SPACE, the cursor covers only bytes on the target, and a replay with space finishes', async () => {
  const s = setup();
  // ~5 MiB in 256-byte appends: 1 MiB batches (4096 ops), so the cursor moves before the disk fills.
  await runEngine({ dir: s.src, transactions: 700, minSize: 4096, maxSize: 12288, packSize: 512 * 1024, keep: 0, seed: 14 });
  const { ops } = packOps([...sourceFiles(s.src)].sort(([a], [b]) => a.localeCompare(b)), { chunk: 256 });
  const head = await writeJournal(s.journal, ops);
  await withSmallFilesystem('2m', async (target) => {
    await assertFails(['replay', '--journal', s.journal, '--to', target], 'TARGET_NO_SPACE', 75);
    const seq = await assertCursorCoversTarget(target, s.journal);
    assert.ok(seq > 0 && seq < head, `precondition: the cursor moved before the disk filled (op ${seq} of ${head})`);
    grow(target);
    const result = await replayOk(s.journal, [target]);
    assert.equal(result.targets.map((t) => [t.from, t.to]), [[seq, head]]);
    assertTargetEqualsSource(target, s.src);
  });
});

test('out of space after a pack appended to and deleted in the same batch: the replay with space finishes', async () => {
  const s = setup();
  // Batch 1 is 4096 ops: p1's create and tiny appends. Batch 2: p1's last appends, p2's create, p1's
  // delete (vacuum), then p2 grows past the 2 MiB disk. The resumed replay applies batch 2 again,
  // with p1 already deleted by the first attempt.
  const at = Date.now();
  const p1 = randomBytes(4095 * 16 + 128 * 1024);
  const p2 = randomBytes(3 * 1024 * 1024);
  const appends = (file: string, data: Buffer, chunk: number, from = 0, to = data.length): Op[] =>
    Array.from({ length: Math.ceil((to - from) / chunk) }, (_, i) =>
      makeAppend(file, from + i * chunk, data.subarray(from + i * chunk, Math.min(to, from + (i + 1) * chunk)), at));
  const ops: Op[] = [
    { type: 'create', at, file: 'p1.pack', ino: 1 },
    ...appends('p1.pack', p1, 16, 0, 4095 * 16),
    ...appends('p1.pack', p1, 65536, 4095 * 16),
    { type: 'create', at, file: 'p2.pack', ino: 2 },
    { type: 'delete', at, file: 'p1.pack', size: p1.length },
    ...appends('p2.pack', p2, 65536),
  ];
  const head = await writeJournal(s.journal, ops);
  await withSmallFilesystem('2m', async (target) => {
    await assertFails(['replay', '--journal', s.journal, '--to', target], 'TARGET_NO_SPACE', 75);
    const { cursor } = await readTargetControl(target);
    assert.is(cursor?.seq, 4096, 'precondition: batch 1 is applied, batch 2 failed');
    assert.not.ok(fs.existsSync(path.join(target, 'p1.pack')), 'precondition: the failed batch deleted p1');
    grow(target);
    const result = await replayOk(s.journal, [target]);
    assert.is(result.targets[0]!.to, head);
    assertSameFiles(targetFiles(target), new Map([['p2.pack', p2]]), 'target vs journal');
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile and foreign journals

const AT = 1_700_000_000_000;
const HELLO = Buffer.from('hello');
const create = (file: unknown) => ({ type: 'create', at: AT, file, ino: 1 });
const append = (file: unknown, offset: number, data: unknown = HELLO) =>
  ({ type: 'append', at: AT, file, offset, data, crc: data instanceof Uint8Array ? checksum(data) : 0 });
const GOOD_START = [create('p1.pack'), append('p1.pack', 0)];

const HOSTILE: Array<[string, Array<Record<string, unknown>>]> = [
  ['a create of ../evil', [...GOOD_START, create('../evil'), append('../evil', 0)]],
  ['a create of a/b', [...GOOD_START, create('a/b')]],
  ['an append to ../p1.pack', [...GOOD_START, append('../p1.pack', 5)]],
  ['a create of ..', [...GOOD_START, create('..')]],
  ['a create of a name with NUL', [...GOOD_START, create('a\0b')]],
  ['a create of a 400-byte name (the spec allows 255 bytes of UTF-8)', [...GOOD_START, create('é'.repeat(200))]],
  ['a create of .rdm-journal', [...GOOD_START, create('.rdm-journal')]],
  ['an append beyond the end of the file', [...GOOD_START, append('p1.pack', 100)]],
  ['an append inside the file', [...GOOD_START, append('p1.pack', 2)]],
  ['an append whose crc does not match', [...GOOD_START, { ...append('p1.pack', 5), crc: 1 }]],
  ['an op of type format', [...GOOD_START, { type: 'format', at: AT, version: 1 }]],
  ['append data that is a string', [...GOOD_START, append('p1.pack', 5, 'not binary')]],
  ['a create of a file that exists', [...GOOD_START, create('p1.pack')]],
  ['a delete with the wrong size', [...GOOD_START, { type: 'delete', at: AT, file: 'p1.pack', size: 4 }]],
];

test('a hostile op is JOURNAL_CORRUPT: nothing of its batch is written, nothing outside the target', async () => {
  for (const [what, ops] of HOSTILE) {
    const root = tempDir('rdm-hostile-');
    const journal = path.join(root, 'journal');
    await writeRawJournal(journal, { ops });
    const parent = path.join(root, 'parent');
    const target = path.join(parent, 'target');
    fs.mkdirSync(target, { recursive: true });
    const before = describeDir(parent);
    const run = await replay(journal, [target]);
    assert.is(errorEvent(run.stdout)?.code, 'JOURNAL_CORRUPT', `${what}: exit ${run.code}\n${run.stdout}\n${run.stderr}`);
    assert.is(run.code, 1, what);
    assert.equal(describeDir(parent), before, `${what}: nothing written next to the target`);
    assert.equal(describeDir(root).filter((line) => !/^(journal|parent) /.test(line)), [], `${what}: nothing written elsewhere`);
    assert.equal([...targetFiles(target).keys()], [], `${what}: nothing of the batch is on the target`);
  }
});

test('a journal of a newer format version is JOURNAL_VERSION; a missing journal is JOURNAL_NOT_FOUND', async () => {
  const root = tempDir('rdm-foreign-');
  const target = path.join(root, 'target');
  const newer = path.join(root, 'newer');
  await writeRawJournal(newer, { format: { version: FORMAT_VERSION + 1, createdAt: AT }, ops: GOOD_START });
  await assertFails(['replay', '--journal', newer, '--to', target], 'JOURNAL_VERSION');
  await assertFails(['replay', '--journal', path.join(root, 'nowhere'), '--to', target], 'JOURNAL_NOT_FOUND');
  assert.not.ok(fs.existsSync(target), 'no target was created');
});

test('a hand-written version 1 journal that follows the spec replays', async () => {
  const root = tempDir('rdm-foreign-');
  const journal = path.join(root, 'journal');
  await writeRawJournal(journal, { source: { path: '/srv/DB.rdm', dev: 1, ino: 2 }, ops: [...GOOD_START, append('p1.pack', 5, Buffer.from(' world'))] });
  const target = path.join(root, 'target');
  await replayOk(journal, [target]);
  assertSameFiles(targetFiles(target), new Map([['p1.pack', Buffer.from('hello world')]]));
});

// ---------------------------------------------------------------------------------------------
// Usage

test('replay without --to, or with the same --to twice, is a usage error', async () => {
  const s = setup();
  await recordWorkload(s, { transactions: 10, seed: 15 });
  const target = path.join(s.root, 'target');
  await assertFails(['replay', '--journal', s.journal, '--to', target, '--to', `${target}/`], 'USAGE', 2);
  await assertFails(['replay', '--journal', s.journal], 'USAGE', 2);
  assert.not.ok(fs.existsSync(target), 'no target was created');
});

test.run();
