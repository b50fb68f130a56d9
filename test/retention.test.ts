/**
 * Retention, end to end through the compiled CLI: `prune` (dry run, the real one, the space it
 * returns, every point from the horizon on still rebuilt, points before it refused), targets that
 * block it and expire with --force then are rebuilt by `replay --resync`, and `record --retain` live
 * under a steady simulator load, its journal's size sampled every second against a bound.
 *
 * Every comparison is against something computed here from the op table as it was before the
 * prune (readJournal, which reads ops, never the per-file index the commands use), or against the
 * source itself.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { JournalOp } from '../src/journal/op.js';
import {
  RECORDING, assertSameFiles, cleanUp, cliScript, describeDir, describeOutput, engineSummary, errorEvent, jsonEvents, readJournal,
  outputOf, readTargetControl, repoRoot, resultEvent, runCli, sleep, sourceFiles, spawnCli, spawnEngine, targetFiles, tempDir, waitForExit,
  waitForOutput, type EngineCliOptions,
} from './support.js';
import { recordOnce, setup, startRecorder, stopRecorder, write, type Setup } from './recording.js';

const test = suite('retention');
test.after(cleanUp);

type Json = Record<string, any>;

/** A command that must succeed with --json; returns its result line. */
async function resultOf(args: string[]): Promise<Json> {
  const run = await runCli([...args, '--json']);
  assert.is(run.code, 0, `${args.join(' ')} failed (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  const result = resultEvent(run.stdout);
  assert.ok(result, `no result line in:\n${run.stdout}`);
  return result as Json;
}

/** A command that must fail with `code` (exit 1, or `exit`); returns the error line. */
async function failsWith(args: string[], code: string, exit = 1): Promise<{ message: string; hint?: string }> {
  const run = await runCli([...args, '--json']);
  const error = errorEvent(run.stdout) ?? errorEvent(run.stderr); // cat's stdout is data: its events go to stderr
  assert.is(error?.code, code, `${args.join(' ')}: expected ${code}; got exit ${run.code}\n${run.stdout}\n${run.stderr}`);
  assert.is(run.code, exit, `${args.join(' ')}: exit status`);
  return error!;
}

const status = (journal: string) => resultOf(['status', '--journal', journal]);

/** `log --json`, whole, as printed: two equal texts mean the same ops, seqs, times, sizes and CRCs. */
async function logText(journal: string): Promise<string> {
  const run = await runCli(['log', '--journal', journal, '--json']);
  assert.is(run.code, 0, `log failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

const loggedSeqs = (text: string) => jsonEvents(text).map((event) => event.seq as number);

/** `cat FILE --at POINT > out`: the bytes written, and the exit status (binary-safe, unlike runCli). */
async function catAt(journal: string, file: string, at: string): Promise<{ code: number | null; bytes: Buffer; stderr: string }> {
  const out = path.join(tempDir('rdm-retention-cat-'), 'out');
  const fd = fs.openSync(out, 'w');
  const child = spawn(process.execPath, [cliScript, 'cat', file, '--journal', journal, '--at', at], { cwd: repoRoot, stdio: ['ignore', fd, 'pipe'] });
  fs.closeSync(fd);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => { stderr += text; });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, bytes: fs.readFileSync(out), stderr };
}

