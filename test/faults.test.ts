/**
 * The fault-injection suite in its short form: the scenarios of test/faults/ with small
 * parameters (`node --import tsx tools/faults.ts --kills 500` runs the long form and prints the
 * table). Each scenario returns a row whose problems say, one line each, what was expected and what
 * happened; a test picks the problems of its own case (they are prefixed with it) and fails on any.
 * Scenarios run once and are shared by the tests that look at their cases.
 */
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { corruptJournal } from './faults/corrupt.js';
import { crashLoop, restartGap } from './faults/crash.js';
import { diskFullJournal, diskFullTarget } from './faults/disk-full.js';
import { hostileJournal } from './faults/hostile.js';
import { overflow } from './faults/overflow.js';
import { type FaultRow } from './faults/row.js';
import { FOLLOWING } from './faults/run.js';
import { sourceSurprises } from './faults/surprises.js';
import { MAX_QUEUED_EVENTS, isRoot } from './faults/support.js';
import { cleanUp, runCli, skip, spawnCli, tempDir, waitForExit, waitForOutput } from './support.js';

const test = suite('faults');
test.after(cleanUp);

const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 2 ** 31);
console.log(`  faults: seed ${SEED} (FAULTS_SEED=${SEED} to repeat the choices)`);

/** Runs a scenario once, however many tests look at it. */
function once(run: () => Promise<FaultRow>): () => Promise<FaultRow> {
  let result: Promise<FaultRow> | null = null;
  return () => (result ??= run());
}

/** The problems of one case (`context` as the scenario prefixed them), or all of them. */
function problemsOf(row: FaultRow, context?: string): string[] {
  return context === undefined ? row.problems : row.problems.filter((p) => p.startsWith(`${context}: `));
}

function assertNone(problems: readonly string[], what: string): void {
  assert.equal(problems.length, 0, `${what}: ${problems.length} failures:\n${problems.slice(0, 15).join('\n')}${problems.length > 15 ? '\n...' : ''}`);
}