/** Bytes of every regular file under `dir`, recursively (what `du -sb` counts, without directory entries). */
function dirBytes(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  for (const entry of entries) {
    const where = path.join(dir, entry.name);
    try {
      if (entry.isDirectory()) total += dirBytes(where);
      else if (entry.isFile()) total += fs.lstatSync(where).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // LevelDB removed it meanwhile
    }
  }
  return total;
}

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(2)} MiB`;

/** One life of a file in the op table: its create to its delete (null: still live), and its ops in between. */
interface Life { name: string; created: number; deleted: number | null; ops: JournalOp[] }

function livesOf(ops: readonly JournalOp[]): Life[] {
  const open = new Map<string, Life>();
  const lives: Life[] = [];
  for (const op of ops) {
    if (op.file === undefined) continue;
    if (op.type === 'create') {
      const life: Life = { name: op.file, created: op.seq, deleted: null, ops: [op] };
      lives.push(life);
      open.set(op.file, life);
      continue;
    }
    const life = open.get(op.file);
    if (!life) continue; // a `missed` resync: no life of its own
    life.ops.push(op);
    if (op.type === 'delete') {
      life.deleted = op.seq;
      open.delete(op.file);
    }
  }
  return lives;
}

/** What a prune to `horizon` must remove: every life deleted at or before it, whole. */
function expectedPrune(ops: readonly JournalOp[], horizon: number): { files: number; ops: number; bytes: number; seqs: Set<number> } {
  const gone = livesOf(ops).filter((life) => life.deleted !== null && life.deleted <= horizon);
  const seqs = new Set(gone.flatMap((life) => life.ops.map((op) => op.seq)));
  const bytes = gone.reduce((sum, life) => sum + life.ops.reduce((n, op) => n + (op.type === 'append' ? op.data.length : 0), 0), 0);
  return { files: gone.length, ops: seqs.size, bytes, seqs };
}

/** `status --json` but for its known targets (replays add and move them). */
const withoutTargets = ({ targets: _targets, ...rest }: Json) => rest;

const heldOps = (s: Json) => Object.values(s.ops as Record<string, number>).reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------
// 1. prune on a live recording of a rotating, vacuuming simulator

/** ~6 MB in 64 KiB packs, 2 kept: ~95 packs created and all but 2 deleted, at a rate the recorder follows. */
const SIM: EngineCliOptions = { transactions: 1500, rate: 750, packSize: 65536, keep: 2, seed: 21 };

test('prune: --dry-run changes nothing; the prune removes exactly the lives ended by the horizon, returns the space, and every point from the horizon on is rebuilt as before', async () => {
  const s = setup();
  const root = path.dirname(s.src);
  const recorder = await startRecorder(s);
  const summary = await engineSummary(spawnEngine(s.src, SIM));
  await stopRecorder(recorder);
  assert.ok(summary.packsDeleted >= 80, `precondition: the simulator deleted packs (${summary.packsDeleted})`);
  const source = sourceFiles(s.src);

  const { ops, head } = await readJournal(s.journal);
  const lives = livesOf(ops);
  // The horizon: the create of a pack that is deleted later, 60% into the journal. Its op survives
  // the prune, and two packs are live across it (created before, deleted after).
  const spanning = lives.filter((life) => life.deleted !== null && life.created >= head * 0.6 && life.ops.length >= 3);
  assert.ok(spanning.length > 0, 'precondition: a pack created after 60% of the journal and deleted later');
  const horizon = spanning[0]!.created;
  const acrossHorizon = lives.filter((life) => life.created < horizon && (life.deleted === null || life.deleted > horizon) && life.ops.length > 1);
  assert.ok(acrossHorizon.length > 0, 'precondition: a file live across the horizon, with data');
  const acrossFile = acrossHorizon[0]!;
  const later = lives.find((life) => life.deleted !== null && life.created > horizon && life.deleted < head);
  assert.ok(later, 'precondition: a pack created and deleted after the horizon');
  const middle = later!.deleted! - 1; // a point between the horizon and the head
  const expected = expectedPrune(ops, horizon);
  assert.ok(expected.files >= 40 && expected.bytes > 2 * MiB, `precondition: much to prune (${expected.files} files, ${mib(expected.bytes)})`);
  const prunedLife = lives.find((life) => life.deleted !== null && life.deleted <= horizon && life.ops.length >= 3);
  assert.ok(prunedLife, 'precondition: a pruned life with an append');

  // References, before any prune: the state at the horizon and at a later point, as replays and
  // as `files`/`cat` print it. The two replay targets become known targets at or past the horizon.
  const atHorizonBefore = path.join(root, 'until-horizon-before');
  const atMiddleBefore = path.join(root, 'until-middle-before');
  await resultOf(['replay', '--journal', s.journal, '--to', atHorizonBefore, '--until', String(horizon)]);
  await resultOf(['replay', '--journal', s.journal, '--to', atMiddleBefore, '--until', String(middle)]);
  const horizonFiles = targetFiles(atHorizonBefore);
  const middleFiles = targetFiles(atMiddleBefore);
  assert.ok(horizonFiles.has(acrossFile.name), 'precondition: the file live across the horizon is in the state at the horizon');
  const filesAtHorizon = await resultOf(['files', '--journal', s.journal, '--at', String(horizon)]);
  const filesAtMiddle = await resultOf(['files', '--journal', s.journal, '--at', String(middle)]);
  const catBefore = await catAt(s.journal, acrossFile.name, String(horizon));
  assert.is(catBefore.code, 0, catBefore.stderr);
  assert.ok(catBefore.bytes.equals(horizonFiles.get(acrossFile.name)!), 'precondition: cat --at the horizon is the replayed file');

  const statusBefore = await status(s.journal);
  const logBefore = await logText(s.journal);
  const duBefore = dirBytes(s.journal);
  assert.is(statusBefore.pruned.horizon, 0);
  assert.is(statusBefore.restorableFrom.seq, 0);

  // --dry-run: says what would go, changes nothing.
  const dry = await resultOf(['prune', '--journal', s.journal, '--before', String(horizon + 1), '--dry-run']);
  assert.is(dry.dryRun, true);
  assert.is(dry.horizon, horizon);
  assert.equal({ files: dry.files, ops: dry.ops, bytes: dry.bytes }, { files: expected.files, ops: expected.ops, bytes: expected.bytes });
  assert.equal(dry.expired, [], 'both known targets are at or past the horizon');
  assert.equal(await status(s.journal), statusBefore, 'status after --dry-run');
  assert.is(await logText(s.journal), logBefore, 'the ops after --dry-run');
  const duAfterDry = dirBytes(s.journal);
  // LevelDB rewrites its manifest and info log on every open: a few KiB, not the MiBs that would go.
  assert.ok(Math.abs(duAfterDry - duBefore) < 64 * 1024, `journal size after --dry-run: ${duBefore} -> ${duAfterDry}`);

  // --before a time: the lives deleted before that instant; --keep: those deleted longer ago than that.
  const opAfter = ops.find((op) => op.seq === horizon + 1)!;
  const beforeTime = await resultOf(['prune', '--journal', s.journal, '--before', new Date(opAfter.at).toISOString(), '--dry-run']);
  const lastBefore = ops.filter((op) => op.at < opAfter.at).at(-1)?.seq ?? 0;
  assert.is(beforeTime.horizon, lastBefore, '--before TIME: the last op recorded before it');
  assert.is(beforeTime.files, expectedPrune(ops, lastBefore).files);
  const keepLong = await resultOf(['prune', '--journal', s.journal, '--keep', '1h', '--dry-run']);
  assert.equal([keepLong.horizon, keepLong.files, keepLong.bytes], [0, 0, 0], '--keep 1h: nothing is that old');
  await sleep(Math.max(0, ops.at(-1)!.at + 1100 - Date.now()));
  const keepShort = await resultOf(['prune', '--journal', s.journal, '--keep', '1s', '--dry-run']);
  // The horizon stops below the head: the head op is never removed (a seq is never reused).
  const everything = expectedPrune(ops, head - 1);
  assert.equal([keepShort.horizon, keepShort.files, keepShort.bytes], [head - 1, everything.files, everything.bytes], '--keep 1s: every ended life');
  assert.equal(await status(s.journal), statusBefore, 'status after the dry runs');

  // The prune.
  const pruned = await resultOf(['prune', '--journal', s.journal, '--before', String(horizon + 1)]);
  assert.is(pruned.dryRun, false);
  assert.is(pruned.horizon, horizon);
  assert.equal({ files: pruned.files, ops: pruned.ops, bytes: pruned.bytes }, { files: expected.files, ops: expected.ops, bytes: expected.bytes });
  assert.is(pruned.compacted, true, 'prune hosts the journal (no recorder): it compacts');
  assert.is(pruned.restorableFrom.seq, horizon);

  const statusAfter = await status(s.journal);
  assert.is(statusAfter.head, head);
  assert.is(statusAfter.bytesHeld, statusBefore.bytesHeld - expected.bytes, 'bytesHeld drops by what was pruned');
  assert.is(heldOps(statusAfter), heldOps(statusBefore) - expected.ops);
  assert.equal(statusAfter.restorableFrom, { seq: horizon, at: new Date(ops.find((op) => op.seq === horizon)!.at).toISOString() });
  assert.equal([statusAfter.pruned.horizon, statusAfter.pruned.ops, statusAfter.pruned.bytes], [horizon, expected.ops, expected.bytes]);
  assert.equal([statusAfter.liveFiles, statusAfter.liveBytes], [statusBefore.liveFiles, statusBefore.liveBytes]);

  // Exactly those ops went: the log is the one before, minus the pruned seqs.
  const logAfter = await logText(s.journal);
  assert.equal(loggedSeqs(logAfter), loggedSeqs(logBefore).filter((seq) => !expected.seqs.has(seq)));
  const kept = new Set(loggedSeqs(logAfter));
  assert.equal(jsonEvents(logAfter), jsonEvents(logBefore).filter((event) => kept.has(event.seq as number)), 'the ops kept are unchanged');

  // The space is returned: the data pruned is random (incompressible), so most of it leaves the disk.
  const duAfter = dirBytes(s.journal);
  assert.ok(duAfter < duBefore - 0.75 * expected.bytes,
    `journal on disk: ${mib(duBefore)} -> ${mib(duAfter)}, freed ${mib(duBefore - duAfter)} of ${mib(expected.bytes)} pruned`);

  const verified = await runCli(['verify', '--journal', s.journal]);
  assert.is(verified.code, 0, `verify after the prune:\n${verified.stdout}\n${verified.stderr}`);

  // A new target replayed from the start is the source; verify --to agrees.
  const fresh = path.join(root, 'fresh');
  await resultOf(['replay', '--journal', s.journal, '--to', fresh]);
  assertSameFiles(targetFiles(fresh), source, 'new target replayed from the start vs source');
  const verifiedFresh = await runCli(['verify', '--journal', s.journal, '--to', fresh]);
  assert.is(verifiedFresh.code, 0, `verify --to a new target:\n${verifiedFresh.stdout}\n${verifiedFresh.stderr}`);

  // Every point from the horizon on is rebuilt as it was before the prune.
  for (const [point, reference, listed] of [[horizon, horizonFiles, filesAtHorizon], [middle, middleFiles, filesAtMiddle]] as const) {
    const dir = path.join(root, `until-${point}-after`);
    await resultOf(['replay', '--journal', s.journal, '--to', dir, '--until', String(point)]);
    assertSameFiles(targetFiles(dir), reference, `replay --until ${point} after the prune vs before it`);
    assert.equal(await resultOf(['files', '--journal', s.journal, '--at', String(point)]), listed, `files --at ${point}`);
  }
  const catAfter = await catAt(s.journal, acrossFile.name, String(horizon));
  assert.is(catAfter.code, 0, catAfter.stderr);
  assert.ok(catAfter.bytes.equals(catBefore.bytes), `cat ${acrossFile.name} --at the horizon`);
  // A kept op below the horizon (the create of that file) is still shown.
  assert.is((await resultOf(['show', String(acrossFile.created), '--journal', s.journal])).seq, acrossFile.created);

  // The targets made before the prune at and past the horizon are not expired: they go on to the source.
  for (const dir of [atHorizonBefore, atMiddleBefore]) {
    await resultOf(['replay', '--journal', s.journal, '--to', dir]);
    assertSameFiles(targetFiles(dir), source, `${path.basename(dir)} replayed on after the prune`);
  }

  // Before the horizon: refused, nothing created.
  const before = String(horizon - 1);
  const filesBefore = await failsWith(['files', '--journal', s.journal, '--at', before], 'PRUNED');
  assert.match(filesBefore.message, String(horizon));
  const catPruned = await failsWith(['cat', acrossFile.name, '--journal', s.journal, '--at', before], 'PRUNED');
  assert.match(catPruned.message, String(horizon));
  const notMade = path.join(root, 'until-before-horizon');
  const untilBefore = await failsWith(['replay', '--journal', s.journal, '--to', notMade, '--until', before], 'PRUNED');
  assert.match(untilBefore.message, `op ${horizon}`);
  assert.match(untilBefore.hint ?? '', 'status');
  assert.not.ok(fs.existsSync(notMade), 'a refused replay --until creates nothing');
  const shown = await failsWith(['show', String(prunedLife!.ops[1]!.seq), '--journal', s.journal], 'NOT_IN_JOURNAL');
  assert.match(shown.message, 'pruned');
  assert.equal(withoutTargets(await status(s.journal)), withoutTargets(statusAfter), 'refused commands change nothing');
});

// ---------------------------------------------------------------------------------------------
// 2. a lagging target blocks prune; --force expires it; --resync rebuilds it

/** Simulator runs between `record --once` snapshots: each snapshot sees 2 packs, gone by the next. */
const ROUND: EngineCliOptions = { transactions: 200, packSize: 65536, keep: 2 };

async function engineRound(s: Setup, seed: number): Promise<void> {
  await engineSummary(spawnEngine(s.src, { ...ROUND, seed }));
  await recordOnce(s);
}

test('a lagging target blocks prune (PRUNE_BLOCKED, nothing removed); --force expires it (CURSOR_EXPIRED, untouched); replay --resync rebuilds it identical', async () => {
  const s = setup();
  const root = path.dirname(s.src);
  write(s.src, 'settings.ini', 'mode=1\n'); // a non-pack file: live all along
  await engineRound(s, 1);
  const early = (await status(s.journal)).head; // the target stops here, holding the first snapshot's packs
  for (let round = 2; round <= 4; round++) await engineRound(s, round);
  const lagging = path.join(root, 'lagging');
  await resultOf(['replay', '--journal', s.journal, '--to', lagging, '--until', String(early)]);
  const laggingFiles = targetFiles(lagging);
  const staleNames = [...laggingFiles.keys()].filter((name) => !fs.existsSync(path.join(s.src, name)));
  assert.ok(staleNames.length >= 2, `precondition: the lagging target holds packs the source deleted since (${staleNames.join(', ')})`);

  const { ops, head } = await readJournal(s.journal);
  const horizon = head - 1;
  const expected = expectedPrune(ops, horizon);
  assert.ok(expected.files >= 4, `precondition: lives ended by op ${horizon} (${expected.files})`);
  const statusBefore = await status(s.journal);
  const logBefore = await logText(s.journal);
  assert.equal(statusBefore.targets.map((t: Json) => [t.path, t.seq, t.expired]), [[lagging, early, false]]);

  // Blocked, naming the target; nothing removed.
  const blocked = await failsWith(['prune', '--journal', s.journal, '--before', String(horizon + 1)], 'PRUNE_BLOCKED');
  assert.match(blocked.message, lagging);
  assert.match(blocked.message, `op ${early}`);
  assert.match(blocked.hint ?? '', '--force');
  assert.equal(await status(s.journal), statusBefore, 'a blocked prune changes nothing');
  assert.is(await logText(s.journal), logBefore);
  // The dry run says who would block it.
  const dry = await resultOf(['prune', '--journal', s.journal, '--before', String(horizon + 1), '--dry-run']);
  assert.equal(dry.expired.map((t: Json) => [t.path, t.seq]), [[lagging, early]]);
  assert.is(dry.files, expected.files);

  // --force: pruned, and the target expired.
  const forced = await resultOf(['prune', '--journal', s.journal, '--before', String(horizon + 1), '--force']);
  assert.equal([forced.horizon, forced.files, forced.ops, forced.bytes], [horizon, expected.files, expected.ops, expected.bytes]);
  assert.equal(forced.expired.map((t: Json) => [t.path, t.seq]), [[lagging, early]]);
  const expiredStatus = await status(s.journal);
  assert.equal(expiredStatus.targets.map((t: Json) => [t.path, t.expired]), [[lagging, true]]);

  // Its next replay is refused and touches nothing.
  const listing = describeDir(lagging);
  const cursorBefore = (await readTargetControl(lagging)).cursor;
  const refused = await failsWith(['replay', '--journal', s.journal, '--to', lagging], 'CURSOR_EXPIRED');
  assert.match(refused.message, lagging);
  assert.match(refused.hint ?? '', '--resync');
  assert.equal(describeDir(lagging), listing, 'an expired target is left as it was');
  const cursorAfter = (await readTargetControl(lagging, { inPlace: true })).cursor;
  assert.equal(cursorAfter, cursorBefore, 'its cursor too');
  assert.is(cursorAfter?.seq, early);
  // Also with --until past its cursor.
  await failsWith(['replay', '--journal', s.journal, '--to', lagging, '--until', String(head)], 'CURSOR_EXPIRED');
  assert.equal(describeDir(lagging), listing);

  // --resync: brought to the journal's current state, deleted packs removed.
  const resynced = await resultOf(['replay', '--journal', s.journal, '--to', lagging, '--resync']);
  assert.is(resynced.targets[0].rebuilt.seq, head);
  assertSameFiles(targetFiles(lagging), sourceFiles(s.src), 'resynced target vs source');
  for (const name of staleNames) assert.not.ok(fs.existsSync(path.join(lagging, name)), `${name}, deleted in the source, is gone from the target`);
  const verified = await runCli(['verify', '--journal', s.journal, '--to', lagging]);
  assert.is(verified.code, 0, `verify --to the resynced target:\n${verified.stdout}\n${verified.stderr}`);
  assert.equal((await status(s.journal)).targets.map((t: Json) => [t.path, t.seq, t.expired]), [[lagging, head, false]]);

  // And it goes on with plain replays.
  await engineRound(s, 5);
  const plain = await resultOf(['replay', '--journal', s.journal, '--to', lagging]);
  assert.ok(plain.targets[0].ops > 0);
  assertSameFiles(targetFiles(lagging), sourceFiles(s.src), 'target replayed on after the resync vs source');
  const verifiedAgain = await runCli(['verify', '--journal', s.journal, '--to', lagging]);
  assert.is(verifiedAgain.code, 0, `verify --to after the next replay:\n${verifiedAgain.stdout}\n${verifiedAgain.stderr}`);

  // A later prune past it is not blocked by it any more.
  const next = (await status(s.journal)).head - 1;
  const again = await resultOf(['prune', '--journal', s.journal, '--before', String(next + 1)]);
  assert.equal(again.expired, []);
});

// ---------------------------------------------------------------------------------------------
// 3. record --retain, live

/**
 * A steady ~2.6 MB/s: 300 tx/s of 1 to 16 KiB into 256 KiB packs, 3 kept (~10 packs a second
 * created and deleted), for 24 s: ~60 MB appended in all, against a live database under 1 MB.
 */
const LOAD: EngineCliOptions = { durationMs: 24_000, rate: 300, minSize: 1024, maxSize: 16384, packSize: 256 * 1024, keep: 3, seed: 5 };
const RETAIN_MS = 2000;
/** The journal's LevelDB write buffer (WRITE_BUFFER_BYTES in src/journal/journal.ts). */
const WRITE_BUFFER = 16 * MiB;
/**
 * What the journal's directory holds beyond the ops retention keeps: one write buffer, plus 1 MiB.
 * - The write-ahead log holds every op since the last memtable flush, pruned or not; LevelDB lets
 *   it grow to the write buffer before it switches to a new one. (Each prune's compaction flushes
 *   the memtable, so here it stays near a second of writes, ~2.6 MB.)
 * - Prunes run once a second (a quarter of the 2 s window, at least 1 s): just before one, the
 *   journal holds up to a second more than the window.
 * - A compaction writes its output tables before it deletes its inputs: for a moment the ops kept
 *   are on disk twice (~6-7 MB here). Sampled by hand at 4 Hz, this workload's directory is ~6 MB
 *   of tables plus a log under 3 MB between compactions, and peaks at ~14-20 MB during one.
 * - 1 MiB for the rest: manifest, info log, the per-file index, checkpoints, file states.
 * Neither the log nor a compaction's second copy grows with the journal's age, only with the
 * write buffer and the window. (Checkpoints, one small key per recorder batch, are never pruned:
 * the journal-format spec keeps them. Well under 1 MiB in a run this short.)
 */
const ALLOWANCE = WRITE_BUFFER + 1 * MiB;

test('record --retain 2s: the journal stays within 1.2x (live database + the window\'s writes) + one write buffer; a following replay keeps what it needs; a new target is the source', async () => {
  const s = setup();
  const root = path.dirname(s.src);
  const recorder = spawnCli(['record', s.src, '--journal', s.journal, '--json', '--retain', `${RETAIN_MS / 1000}s`]);
  await waitForOutput(recorder, RECORDING);
  const followed = path.join(root, 'followed');
  const follower = spawnCli(['replay', '--journal', s.journal, '--to', followed, '--follow', '--json']);
  await waitForOutput(follower, /following until/);

  // What the engine wrote, independently of the journal: each pack's largest size seen, sampled
  // every 50 ms (a pack lives ~0.3 s); a pack never seen counts as the pack size (its least).
  const packSizes = new Map<number, number>();
  const written: Array<{ t: number; bytes: number }> = [];
  const cumulative = () => {
    const numbers = [...packSizes.keys()];
    let total = 0;
    for (let n = 1; n <= Math.max(0, ...numbers); n++) total += packSizes.get(n) ?? LOAD.packSize!;
    return total;
  };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      for (const name of fs.readdirSync(s.src)) {
        const match = /^p(\d+)\.pack$/.exec(name);
        if (!match) continue;
        try {
          const size = fs.statSync(path.join(s.src, name)).size;
          packSizes.set(Number(match[1]), Math.max(size, packSizes.get(Number(match[1])) ?? 0));
        } catch { /* deleted meanwhile */ }
      }
      written.push({ t: Date.now(), bytes: cumulative() });
      await sleep(50);
    }
  })();
  const writtenSince = (t: number) => {
    const now = written.at(-1)!.bytes;
    const then = [...written].reverse().find((w) => w.t <= t)?.bytes ?? 0;
    return now - then;
  };

  const started = Date.now();
  const engine = spawnEngine(s.src, LOAD);
  const samples: Array<{ s: number; journal: number; live: number; window: number; bound: number; appended: number }> = [];
  const warmUp = RETAIN_MS + 4000;
  while (engine.exitCode === null) {
    await sleep(1000);
    if (Date.now() - started < warmUp || engine.exitCode !== null) continue;
    const journal = dirBytes(s.journal);
    const live = dirBytes(s.src);
    const window = writtenSince(Date.now() - RETAIN_MS);
    samples.push({ s: (Date.now() - started) / 1000, journal, live, window, bound: 1.2 * (live + window) + ALLOWANCE, appended: written.at(-1)!.bytes });
  }
  const summary = await engineSummary(engine);
  sampling = false;
  await sampler;
  const table = samples.map((x) => `${x.s.toFixed(1)} s: journal ${mib(x.journal)}, live ${mib(x.live)}, window ${mib(x.window)}, bound ${mib(x.bound)}, appended so far ${mib(x.appended)}`).join('\n');
  assert.ok(samples.length >= 12, `samples:\n${table}`);
  // The bound means something: by the end the engine wrote far more than it.
  const maxBound = Math.max(...samples.map((x) => x.bound));
  assert.ok(summary.bytesWritten > 2 * maxBound, `engine wrote ${mib(summary.bytesWritten)}, bound up to ${mib(maxBound)}`);
  assert.ok(Math.abs(written.at(-1)!.bytes - summary.bytesWritten) < 0.02 * summary.bytesWritten,
    `precondition: the sampler saw what the engine wrote (${written.at(-1)!.bytes} of ${summary.bytesWritten})`);
  for (const x of samples) assert.ok(x.journal <= x.bound, `journal over the bound at ${x.s.toFixed(1)} s:\n${table}`);

  await stopRecorder(recorder);
  const recorded = resultEvent(outputOf(recorder).stdout) as Json;
  assert.ok(recorded.pruned?.prunes > 5 && recorded.pruned?.bytes > summary.bytesWritten / 2, `retention pruned: ${JSON.stringify(recorded.pruned)}`);
  follower.kill('SIGTERM');
  const followerExit = await waitForExit(follower);
  assert.is(followerExit.code, 0, `replay --follow after SIGTERM:\n${describeOutput(follower)}`);
  assert.not.match(outputOf(follower).stdout + outputOf(follower).stderr, 'CURSOR_EXPIRED');
  const source = sourceFiles(s.src);
  assertSameFiles(targetFiles(followed), source, 'the target followed while retention ran vs source');

  const st = await status(s.journal);
  assert.ok(st.pruned.horizon > 0 && st.restorableFrom.seq === st.pruned.horizon, `status: ${JSON.stringify(st.restorableFrom)}`);
  assert.equal(st.targets.map((t: Json) => [t.path, t.expired]), [[followed, false]]);
  const fresh = path.join(root, 'fresh');
  await resultOf(['replay', '--journal', s.journal, '--to', fresh]);
  assertSameFiles(targetFiles(fresh), source, 'new target replayed from the start vs source');
  for (const args of [['verify'], ['verify', '--to', fresh], ['verify', '--to', followed]]) {
    const run = await runCli([...args, '--journal', s.journal]);
    assert.is(run.code, 0, `${args.join(' ')}:\n${run.stdout}\n${run.stderr}`);
  }
});

// ---------------------------------------------------------------------------------------------
// Small journals: the edges of the horizon

/** a and b recorded, a deleted and recorded (ops 5 resync, 6 delete), c recorded (7, 8). */
async function smallJournal(): Promise<Setup> {
  const s = setup();
  write(s.src, 'a', 'aaaa\n');
  write(s.src, 'b', 'bbbb\n');
  await recordOnce(s);
  fs.rmSync(path.join(s.src, 'a'));
  await recordOnce(s);
  write(s.src, 'c', 'cccc\n');
  await recordOnce(s);
  const { ops } = await readJournal(s.journal);
  assert.equal(ops.map((op) => `${op.seq} ${op.type} ${op.file}`),
    ['1 create a', '2 append a', '3 create b', '4 append b', '5 resync a', '6 delete a', '7 create c', '8 append c'], 'precondition');
  return s;
}

test('the horizon op itself pruned (a delete): files --at and replay --until the horizon still work, and that target is not expired', async () => {
  const s = await smallJournal();
  const pruned = await resultOf(['prune', '--journal', s.journal, '--before', '7']);
  assert.equal([pruned.horizon, pruned.files, pruned.ops], [6, 1, 4]);
  // The state after op 6 is b alone: rebuildable ("at any point from the horizon on").
  const at6 = await resultOf(['files', '--journal', s.journal, '--at', '6']);
  assert.equal(at6.files.map((f: Json) => [f.file, f.size]), [['b', 5]]);
  const target = path.join(path.dirname(s.src), 'at-horizon');
  await resultOf(['replay', '--journal', s.journal, '--to', target, '--until', '6']);
  assert.equal([...targetFiles(target).keys()], ['b']);
  // It is the state at the horizon: neither status nor the next prune to the same horizon may take it for a lagging target.
  assert.equal((await status(s.journal)).targets.map((t: Json) => [t.path, t.expired]), [[target, false]]);
  await resultOf(['prune', '--journal', s.journal, '--before', '7']);
});

test('a prune up to the head (the last op a delete, --keep 1s once idle) keeps the head op: status works, and the next ops get new seqs', async () => {
  const s = setup();
  write(s.src, 'a', 'aaaa\n');
  write(s.src, 'b', 'bbbb\n');
  await recordOnce(s);
  fs.rmSync(path.join(s.src, 'a'));
  await recordOnce(s); // ops 5 resync, 6 delete a: the head
  const target = path.join(path.dirname(s.src), 'target');
  await resultOf(['replay', '--journal', s.journal, '--to', target]);
  await sleep(1100);
  const pruned = await resultOf(['prune', '--journal', s.journal, '--keep', '1s']);
  assert.equal([pruned.horizon, pruned.files], [5, 0], 'the horizon stops below the head: a\'s delete is op 6, the head, and stays');
  const st = await status(s.journal);
  assert.is(st.head, 6, 'the head stays op 6');
  assert.is(st.lastAt, new Date((await readJournal(s.journal)).ops.at(-1)!.at).toISOString(), 'status reads the head op');
  write(s.src, 'c', 'cccc\n');
  await recordOnce(s);
  const log = jsonEvents(await logText(s.journal));
  assert.equal(log.filter((op) => op.file === 'c').map((op) => op.seq), [7, 8], 'the ops after the prune follow the head: no seq is used twice');
  await resultOf(['replay', '--journal', s.journal, '--to', target]); // else it blocks the prune, at op 6
  await sleep(1100);
  const later = await resultOf(['prune', '--journal', s.journal, '--keep', '1s']);
  assert.equal([later.horizon, later.files], [7, 1], 'once another op follows, a\'s life goes');
  assert.is((await status(s.journal)).head, 8);
  // A target that was at the head gets c.
  await resultOf(['replay', '--journal', s.journal, '--to', target]);
  assertSameFiles(targetFiles(target), sourceFiles(s.src), 'a target that was at the head, replayed on');
  const verified = await runCli(['verify', '--journal', s.journal, '--to', target]);
  assert.is(verified.code, 0, `verify:\n${verified.stdout}\n${verified.stderr}`);
});

test('record --retain: a lagging target holds the horizon back (warned, nothing it needs removed); once it catches up, retention goes on', async () => {
  const s = setup();
  write(s.src, 'a', 'aaaa\n');
  write(s.src, 'b', 'bbbb\n');
  await recordOnce(s); // 1..4
  const target = path.join(path.dirname(s.src), 'target');
  await resultOf(['replay', '--journal', s.journal, '--to', target]);
  fs.rmSync(path.join(s.src, 'a'));
  write(s.src, 'c', 'cccc\n');
  await recordOnce(s); // ops 5..8: a's resync and delete, c's create and append
  fs.rmSync(path.join(s.src, 'b'));
  await recordOnce(s); // 9 resync b, 10 delete b
  await sleep(1100);
  write(s.src, 'd', 'dddd\n');
  const run = await runCli(['record', s.src, '--journal', s.journal, '--once', '--retain', '1s', '--json']);
  assert.is(run.code, 0, run.stdout + run.stderr);
  const warning = jsonEvents(run.stdout).find((e) => e.event === 'warning');
  assert.match(String(warning?.message), target, 'the warning names the target holding retention back');
  assert.is((resultEvent(run.stdout) as Json).pruned.files, 0, 'a and b ended after the target\'s op 4: kept');
  assert.ok((await status(s.journal)).pruned.horizon <= 4, 'the horizon stays at or below the target\'s cursor');
  await resultOf(['replay', '--journal', s.journal, '--to', target]);
  assertSameFiles(targetFiles(target), sourceFiles(s.src), 'the held-back target replayed on');
  await sleep(1100);
  const again = await runCli(['record', s.src, '--journal', s.journal, '--once', '--retain', '1s', '--json']);
  assert.is(again.code, 0, again.stdout + again.stderr);
  assert.is((resultEvent(again.stdout) as Json).pruned.files, 2, 'the target caught up: a and b go');
  assert.equal((await status(s.journal)).targets.map((t: Json) => t.expired), [false]);
  const verified = await runCli(['verify', '--journal', s.journal, '--to', target]);
  assert.is(verified.code, 0, `verify:\n${verified.stdout}\n${verified.stderr}`);
});

test('an expired target holds nothing back: a later prune is not blocked by it, and record --retain goes on pruning', async () => {
  const s = setup();
  write(s.src, 'a', 'aaaa\n');
  write(s.src, 'b', 'bbbb\n');
  await recordOnce(s); // 1..4
  const abandoned = path.join(path.dirname(s.src), 'abandoned');
  await resultOf(['replay', '--journal', s.journal, '--to', abandoned, '--until', '2']);
  fs.rmSync(path.join(s.src, 'a'));
  await recordOnce(s); // 5 resync a, 6 delete a
  write(s.src, 'c', 'cccc\n');
  await recordOnce(s); // 7..8 c
  const forced = await resultOf(['prune', '--journal', s.journal, '--before', '7', '--force']);
  assert.equal([forced.files, forced.expired.map((t: Json) => t.path)], [1, [abandoned]]);
  fs.rmSync(path.join(s.src, 'b'));
  await recordOnce(s); // 9 resync b, 10 delete b
  write(s.src, 'e', 'eeee\n');
  await recordOnce(s); // 11..12 e: b's delete is no longer the head op (which is never pruned)
  // The target already lost what it needed: it can only be rebuilt by --resync, which needs no old op.
  const next = await resultOf(['prune', '--journal', s.journal, '--before', '11', '--dry-run']);
  assert.equal([next.files, next.expired], [1, []], 'b\'s life would go; the expired target does not block it');
  await sleep(1100);
  write(s.src, 'd', 'dddd\n');
  const run = await runCli(['record', s.src, '--journal', s.journal, '--once', '--retain', '1s', '--json']);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.is((resultEvent(run.stdout) as Json).pruned.files, 1, `retention prunes b's life:\n${run.stdout}`);
});

test.run();