function skipUnlessRoot(what: string): boolean {
  if (isRoot()) return false;
  skip(`${what} needs root`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// 1. Crash loops: at least 20 SIGKILLs in all

const kills: Record<string, number> = {};

function assertCrashLoop(row: FaultRow, wanted: number): void {
  assertNone(row.problems, row.scenario);
  assert.ok(row.kills >= wanted, `${row.scenario}: ${row.kills} kills landed, wanted ${wanted}`);
  assert.is(row.details.verifyPassed, row.runs, 'verify --to TARGET passed after every run');
  const d = row.details;
  // Every pack the engine created is accounted for: recorded, named missed, or in a marked gap.
  assert.is((d.packsRecorded ?? 0) + (d.packsMissed ?? 0) + (d.packsUnseenWhileDown ?? 0) + (d.packsUnseenInOverflow ?? 0), d.packsCreated,
    `packs: ${JSON.stringify(d)}`);
  assert.ok(row.bytesCompared > 0, 'bytes were compared');
  kills[row.scenario] = row.kills;
}

test('crash loop: the recorder killed with SIGKILL at random moments under a rotating, vacuuming load', async () => {
  const row = await crashLoop({ mode: 'record', kills: 8, seed: SEED });
  assertCrashLoop(row, 8);
});

test('crash loop: replay --follow killed with SIGKILL at random moments while a recorder runs', async () => {
  const row = await crashLoop({ mode: 'replay', kills: 6, seed: SEED + 1 });
  assertCrashLoop(row, 6);
  assert.ok((row.details.replayKilledInBatch ?? 0) + (row.details.replayKilledBetweenBatches ?? 0) === row.kills);
});

test('crash loop: record and replay --follow in separate processes, either or both killed at once', async () => {
  const row = await crashLoop({ mode: 'both', kills: 7, seed: SEED + 2 });
  assertCrashLoop(row, 7);
  const total = Object.values(kills).reduce((a, b) => a + b, 0);
  assert.ok(total >= 20, `${total} kills in all the crash loops, wanted at least 20`);
});

test('replay --follow sent SIGTERM as soon as it says it follows exits 0 after applying (its handler is in place first)', async () => {
  const root = tempDir('rdm-stop-race-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  fs.writeFileSync(path.join(src, 'p1.pack'), 'first');
  const journal = path.join(root, 'journal');
  assert.is((await runCli(['record', src, '--journal', journal, '--once'])).code, 0);
  const endings: Array<number | string | null> = [];
  for (let i = 0; i < 5; i++) {
    const child = spawnCli(['replay', '--journal', journal, '--to', path.join(root, `target-${i}`), '--follow', '--json']);
    await waitForOutput(child, FOLLOWING);
    child.kill('SIGTERM'); // what a supervisor does once the line says SIGTERM is how to stop it
    const { code, signal } = await waitForExit(child);
    endings.push(signal ?? code);
  }
  assert.equal(endings, [0, 0, 0, 0, 0], 'exit status of each (a signal name: killed by it, before its handler was installed)');
});

test('restart gap: packs created and deleted while no recorder ran are named by a resync, never silent', async () => {
  const row = await restartGap({ seed: SEED });
  assertNone(row.problems, row.scenario);
});

// ---------------------------------------------------------------------------------------------
// 2. inotify overflow

const overflowRun = once(() => overflow({ seed: SEED }));

test('overflow: a recorder with a queue of 16 events records an overflow resync; the replayed copy is identical', async () => {
  if (skipUnlessRoot('lowering fs.inotify.max_queued_events')) return;
  const before = fs.readFileSync(MAX_QUEUED_EVENTS, 'utf8');
  const row = await overflowRun();
  assert.is(fs.readFileSync(MAX_QUEUED_EVENTS, 'utf8'), before, `${MAX_QUEUED_EVENTS} is restored`);
  assertNone(problemsOf(row, 'A'), 'queue of 16');
  assert.ok((row.details.overflowResyncs ?? 0) >= 1);
});

test('overflow: a recorder frozen (SIGSTOP) while events flood in records the overflow once let go; the copy is identical', async () => {
  const row = await overflowRun();
  assertNone(problemsOf(row, 'B'), 'SIGSTOP, flood, SIGCONT');
});

test('overflow: an overflow still pending when SIGTERM arrives is recorded as a resync too', async () => {
  const row = await overflowRun();
  assertNone(problemsOf(row, 'C'), 'SIGSTOP, flood, SIGTERM');
});

// ---------------------------------------------------------------------------------------------
// 3. Disk full

const journalFull = once(() => diskFullJournal({ seed: SEED }));

test('disk full: the journal\'s disk fills while recording: JOURNAL_NO_SPACE, nothing half-written, resumed identical', async () => {
  if (skipUnlessRoot('a small tmpfs')) return;
  const row = await journalFull();
  assertNone(problemsOf(row, 'host'), 'recorder hosting the journal');
  assert.ok(row.faultsInjected >= 2);
});

test('disk full: the same with the recorder the guest of a replay --follow that hosts the journal', async () => {
  if (skipUnlessRoot('a small tmpfs')) return;
  const row = await journalFull();
  assertNone(problemsOf(row, 'guest'), 'recorder as a guest');
});

test('disk full: a target fills under replay --follow: TARGET_NO_SPACE, the cursor covers only what is on disk, resumed identical', async () => {
  if (skipUnlessRoot('a small tmpfs')) return;
  const row = await diskFullTarget({ seed: SEED });
  assertNone(row.problems, row.scenario);
  assert.ok((row.details.cursorChecks ?? 0) >= 2, 'the cursor was checked after each refusal');
  assert.is(row.details.verifyPassed, 1);
});

// ---------------------------------------------------------------------------------------------
// 4. Corrupt journal

const corruptRun = once(() => corruptJournal({ seed: SEED, rawDetected: 2, rawAttempts: 6 }));

test('corrupt journal: a flipped byte in an op\'s value is reported by verify and stops replay before it (JOURNAL_CORRUPT)', async () => {
  const row = await corruptRun();
  assertNone(problemsOf(row, 'ops'), 'flips in op values');
  assertNone(problemsOf(row, 'metadata'), 'flips in op metadata (nothing may crash or reach a target)');
  const ops = Object.entries(row.details).filter(([k]) => k.startsWith('payload.op.'));
  assert.ok(ops.length > 0 && ops.every(([k]) => k === 'payload.op.verify+replay'), JSON.stringify(row.details));
});

test('corrupt journal: a flipped byte in the per-file index or a file state is reported by verify', async () => {
  const row = await corruptRun();
  assertNone(problemsOf(row, 'index'), 'flips in index entries and file states');
});

test('corrupt journal: flipped bytes in LevelDB tables (*.ldb) are noticed, or harmless; never applied', async () => {
  const row = await corruptRun();
  assertNone(problemsOf(row, 'ldb'), 'flips in *.ldb');
});

test('corrupt journal: flipped bytes in LevelDB\'s log (*.log) are noticed, or harmless; never applied', async () => {
  const row = await corruptRun();
  assertNone(problemsOf(row, 'log'), 'flips in *.log');
});

// ---------------------------------------------------------------------------------------------
// 5. Hostile journal

/** One or two of each kind; `node --import tsx tools/faults.ts --only hostile` runs all of them. */
const HOSTILE_SAMPLE = [
  'a create of an absolute path', 'a delete of an absolute path', 'a delete of ../outside/victim', 'a create of a name ending in NUL',
  'a file name that is binary', 'an append at offset 2^64-1', 'an append at offset NaN', 'an append of 1 MiB + 1 bytes',
  'a create with mode 04777 (setuid)', 'an op of type symlink', 'an op that is not msgpack', 'ops 1, 2, then 4 (a gap)',
];
const KEY_CASES = ['2^53+2', 'not 9 bytes'];
const hostileRun = once(() => hostileJournal({ only: [...HOSTILE_SAMPLE, ...KEY_CASES] }));

test('hostile journal: escaping names, wrong types, absurd numbers, unknown kinds: JOURNAL_CORRUPT, nothing written anywhere', async () => {
  const row = await hostileRun();
  const problems = row.problems.filter((p) => !KEY_CASES.some((word) => p.split(':')[0]!.includes(word)));
  assertNone(problems, 'hostile ops');
  assert.ok((row.details.sandboxChecks ?? 0) >= HOSTILE_SAMPLE.length + KEY_CASES.length, 'the sandbox was compared after each');
});

test('hostile journal: op keys that are not 9 bytes, or past 2^53, are JOURNAL_CORRUPT (never INTERNAL, never a partial replay)', async () => {
  const row = await hostileRun();
  assertNone(row.problems.filter((p) => KEY_CASES.some((word) => p.split(':')[0]!.includes(word))), 'malformed op keys');
});

// ---------------------------------------------------------------------------------------------
// 6. Source surprises

const surprises = once(() => sourceSurprises({ seed: SEED, goneWithinMs: 3000 }));

test('source surprises: the source renamed while recording under load: SOURCE_GONE, then resumed identical once moved back', async () => {
  assertNone(problemsOf(await surprises(), 'renamed'), 'renamed');
});

test('source surprises: the source deleted while the engine still writes in it: SOURCE_GONE, a sound journal', async () => {
  assertNone(problemsOf(await surprises(), 'deleted'), 'deleted');
});

test('source surprises: a pack replaced by a symlink (live and while stopped) is never followed', async () => {
  assertNone(problemsOf(await surprises(), 'symlink'), 'symlink');
});

test('source surprises: the source swapped for another database: SOURCE_GONE, then JOURNAL_SOURCE_MISMATCH', async () => {
  assertNone(problemsOf(await surprises(), 'swapped'), 'swapped');
});

test('source surprises: another database restored in place while stopped: every changed file marked by a resync, then identical', async () => {
  const row = await surprises();
  assertNone(problemsOf(row, 'restored'), 'restored');
  assert.ok((row.details.restoreResyncs ?? 0) > 0);
  assertNone(row.problems.filter((p) => !/^(renamed|deleted|symlink|swapped|restored): /.test(p)), 'source surprises (other)');
});

test.run();
