/**
 * faults: the fault-injection suite. Each scenario breaks something on purpose (SIGKILL at random
 * moments, a forced inotify overflow, a full disk, flipped bytes, hostile ops, a source pulled away)
 * and then proves, with numbers, that nothing was lost and nothing escaped: the copy is byte-identical
 * to the source, `verify` passes, every gap the recorder could not see is marked by a resync, and
 * every refusal is a clear error code (never INTERNAL, never a stack trace).
 *
 *   node --import tsx tools/faults.ts [--kills 500] [--only NAME[,NAME...]] [--rounds N] [--seed N]
 *
 * --kills: SIGKILLs in all the crash loops (40% record, 30% replay, 30% both); --rounds: runs of each
 * other scenario (the corruption scenario flips 8 bytes per round in values and looks for 10 raw
 * positions per round and kind of file); --seed makes the random choices repeatable (timing is not).
 *
 * Scenarios (NAME): crash-record, crash-replay, crash-both, restart-gap, overflow, disk-journal,
 * disk-target, corrupt, hostile, surprises. Prints one table; exit 1 if any failure.
 * test/faults.test.ts runs the same functions with small parameters (`npm test`).
 *
 * Needs the compiled CLI (`npx tsc -p tsconfig.json`). Some scenarios need root (a small tmpfs for a
 * full disk, a lowered fs.inotify.max_queued_events); without it they say so in their notes.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Level } from 'level';
import { Packr } from 'msgpackr';
import type { JournalOp } from '../src/journal/op.js';
import { checksum } from '../src/journal/op.js';
import { packName, scanPack } from './validate-packs.js';
import {
  RECORDING, diffFiles, engineSummary, readJournal, readTargetControl, runEngine, sleep, sourceFiles, spawnCli, spawnEngine,
  targetFiles, tempDir, waitForOutput, type EngineSummary,
} from '../test/support.js';
import {
  MAX_QUEUED_EVENTS, Rng, checkCoverage, checkStoppedTarget, childOutcome, cli, copyTree, describeChild, describeOutcome, describeTree,
  flipByte, growTmpfs, isRoot, stateAt, stopChild, totalBytes, withQueueLimit, withTmpfs, type CliOutcome,
} from '../test/fault-support.js';

export const FOLLOWING = /following until SIGINT\/SIGTERM/;

// ---------------------------------------------------------------------------------------------
// A scenario's row of the table

export interface FaultRow {
  scenario: string;
  /** Independent runs (fresh source, journal and target each). */
  runs: number;
  /** Faults injected other than kills: overflows forced, disks filled, bytes flipped, hostile journals... */
  faultsInjected: number;
  /** SIGKILLs that landed on a running process. */
  kills: number;
  /** Bytes compared byte for byte between a copy and what it must equal (target vs source, mostly). */
  bytesCompared: number;
  failures: number;
  notes: string;
  /** One line per failure, with what was expected. */
  problems: string[];
  /** Counters for the tests and the notes (resyncs seen, positions detected by what, ...). */
  details: Record<string, number>;
}

class Row {
  runs = 0;
  faultsInjected = 0;
  kills = 0;
  bytesCompared = 0;
  readonly problems: string[] = [];
  readonly notes: string[] = [];
  readonly details: Record<string, number> = {};
  /** Prefixed to each problem: the case or variant being run, so that a test can pick its own. */
  context = '';
  constructor(readonly scenario: string, private readonly log: (line: string) => void) {}

  fail(problem: string): void {
    problem = this.context ? `${this.context}: ${problem}` : problem;
    this.problems.push(problem);
    this.log(`  FAILURE ${this.scenario}: ${problem.split('\n')[0]}`);
  }
  note(note: string): void {
    if (!this.notes.includes(note)) this.notes.push(note);
  }
  count(name: string, by = 1): void {
    this.details[name] = (this.details[name] ?? 0) + by;
  }
  /** Fails unless the command ended with `exit` (and, for a failure, one of `codes`), without a stack trace. */
  expect(what: string, outcome: CliOutcome, exit: number, codes: readonly string[] = []): boolean {
    const ok = outcome.exit === exit && !outcome.internal && (exit === 0 || codes.length === 0 || codes.includes(outcome.code ?? ''));
    if (!ok) {
      const wanted = exit === 0 ? 'exit 0' : `exit ${exit} with ${codes.join(' or ')}`;
      this.fail(`${what}: expected ${wanted}, got ${describeOutcome(outcome)}\n${outcome.stdout.slice(-1500)}\n${outcome.stderr.slice(-1500)}`);
    }
    return ok;
  }
  done(): FaultRow {
    return {
      scenario: this.scenario, runs: this.runs, faultsInjected: this.faultsInjected, kills: this.kills, bytesCompared: this.bytesCompared,
      failures: this.problems.length, notes: this.notes.join('; '), problems: this.problems, details: this.details,
    };
  }
}

export interface ScenarioOptions {
  seed?: number;
  /** Progress lines (the CLI prints them on stderr; tests leave them out). */
  log?: (line: string) => void;
}

const quiet = () => {};

// ---------------------------------------------------------------------------------------------
// Shared pieces

interface Dirs { root: string; src: string; journal: string; target: string }

function makeDirs(prefix: string): Dirs {
  const root = tempDir(prefix);
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  return { root, src, journal: path.join(root, 'journal'), target: path.join(root, 'DB-COPY.rdm') };
}

const recordArgs = (d: Dirs) => ['record', d.src, '--journal', d.journal, '--json'];
const followArgs = (d: Dirs) => ['replay', '--journal', d.journal, '--to', d.target, '--follow', '--json'];

async function startRecorder(row: Row, d: Dirs): Promise<ChildProcess | null> {
  const child = spawnCli(recordArgs(d));
  try {
    await waitForOutput(child, RECORDING, 60_000);
    return child;
  } catch (err) {
    row.fail(`the recorder did not start: ${(err as Error).message.slice(0, 2000)}`);
    return null;
  }
}

async function startFollower(row: Row, d: Dirs): Promise<ChildProcess | null> {
  const child = spawnCli(followArgs(d));
  try {
    await waitForOutput(child, FOLLOWING, 60_000);
    return child;
  } catch (err) {
    row.fail(`replay --follow did not start: ${(err as Error).message.slice(0, 2000)}`);
    return null;
  }
}

/**
 * SIGTERM once it is up (a signal during start-up is not a clean stop), then it must exit 0. "Up" is
 * its ready line and 100 ms: a SIGTERM in the very millisecond of replay --follow's line is a race of
 * its own (test/faults.test.ts has a test for it), not what a crash loop is about.
 */
async function stopCleanly(row: Row, child: ChildProcess | null, what: string, ready: RegExp): Promise<void> {
  if (!child) return;
  if (child.exitCode === null && child.signalCode === null) {
    await waitForOutput(child, ready, 60_000).catch(() => undefined);
    await sleep(100);
  }
  row.expect(`${what} stopped with SIGTERM`, await stopChild(child), 0);
}

async function stopEngine(row: Row, engine: ChildProcess): Promise<EngineSummary | null> {
  engine.kill('SIGTERM');
  try {
    return await engineSummary(engine, 60_000);
  } catch (err) {
    row.fail(`the engine simulator failed: ${(err as Error).message.slice(0, 2000)}`);
    return null;
  }
}

/** The verify findings a --json run printed, one line each. */
function findingsOf(outcome: CliOutcome): string[] {
  return outcome.stdout.split('\n').filter((line) => line.includes('"event":"finding"'));
}

interface EndCheck {
  summary: EngineSummary | null;
  nameWidth?: number;
  /** Resync reasons the workload may cause (default vanished, missed, overflow). */
  allowedReasons?: readonly string[];
  /** The target to compare; none when the scenario checks only the journal. */
  target?: string | null;
}

/**
 * The end of every run, with the engine stopped and the recorder caught up: the journal rebuilds
 * the source, the target is byte-identical to the source, `verify --to` passes, and every pack and
 * transaction the engine wrote is in the journal or in a gap a resync marks.
 */
async function checkEnd(row: Row, d: Dirs, { summary, nameWidth = 8, allowedReasons, target = d.target }: EndCheck): Promise<void> {
  let contents;
  try {
    contents = await readJournal(d.journal);
  } catch (err) {
    row.fail(`the journal does not read back: ${(err as Error).message}`);
    return;
  }
  const source = sourceFiles(d.src);
  for (const problem of diffFiles(contents.files, source).slice(0, 10)) row.fail(`journal vs source: ${problem}`);
  row.bytesCompared += totalBytes(source);
  if (target) {
    const copy = targetFiles(target);
    for (const problem of diffFiles(copy, source).slice(0, 10)) row.fail(`target vs source: ${problem}`);
    row.bytesCompared += totalBytes(source);
    const verify = await cli(['verify', '--journal', d.journal, '--to', target]);
    if (row.expect('verify --to TARGET', verify, 0)) row.count('verifyPassed');
    else row.fail(`verify findings:\n${findingsOf(verify).slice(0, 10).join('\n')}`);
  } else {
    const verify = await cli(['verify', '--journal', d.journal]);
    if (row.expect('verify', verify, 0)) row.count('verifyPassed');
  }
  const resyncs = contents.ops.filter((op) => op.type === 'resync');
  row.count('resyncs', resyncs.length);
  for (const op of resyncs) row.count(`resync:${op.type === 'resync' ? op.reason : ''}`);
  if (!summary) return;
  const coverage = checkCoverage({ ops: contents.ops, lives: contents.lives, packsCreated: summary.packsCreated, lastTxId: summary.lastTxId, nameWidth, allowedReasons });
  row.count('packsCreated', summary.packsCreated);
  row.count('packsRecorded', coverage.recorded);
  row.count('packsMissed', coverage.missed);
  row.count('packsVanished', coverage.vanished);
  row.count('packsUnseenWhileDown', coverage.unnamedAfterVanished.length);
  row.count('packsUnseenInOverflow', coverage.unnamedInOverflow.length);
  row.count('transactionsMarkedLost', coverage.transactionsMarkedLost);
  row.count('transactions', summary.lastTxId);
  for (const problem of coverage.problems.slice(0, 20)) row.fail(problem);
}

function removeRun(d: Dirs): void {
  fs.rmSync(d.root, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// 1. Crash loops under load

export interface CrashLoopOptions extends ScenarioOptions {
  mode: 'record' | 'replay' | 'both';
  /** SIGKILLs to land in total. */
  kills: number;
  /** Kills per run before a fresh source and journal (default 25): bounds the journal's size. */
  killsPerRun?: number;
}

type Role = 'recorder' | 'replayer';

/**
 * The simulator writes a rotating, vacuuming workload; the recorder (mode record), the replayer
 * (replay --follow, mode replay) or either or both at once (mode both, separate processes sharing
 * the journal) are killed with SIGKILL at random moments (during start-up, or while following) and
 * started again. A killed replay leaves a target its cursor describes (or a batch in flight that the
 * next replay finishes). At the end: identical, verify passes, nothing lost silently.
 */
export async function crashLoop(options: CrashLoopOptions): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row(`crash loop: ${options.mode}`, log);
  const perRun = options.killsPerRun ?? 25;
  while (row.kills < options.kills) {
    const before = row.kills;
    await crashRun(row, options.mode, Math.min(perRun, options.kills - row.kills), rng, log);
    row.runs += 1;
    log(`  ${row.scenario}: run ${row.runs}: ${row.kills - before} kills (${row.kills}/${options.kills}), ${row.problems.length} failures so far`);
    if (row.kills === before) break; // no kill landed: reported as failures already
  }
  const d = row.details;
  row.note(`${d.packsCreated ?? 0} packs created, ${d.packsRecorded ?? 0} recorded, ${d.packsVanished ?? 0} marked vanished, ${d.packsMissed ?? 0} missed, ` +
    `${d.packsUnseenWhileDown ?? 0} came and went while the recorder was down (after a vanished resync, not named: see restart-gap); ` +
    `${d.transactionsMarkedLost ?? 0} of ${d.transactions ?? 0} transactions in marked gaps`);
  return row.done();
}

async function crashRun(row: Row, mode: CrashLoopOptions['mode'], kills: number, rng: Rng, log: (line: string) => void): Promise<void> {
  const d = makeDirs('rdm-crash-');
  const failuresBefore = row.problems.length;
  const ready: Record<Role, RegExp> = { recorder: RECORDING, replayer: FOLLOWING };
  const spawnRole = (role: Role) => spawnCli(role === 'recorder' ? recordArgs(d) : followArgs(d));
  const procs: Partial<Record<Role, ChildProcess>> = {};
  const roles: Role[] = mode === 'record' ? ['recorder'] : ['recorder', 'replayer'];
  // The recorder records before the engine writes: a pack deleted before the journal began is no gap.
  // In mode both the replayer may come first (it then hosts the journal, the recorder is its guest).
  if (mode === 'both' && rng.chance(0.5)) {
    row.expect('record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    procs.replayer = (await startFollower(row, d)) ?? undefined;
    procs.recorder = (await startRecorder(row, d)) ?? undefined;
  } else {
    procs.recorder = (await startRecorder(row, d)) ?? undefined;
    if (roles.includes('replayer')) procs.replayer = (await startFollower(row, d)) ?? undefined;
  }
  // ~420 KB/s in 128 KiB packs, 4 kept: a pack lives about 1.2 s, a restart takes about as long.
  const engine = spawnEngine(d.src, {
    transactions: 0, rate: mode === 'record' ? 200 : 300, minSize: 64, maxSize: 4096, writesPerTx: 3,
    packSize: 128 * 1024, keep: 4, nameWidth: 8, seed: rng.int(1, 2 ** 30),
  });
  let landed = 0;
  for (let round = 0; landed < kills && round < kills * 3 && row.problems.length - failuresBefore < 5; round++) {
    const victims: Role[] = mode === 'record' ? ['recorder'] : mode === 'replay' ? ['replayer']
      : rng.pick([['recorder'], ['replayer'], ['recorder', 'replayer']] as Role[][]);
    // A random moment: anywhere from start-up on, or while following.
    if (rng.chance(0.5)) {
      for (const role of victims) await waitForOutput(procs[role]!, ready[role], 60_000).catch(() => undefined);
      await sleep(rng.int(0, 1000));
    } else {
      await sleep(rng.int(0, 1500));
    }
    for (const role of victims) {
      const child = procs[role]!;
      if (child.exitCode !== null || child.signalCode !== null) {
        row.fail(`${role} ended by itself (round ${round}): ${describeOutcome(await childOutcome(child))}\n${describeChild(child)}`);
        continue;
      }
      child.kill('SIGKILL');
      const outcome = await childOutcome(child);
      if (outcome.signal === 'SIGKILL') {
        landed += 1;
        row.kills += 1;
      } else row.fail(`${role} ended with ${describeOutcome(outcome)} instead of being killed\n${describeChild(child)}`);
    }
    for (const role of roles.filter((r) => !victims.includes(r))) {
      const child = procs[role]!;
      if (child.exitCode !== null || child.signalCode !== null) {
        row.fail(`${role} (not killed this round) ended: ${describeOutcome(await childOutcome(child))}\n${describeChild(child)}`);
        procs[role] = spawnRole(role);
      }
    }
    if (victims.includes('replayer')) {
      // The replayer is dead: what it left must be what its cursor says (unless a batch was in flight).
      const stopped = await checkStoppedTarget(d.target, fs.existsSync(d.target) ? targetFiles(d.target) : new Map());
      for (const problem of stopped.problems) row.fail(`after a replay was killed: ${problem}`);
      row.count(stopped.applying === null ? 'replayKilledBetweenBatches' : 'replayKilledInBatch');
    }
    await sleep(rng.int(0, 250));
    for (const role of victims) procs[role] = spawnRole(role);
  }
  if (landed < kills) row.fail(`only ${landed} of ${kills} kills landed`);
  const summary = await stopEngine(row, engine);
  await stopCleanly(row, procs.recorder ?? null, 'the recorder', RECORDING); // records what the source holds now
  await stopCleanly(row, procs.replayer ?? null, 'replay --follow', FOLLOWING); // applies what the journal holds
  row.expect('the final replay', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
  await checkEnd(row, d, { summary });
  if (row.problems.length === failuresBefore) removeRun(d);
  else log(`  ${row.scenario}: kept ${d.root} for inspection`);
}

// ---------------------------------------------------------------------------------------------
// 1b. The restart gap: packs that came and went while no recorder ran

/**
 * A recorder stops; the engine rotates and vacuums many packs; the recorder starts again. Each pack
 * created and deleted meanwhile must be named by a resync (`missed`), so that the journal says
 * which packs it never saw: the strict form of "every gap is marked".
 */
export async function restartGap(options: ScenarioOptions & { runs?: number } = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row('restart gap', log);
  for (let run = 0; run < (options.runs ?? 1); run++) {
    const d = makeDirs('rdm-gap-');
    const seed = rng.int(1, 2 ** 30);
    // Two packs, none deleted yet: the journal starts with pack 1.
    const first = await runEngine({ dir: d.src, transactions: 4, minSize: 4000, maxSize: 4000, packSize: 8192, keep: 2, seed });
    row.expect('record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    const second = await runEngine({ dir: d.src, transactions: 400, packSize: 8192, keep: 2, seed: seed + 1 });
    row.faultsInjected += 1;
    row.expect('record --once after the gap', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    const contents = await readJournal(d.journal);
    const packsCreated = first.packsCreated + second.packsCreated;
    const coverage = checkCoverage({ ops: contents.ops, lives: contents.lives, packsCreated, lastTxId: second.lastTxId, nameWidth: 8 });
    for (const problem of coverage.problems) row.fail(problem);
    const unnamed = coverage.unnamedAfterVanished;
    row.count('packsCreated', packsCreated);
    row.count('packsUnnamed', unnamed.length);
    if (unnamed.length > 0) {
      const vanished = contents.ops.filter((op) => op.type === 'resync' && op.reason === 'vanished').map((op) => `op ${op.seq} ${op.file}`);
      row.fail(`${unnamed.length} packs (${unnamed[0]}..${unnamed.at(-1)}) were created and deleted while no recorder ran, and no resync names them ` +
        `(only the vanished resyncs ${vanished.join(', ')} precede them, each saying "bytes after N may be lost" of its own file); ` +
        `expected a missed resync for each (or one naming the range)`);
    }
    row.runs += 1;
    removeRun(d);
  }
  row.note('record --once, the engine rotates ~150 packs with keep 2, record --once again');
  return row.done();
}

// ---------------------------------------------------------------------------------------------
// 2. inotify overflow

/**
 * Two ways to make the kernel drop events: (A, root) a recorder started with
 * fs.inotify.max_queued_events = 16, restored right after; (B, anyone) the recorder frozen with
 * SIGSTOP while more events than the queue holds arrive, then SIGCONT. Each time: an overflow
 * resync is recorded, the replay --follow copy (a separate process) ends identical, verify passes.
 */
export async function overflow(options: ScenarioOptions & { runs?: number; variants?: string[] } = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row('inotify overflow', log);
  for (let run = 0; run < (options.runs ?? 1); run++) {
    // A: a queue of 16 events
    if (!options.variants || options.variants.includes('A')) {
      row.context = 'A';
      const d = makeDirs('rdm-overflow-');
      const original = fs.existsSync(MAX_QUEUED_EVENTS) ? fs.readFileSync(MAX_QUEUED_EVENTS, 'utf8').trim() : null;
      const recorder = await withQueueLimit(16, async () => startRecorder(row, d));
      if (original !== null && fs.readFileSync(MAX_QUEUED_EVENTS, 'utf8').trim() !== original) row.fail(`${MAX_QUEUED_EVENTS} was not restored to ${original}`);
      if (recorder === null) {
        row.note(`A skipped: cannot write ${MAX_QUEUED_EVENTS} (not root)`);
      } else {
        const replayer = await startFollower(row, d);
        const summary = await engineSummary(spawnEngine(d.src, {
          transactions: 3000, minSize: 16, maxSize: 64, writesPerTx: 4, packSize: 512, keep: 2, seed: rng.int(1, 2 ** 30),
        }), 120_000).catch((err: Error) => { row.fail(`engine: ${err.message}`); return null; });
        await stopCleanly(row, recorder, 'the recorder', RECORDING);
        await stopCleanly(row, replayer, 'replay --follow', FOLLOWING);
        await finishOverflow(row, d, summary, 'A (max_queued_events 16)');
      }
      removeRunIfClean(row, d);
    }
    // B: the recorder frozen (SIGSTOP) while more events than its queue holds arrive, then let go;
    // C: the same, but SIGTERM comes with SIGCONT: the overflow is still pending when it stops.
    for (const variant of ['B (SIGSTOP, flood, SIGCONT)', 'C (SIGSTOP, flood, SIGTERM at once)'] as const) {
      row.context = variant[0]!;
      if (options.variants && !options.variants.includes(row.context)) continue;
      const d = makeDirs('rdm-overflow-');
      const recorder = await startRecorder(row, d);
      const replayer = await startFollower(row, d);
      let summary: EngineSummary | null = null;
      if (recorder && replayer) {
        const limit = Number(fs.readFileSync(MAX_QUEUED_EVENTS, 'utf8').trim()) || 16384;
        const engine = { minSize: 16, maxSize: 64, packSize: 512, keep: 2 };
        const first = await runEngine({ dir: d.src, transactions: 200, ...engine, seed: rng.int(1, 2 ** 30) });
        await sleep(300);
        recorder.kill('SIGSTOP');
        let stopped = false;
        try {
          // Packs come and go (their events dropped once the queue is full), and two files take
          // turns so that the kernel cannot merge their events.
          const during = await runEngine({ dir: d.src, transactions: 1500, ...engine, seed: rng.int(1, 2 ** 30) });
          const a = fs.openSync(path.join(d.src, 'flood-a.dat'), 'a');
          const b = fs.openSync(path.join(d.src, 'flood-b.dat'), 'a');
          for (let i = 0; i < limit + 2000; i++) fs.writeSync(i % 2 === 0 ? a : b, 'x');
          fs.closeSync(a);
          fs.closeSync(b);
          summary = { ...during, packsCreated: first.packsCreated + during.packsCreated };
          if (variant.startsWith('C')) {
            recorder.kill('SIGTERM');
            stopped = true;
          }
        } finally {
          recorder.kill('SIGCONT');
        }
        if (!stopped) {
          await waitForOutput(recorder, /dropped inotify events/, 60_000).catch(() => undefined);
          const after = await runEngine({ dir: d.src, transactions: 200, ...engine, seed: rng.int(1, 2 ** 30) });
          summary = { ...after, packsCreated: summary!.packsCreated + after.packsCreated };
        }
      }
      if (variant.startsWith('C') && recorder) {
        // Its SIGTERM was sent already (a second one would mean "exit now").
        row.expect(`${variant}: the recorder, SIGTERM while frozen`, await childOutcome(recorder, 120_000), 0);
      } else await stopCleanly(row, recorder, `${variant}: the recorder`, RECORDING);
      await stopCleanly(row, replayer, `${variant}: replay --follow`, FOLLOWING);
      await finishOverflow(row, d, summary, variant);
      removeRunIfClean(row, d);
    }
  }
  row.context = '';
  row.note(`${row.details.overflowResyncs ?? 0} overflow resyncs recorded, ${row.details.packsUnseenInOverflow ?? 0} packs came and went inside an overflow's window, ` +
    `${row.details.packsMissed ?? 0} named missed`);
  return row.done();
}

async function finishOverflow(row: Row, d: Dirs, summary: EngineSummary | null, variant: string): Promise<void> {
  row.expect(`${variant}: the final replay`, await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
  const contents = await readJournal(d.journal).catch(() => null);
  const overflows = contents?.ops.filter((op) => op.type === 'resync' && op.reason === 'overflow').length ?? 0;
  row.count('overflowResyncs', overflows);
  if (overflows === 0) {
    row.fail(`${variant}: the kernel dropped events (more than max_queued_events arrived while the recorder was frozen), yet no overflow resync was recorded` +
      (variant.startsWith('C') ? ': SIGTERM came while the overflow was pending, and the last pass does not mark it' : ''));
  }
  else row.faultsInjected += 1;
  await checkEnd(row, d, { summary });
  row.runs += 1;
}

function removeRunIfClean(row: Row, d: Dirs): void {
  if (row.problems.length === 0) removeRun(d);
}

// ---------------------------------------------------------------------------------------------
// 3. Disk full

/**
 * The journal on a small tmpfs fills while recording (the recorder hosting the journal, and the
 * recorder as the guest of a replay --follow that hosts it): JOURNAL_NO_SPACE, and a copy of the
 * journal verifies and holds only bytes of the source (nothing half-written); a recorder started
 * while still full is refused the same way; after space is freed, recording resumes and the
 * replayed copy is identical.
 */
export async function diskFullJournal(options: ScenarioOptions & { runs?: number } = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row('disk full: journal', log);
  if (!isRoot()) {
    row.note('skipped: needs root to mount a small tmpfs');
    return row.done();
  }
  for (let run = 0; run < (options.runs ?? 1); run++) {
    for (const variant of ['recorder hosts', 'recorder is a guest of replay --follow'] as const) {
      row.context = variant === 'recorder hosts' ? 'host' : 'guest';
      const done = await withTmpfs('4m', async (mount) => {
        const d = { ...makeDirs('rdm-diskfull-'), journal: path.join(mount, 'journal') };
        let replayer: ChildProcess | null = null;
        if (variant !== 'recorder hosts') {
          row.expect(`${variant}: record --once`, await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
          replayer = await startFollower(row, d);
        }
        const recorder = await startRecorder(row, d);
        if (!recorder) return;
        // ~3.5 MB/s, nothing deleted: the 4 MiB journal fills within seconds.
        const engine = spawnEngine(d.src, { transactions: 0, rate: 400, minSize: 1024, maxSize: 16384, packSize: 512 * 1024, keep: 0, seed: rng.int(1, 2 ** 30) });
        const ended = await childOutcome(recorder, 120_000).catch((err: Error) => { row.fail(`${variant}: the recorder never stopped: ${err.message}`); return null; });
        const summary = await stopEngine(row, engine);
        if (ended) row.expect(`${variant}: the recorder on a full journal disk`, ended, 75, ['JOURNAL_NO_SPACE']);
        row.faultsInjected += 1;
        if (replayer) {
          // The recorder hosts the journal (a follower hands hosting over to it): when it fails, the
          // follower takes hosting back, and LevelDB cannot open on a full disk. That is a retryable
          // JOURNAL_NO_SPACE, never a crash; its target is checked below either way.
          const outcome = await stopChild(replayer);
          row.expect(`${variant}: replay --follow on the full journal, stopped`, outcome, outcome.exit === 75 ? 75 : 0, outcome.exit === 75 ? ['JOURNAL_NO_SPACE'] : []);
        }
        await checkJournalCopy(row, d, `${variant}: after the disk filled`);
        // Still full: a new recorder is refused the same way, and the journal stays sound.
        row.expect(`${variant}: record --once while still full`, await cli(['record', d.src, '--journal', d.journal, '--once']), 75, ['JOURNAL_NO_SPACE']);
        row.faultsInjected += 1;
        await checkJournalCopy(row, d, `${variant}: after a second attempt while full`);
        growTmpfs(mount);
        row.expect(`${variant}: record --once after space was freed`, await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
        row.expect(`${variant}: replay`, await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
        await checkEnd(row, d, { summary, allowedReasons: [] }); // nothing is deleted: every pack and transaction is in the journal
        row.runs += 1;
      });
      if (done === null) row.note('skipped: cannot mount a tmpfs');
    }
  }
  row.context = '';
  row.note('journal on a 4 MiB tmpfs, then remounted at 512 MiB');
  return row.done();
}

/** A copy of the journal (the full disk cannot be written by LevelDB's open) verifies, and holds only source bytes. */
async function checkJournalCopy(row: Row, d: Dirs, when: string): Promise<void> {
  const copy = path.join(tempDir('rdm-journal-copy-'), 'journal');
  copyTree(d.journal, copy);
  row.expect(`${when}: verify of a copy of the journal`, await cli(['verify', '--journal', copy]), 0);
  try {
    const { files } = await readJournal(copy);
    for (const [name, data] of files) {
      const source = fs.readFileSync(path.join(d.src, name));
      if (!source.subarray(0, data.length).equals(data)) row.fail(`${when}: the journal's ${name} is not a prefix of the source's`);
      row.bytesCompared += data.length;
    }
  } catch (err) {
    row.fail(`${when}: the journal copy does not read back: ${(err as Error).message}`);
  }
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });
}

/**
 * A target on a small tmpfs fills while replay --follow applies a live recording: TARGET_NO_SPACE,
 * the cursor covers only bytes that are on the target and equal the journal's; a replay started
 * while still full is refused the same way and the cursor does not move; after space is freed,
 * replay --follow resumes and the copy ends identical.
 */
export async function diskFullTarget(options: ScenarioOptions & { runs?: number } = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row('disk full: target', log);
  if (!isRoot()) {
    row.note('skipped: needs root to mount a small tmpfs');
    return row.done();
  }
  for (let run = 0; run < (options.runs ?? 1); run++) {
    const done = await withTmpfs('2m', async (mount) => {
      const d = { ...makeDirs('rdm-diskfull-'), target: path.join(mount, 'target') };
      const recorder = await startRecorder(row, d);
      const replayer = await startFollower(row, d);
      if (!recorder || !replayer) return;
      // Nothing deleted: the target needs all of it; ~2.6 MB/s fills 2 MiB within a second or two.
      const engine = spawnEngine(d.src, { transactions: 0, rate: 300, minSize: 1024, maxSize: 16384, packSize: 256 * 1024, keep: 0, seed: rng.int(1, 2 ** 30) });
      const ended = await childOutcome(replayer, 120_000).catch((err: Error) => { row.fail(`replay --follow never stopped: ${err.message}`); return null; });
      if (ended) row.expect('replay --follow onto a full target', ended, 75, ['TARGET_NO_SPACE']);
      row.faultsInjected += 1;
      const first = await checkCursorAgainstJournal(row, d, 'after TARGET_NO_SPACE');
      // Still full: refused the same way, and the cursor does not move.
      row.expect('replay while the target is still full', await cli(['replay', '--journal', d.journal, '--to', d.target]), 75, ['TARGET_NO_SPACE']);
      row.faultsInjected += 1;
      const second = await checkCursorAgainstJournal(row, d, 'after a second attempt while full');
      if (first !== null && second !== null && second > first) row.fail(`the cursor moved from op ${first} to ${second} while the target was full`);
      growTmpfs(mount);
      const resumed = await startFollower(row, d);
      await sleep(1000);
      const summary = await stopEngine(row, engine);
      await stopCleanly(row, recorder, 'the recorder', RECORDING);
      await stopCleanly(row, resumed, 'the resumed replay --follow', FOLLOWING);
      row.expect('the final replay', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
      await checkEnd(row, d, { summary });
      row.runs += 1;
    });
    if (done === null) row.note('skipped: cannot mount a tmpfs');
  }
  row.note('target on a 2 MiB tmpfs, then remounted at 512 MiB');
  return row.done();
}

/** The cursor of a stopped target describes bytes that are on it and equal the journal's at its seq. Returns the seq. */
async function checkCursorAgainstJournal(row: Row, d: Dirs, when: string): Promise<number | null> {
  if (!fs.existsSync(path.join(d.target, '.rdm-journal', 'CURRENT'))) return 0;
  const { cursor } = await readTargetControl(d.target);
  if (!cursor) return 0;
  const { ops, head } = await readJournal(d.journal);
  if (cursor.seq >= head) row.fail(`${when}: the cursor is at op ${cursor.seq}, the journal's end (${head}): the disk never filled?`);
  const state = stateAt(ops, cursor.seq);
  for (const [name, file] of Object.entries(cursor.files)) {
    const want = state.get(name);
    if (!want) {
      row.fail(`${when}: the cursor at op ${cursor.seq} lists ${name}, which the journal does not hold there`);
      continue;
    }
    if (want.length !== file.size) row.fail(`${when}: ${name}: the cursor says ${file.size} bytes, the journal ${want.length}`);
    let onTarget: Buffer;
    try {
      onTarget = fs.readFileSync(path.join(d.target, name));
    } catch {
      row.fail(`${when}: ${name} is in the cursor but not on the target`);
      continue;
    }
    if (onTarget.length < file.size || !onTarget.subarray(0, file.size).equals(want.subarray(0, file.size))) {
      row.fail(`${when}: ${name}: the ${file.size} bytes the cursor covers are not the journal's on the target (${onTarget.length} bytes there)`);
    }
    row.bytesCompared += Math.min(onTarget.length, file.size);
  }
  row.count('cursorChecks');
  return cursor.seq;
}

// ---------------------------------------------------------------------------------------------
// 4. Corrupt journal

const opKey = (seq: number) => {
  const key = Buffer.alloc(9);
  key[0] = 0x6f;
  key.writeBigUInt64BE(BigInt(seq), 1);
  return key;
};

/** Where a map field's value lies in a msgpack-encoded op: [start, end) of its content bytes, and its header byte. */
function fieldRange(value: Buffer, field: string): { header: number; start: number; end: number } | null {
  const key = Buffer.concat([Buffer.of(0xa0 | field.length), Buffer.from(field)]);
  const at = value.indexOf(key);
  if (at < 0) return null;
  const p = at + key.length;
  const b = value[p]!;
  const span = (headerBytes: number, length: number) => ({ header: p, start: p + 1 + headerBytes, end: p + 1 + headerBytes + length });
  if (b <= 0x7f) return { header: p, start: p, end: p + 1 };
  if (b >= 0xa0 && b <= 0xbf) return span(0, b & 0x1f);
  switch (b) {
    case 0xcc: return span(0, 1);
    case 0xcd: return span(0, 2);
    case 0xce: case 0xca: return span(0, 4);
    case 0xcf: case 0xcb: return span(0, 8);
    case 0xd9: case 0xc4: return span(1, value[p + 1]!);
    case 0xda: case 0xc5: return span(2, value.readUInt16BE(p + 1));
    case 0xc6: return span(4, value.readUInt32BE(p + 1));
    default: return null;
  }
}

type PayloadField = 'data' | 'crc' | 'offset' | 'file' | 'type' | 'anywhere' | 'at' | 'create.mode' | 'index.length' | 'fstate.size' | 'fstate.tailCrc';
/** What must notice a flip: both verify and replay (an op), verify alone (index, file states), or nothing (op metadata, see notes). */
type Expectation = 'op' | 'metadata' | 'verify' | 'raw';
const EXPECT: Record<PayloadField, Expectation> = {
  data: 'op', crc: 'op', offset: 'op', file: 'op', type: 'op', anywhere: 'op',
  at: 'metadata', 'create.mode': 'metadata',
  'index.length': 'verify', 'fstate.size': 'verify', 'fstate.tailCrc': 'verify',
};

/** Which corruptions to inject: op values, op metadata, index and file states, raw *.ldb, raw *.log. */
export type CorruptPart = 'ops' | 'metadata' | 'index' | 'ldb' | 'log';

export interface CorruptOptions extends ScenarioOptions {
  /** Default all. */
  parts?: readonly CorruptPart[];
  /** Flips through LevelDB (which stays sound): one per field kind, then random positions in ops. */
  payloadFlips?: number;
  /** Flips in the raw *.ldb and *.log files that something noticed, per kind of file. */
  rawDetected?: number;
  /** Give up on a kind of file after this many positions. */
  rawAttempts?: number;
}

/**
 * A journal with ops in LevelDB tables (*.ldb) and in its log (*.log). (A) a byte of one stored value
 * is flipped through LevelDB (so LevelDB's own checksums stay right): in an op, verify must exit 1
 * naming it and replay into a fresh target must exit 1 with JOURNAL_CORRUPT having applied only ops
 * before it; in the per-file index or a file state, verify must report it. (B) a byte of a raw
 * LevelDB file is flipped: detected by verify or replay (or at open), or the position was harmless
 * (every key and value reads back the same) and another is tried. Never a wrong byte on a target,
 * never INTERNAL.
 */
export async function corruptJournal(options: CorruptOptions = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row('corrupt journal', log);
  const d = makeDirs('rdm-corrupt-');
  await runEngine({ dir: d.src, transactions: 300, minSize: 1024, maxSize: 12288, packSize: 512 * 1024, keep: 0, seed: rng.int(1, 2 ** 30) });
  row.expect('record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
  row.expect('status (reopening moves the log into a table)', await cli(['status', '--journal', d.journal]), 0);
  // One recorder session, three bursts: several batches in LevelDB's log (each open moves the log into
  // a table), so that damage to a record in its middle (a gap in the ops) can be told from damage to
  // the last one (the journal's end).
  const recorder = await startRecorder(row, d);
  for (let i = 0; i < 3; i++) {
    await runEngine({ dir: d.src, transactions: 35, minSize: 1024, maxSize: 12288, packSize: 512 * 1024, keep: 0, seed: rng.int(1, 2 ** 30) });
    await sleep(400);
  }
  await stopCleanly(row, recorder, 'the recorder (these ops stay in the log)', RECORDING);
  const pristine = d.journal; // never opened again: every trial works on copies
  const work = tempDir('rdm-corrupt-work-');
  let trial = 0;
  const copyOf = (from: string) => {
    const to = path.join(work, `j${trial}-${Math.random().toString(36).slice(2, 8)}`);
    copyTree(from, to);
    return to;
  };
  const reference = copyOf(pristine);
  const { ops } = await readJournal(reference);
  const entries = await dumpLevel(reference);
  const head = ops.length;
  const base: Omit<CorruptionCase, 'journal' | 'badSeq' | 'what' | 'expect' | 'trial'> = { ops, entries, work };

  // A: stored values
  const appends = ops.filter((op) => op.type === 'append' && op.seq > head / 3);
  const creates = ops.filter((op) => op.type === 'create' && op.seq > head / 3);
  const parts = new Set(options.parts ?? ['ops', 'metadata', 'index', 'ldb', 'log']);
  const partOf = (field: PayloadField): CorruptPart => (EXPECT[field] === 'op' ? 'ops' : EXPECT[field] === 'metadata' ? 'metadata' : 'index');
  const fields = (Object.keys(EXPECT) as PayloadField[]).filter((f) => f !== 'anywhere' && parts.has(partOf(f)));
  const payloadFlips = parts.has('ops') ? Math.max(options.payloadFlips ?? fields.length, fields.length) : fields.length;
  for (let i = 0; i < payloadFlips; i++, trial++) {
    const field: PayloadField = fields[i] ?? 'anywhere';
    const op = field === 'create.mode' ? rng.pick(creates) : rng.pick(appends);
    const journal = copyOf(pristine);
    const key = field.startsWith('index.') ? indexKeyOf(op.file!, op.seq)
      : field.startsWith('fstate.') ? Buffer.concat([Buffer.of(0x66), Buffer.from(rng.pick([...stateAt(ops, head).keys()]))]) : opKey(op.seq);
    const db = new Level<Uint8Array, Uint8Array>(journal, { keyEncoding: 'view', valueEncoding: 'view' });
    await db.open();
    const stored = await db.get(key);
    if (!stored) {
      await db.close();
      row.fail(`payload ${field}: no value at key ${key.toString('hex')}`);
      continue;
    }
    const value = Buffer.from(stored);
    if (field === 'data' && !fieldRange(value, 'data')) {
      // Format 3: an append's bytes are in its life's data file (the op's last 4 bytes are its seal).
      await db.close();
      const { life, offset, length } = rawPackr.unpack(value.subarray(0, value.length - 4)) as { life: number; offset: number; length: number };
      const position = offset + rng.int(0, length - 1);
      flipByte(path.join(journal, 'data', String(life).padStart(20, '0')), position, rng.int(1, 255));
      row.context = 'ops';
      row.faultsInjected += 1;
      const verdict = await judgeCorruption(row, { ...base, journal, trial, badSeq: op.seq, expect: 'op', what: `data file byte ${position} of op ${op.seq} (append)` });
      row.count(`payload.op.${verdict}`);
      continue;
    }
    const range = field === 'anywhere' ? { start: 0, end: value.length }
      : field === 'index.length' ? { start: value.length - 1, end: value.length }
        : fieldRange(value, field.replace(/^(create|fstate)\./, ''));
    if (!range || range.end <= range.start) {
      await db.close();
      row.fail(`payload ${field}: no such field in the value at key ${key.toString('hex')}`);
      continue;
    }
    const position = rng.int(range.start, range.end - 1);
    value[position] = value[position]! ^ rng.int(1, 255);
    await db.put(key, value);
    await db.close();
    const atRange = fieldRange(value, 'at');
    const inAt = field === 'anywhere' && atRange !== null && position >= atRange.start && position < atRange.end;
    row.context = inAt ? 'metadata' : partOf(field);
    row.faultsInjected += 1;
    const verdict = await judgeCorruption(row, {
      ...base, journal, trial, badSeq: op.seq, expect: inAt ? 'metadata' : EXPECT[field],
      what: `payload ${field}${field.startsWith('fstate.') ? '' : ` of op ${op.seq} (${op.type})`}, byte ${position}`,
    });
    row.count(`payload.${field.startsWith('index.') || field.startsWith('fstate.') ? field : inAt ? 'at' : EXPECT[field] === 'op' ? 'op' : field}.${verdict}`);
  }

  // B: raw LevelDB files
  for (const kind of (['ldb', 'log'] as const).filter((k) => parts.has(k))) {
    row.context = kind;
    const files = fs.readdirSync(pristine).filter((name) => name.endsWith(`.${kind}`) && fs.statSync(path.join(pristine, name)).size > 0);
    if (files.length === 0) {
      row.fail(`raw: the journal has no non-empty *.${kind} file to corrupt`);
      continue;
    }
    let noticed = 0;
    let attempts = 0;
    const want = options.rawDetected ?? 3;
    // In the log, first one byte in the payload of its last record (the newest batch) and one in its
    // first; then random positions anywhere, as in the tables.
    const aimed: Array<{ name: string; offset: number; where: string }> = [];
    if (kind === 'log') {
      const name = files.sort().at(-1)!;
      const records = logRecords(fs.readFileSync(path.join(pristine, name)));
      if (records.length < 2) row.fail(`the log ${name} holds ${records.length} records; expected several batches`);
      else {
        const middleOf = (r: { start: number; end: number }) => r.start + Math.floor((r.end - r.start) / 2);
        aimed.push({ name, offset: middleOf(records.at(-1)!), where: `the last of its ${records.length} records` });
        aimed.push({ name, offset: middleOf(records[0]!), where: `the first of its ${records.length} records` });
      }
    }
    for (; (noticed < want || aimed.length > 0) && attempts < (options.rawAttempts ?? want * 6) + 2; attempts++, trial++) {
      const journal = copyOf(pristine);
      const pick = aimed.shift();
      const name = pick?.name ?? rng.pick(files);
      const size = fs.statSync(path.join(journal, name)).size;
      const offset = pick?.offset ?? rng.int(0, size - 1);
      flipByte(path.join(journal, name), offset, rng.int(1, 255));
      row.faultsInjected += 1;
      const verdict = await judgeCorruption(row, {
        ...base, journal, trial, badSeq: null, expect: 'raw', what: `raw ${name} byte ${offset} of ${size}${pick ? ` (in ${pick.where})` : ''}`,
      });
      if (verdict !== 'harmless') noticed += 1;
      row.count(`raw.${kind}.${verdict}`);
    }
    if (noticed < want) row.note(`only ${noticed} of ${want} *.${kind} flips mattered in ${attempts} positions (the rest were harmless)`);
  }
  row.context = '';
  const dt = row.details;
  const by = (prefix: string) => Object.entries(dt).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => `${k.slice(prefix.length)} ${v}`).join(', ');
  row.note(`flips through LevelDB: ${by('payload.')}`);
  row.note(`*.ldb flips: ${by('raw.ldb.') || 'none'}`);
  row.note(`*.log flips: ${by('raw.log.') || 'none'}`);
  const unnoticed = Object.entries(dt).filter(([k]) => k.endsWith('.metadata-undetected')).reduce((n, [, v]) => n + v, 0);
  if (unnoticed > 0) row.note(`${unnoticed} flips in op metadata (at, mode) were noticed by nothing: no checksum covers an op's fields other than its data`);
  row.runs += 1;
  fs.rmSync(work, { recursive: true, force: true });
  removeRun(d);
  return row.done();
}

/**
 * The logical records of a LevelDB log file (one write batch each), as byte ranges of their first
 * fragment's payload: 32 KiB blocks of fragments, each with a 7-byte header (CRC-32C, length, type:
 * 1 full, 2 first, 3 middle, 4 last).
 */
function logRecords(log: Buffer): Array<{ start: number; end: number }> {
  const BLOCK = 32768;
  const records: Array<{ start: number; end: number }> = [];
  for (let pos = 0; pos + 7 <= log.length;) {
    const left = BLOCK - (pos % BLOCK);
    if (left < 7) {
      pos += left;
      continue;
    }
    const length = log.readUInt16LE(pos + 4);
    const type = log[pos + 6]!;
    if (type === 0 && length === 0) break;
    if (type === 1 || type === 2) records.push({ start: pos + 7, end: pos + 7 + length });
    pos += 7 + length;
  }
  return records;
}

/** `i` + name + 0x00 + seq (u64 BE): an op's entry in the per-file index. */
function indexKeyOf(name: string, seq: number): Buffer {
  const body = Buffer.from(name, 'utf8');
  const key = Buffer.alloc(body.length + 10);
  key[0] = 0x69;
  body.copy(key, 1);
  key.writeBigUInt64BE(BigInt(seq), body.length + 2);
  return key;
}

/** Every key and value of a LevelDB (a copy: opening it rewrites its files). */
async function dumpLevel(dir: string): Promise<Map<string, Buffer>> {
  const db = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view', createIfMissing: false });
  await db.open();
  try {
    const entries = new Map<string, Buffer>();
    for await (const [key, value] of db.iterator()) entries.set(Buffer.from(key).toString('hex'), Buffer.from(value));
    return entries;
  } finally {
    await db.close();
  }
}

const TABLES: Record<string, string> = { '6d': 'meta', '6f': 'op', '66': 'file state', '69': 'index', '63': 'checkpoint', '74': 'target note' };

/** How two dumps differ: the tables concerned, and for ops which fields. Empty when identical. */
function compareDumps(actual: Map<string, Buffer>, expected: Map<string, Buffer>): { tables: Set<string>; opFields: Set<string>; first: string; opsGone: number[] } {
  const tables = new Set<string>();
  const opFields = new Set<string>();
  const opsGone: number[] = [];
  let first = '';
  for (const key of new Set([...actual.keys(), ...expected.keys()])) {
    const a = actual.get(key);
    const e = expected.get(key);
    if (a && e && a.equals(e)) continue;
    const table = TABLES[key.slice(0, 2)] ?? `unknown prefix ${key.slice(0, 2)}`;
    tables.add(table);
    first ||= `${table} ${key.slice(0, 40)}: ${a ? (e ? 'changed' : 'appeared') : 'disappeared'}`;
    if (table === 'op' && a && e) {
      let x: Record<string, unknown> = {};
      let y: Record<string, unknown> = {};
      try {
        x = rawPackr.unpack(a) as Record<string, unknown>;
        y = rawPackr.unpack(e) as Record<string, unknown>;
      } catch {
        opFields.add('(undecodable)');
        continue;
      }
      for (const field of new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})])) {
        if (JSON.stringify(x?.[field]) !== JSON.stringify(y?.[field])) opFields.add(field);
      }
    } else if (table === 'op') {
      opFields.add('(whole op)');
      if (!a && key.length === 18) opsGone.push(Number(BigInt(`0x${key.slice(2)}`)));
    }
  }
  return { tables, opFields, first, opsGone: opsGone.sort((x, y) => x - y) };
}

type Verdict = 'verify+replay' | 'verify' | 'replay' | 'open' | 'harmless' | 'metadata-undetected' | 'silent';

interface CorruptionCase {
  journal: string;
  ops: readonly JournalOp[];
  entries: Map<string, Buffer>;
  /** The op whose value (or index entry) was flipped (A), or null for a raw flip (B). */
  badSeq: number | null;
  expect: Expectation;
  what: string;
  work: string;
  trial: number;
}

const METADATA = new Set(['at', 'ino', 'mode']);

async function judgeCorruption(row: Row, c: CorruptionCase): Promise<Verdict> {
  const verifyCopy = `${c.journal}-verify`;
  const replayCopy = `${c.journal}-replay`;
  const readCopy = `${c.journal}-read`;
  copyTree(c.journal, verifyCopy);
  copyTree(c.journal, replayCopy);
  copyTree(c.journal, readCopy);
  const target = path.join(c.work, `t${c.trial}`);
  const [verify, replay] = await Promise.all([cli(['verify', '--journal', verifyCopy]), cli(['replay', '--journal', replayCopy, '--to', target])]);
  if (verify.internal) row.fail(`${c.what}: verify crashed: ${describeOutcome(verify)}\n${verify.stderr.slice(-1500)}`);
  if (replay.internal) row.fail(`${c.what}: replay crashed: ${describeOutcome(replay)}\n${replay.stderr.slice(-1500)}`);
  const verifyCaught = verify.exit === 1 && ['VERIFY_FAILED', 'JOURNAL_CORRUPT'].includes(verify.code ?? '');
  const replayCaught = replay.exit === 1 && replay.code === 'JOURNAL_CORRUPT';
  if (verify.exit !== 0 && !verifyCaught && !verify.internal) row.fail(`${c.what}: verify: expected exit 1 with VERIFY_FAILED or JOURNAL_CORRUPT, got ${describeOutcome(verify)}`);
  if (replay.exit !== 0 && !replayCaught && !replay.internal) row.fail(`${c.what}: replay: expected JOURNAL_CORRUPT, got ${describeOutcome(replay)}`);

  // Whatever happened, the target holds exactly the intact journal's state at its cursor.
  let cursorSeq = 0;
  if (fs.existsSync(path.join(target, '.rdm-journal', 'CURRENT'))) {
    const { cursor } = await readTargetControl(target);
    cursorSeq = cursor?.seq ?? 0;
    if (cursor?.applying != null) row.fail(`${c.what}: the replay left a batch half-applied (ops ${cursorSeq + 1}..${cursor.applying})`);
  }
  const onTarget = fs.existsSync(target) ? targetFiles(target) : new Map<string, Buffer>();
  for (const problem of diffFiles(onTarget, stateAt(c.ops, cursorSeq)).slice(0, 5)) {
    row.fail(`${c.what}: the target differs from the intact journal at its cursor (op ${cursorSeq}): ${problem}`);
  }
  row.bytesCompared += totalBytes(onTarget);
  if (c.badSeq !== null && c.expect === 'op' && replayCaught && cursorSeq >= c.badSeq) {
    row.fail(`${c.what}: replay failed, but its cursor (op ${cursorSeq}) is at or past the bad op ${c.badSeq}`);
  }

  // What reads back differently? (A copy: LevelDB rewrites its files on open.)
  let diff: ReturnType<typeof compareDumps> | null = null;
  let unreadable = '';
  try {
    diff = compareDumps(await dumpLevel(readCopy), c.entries);
  } catch (err) {
    unreadable = (err as Error).message.slice(0, 200);
  }
  for (const dir of [verifyCopy, replayCopy, readCopy, c.journal, target]) fs.rmSync(dir, { recursive: true, force: true });

  const openFailed = [verify, replay].every((o) => o.exit === 1 && /cannot be opened|is damaged|without a journal format/.test(o.message ?? ''));
  const onlyMetadata = diff !== null && diff.tables.size === 1 && diff.tables.has('op') && [...diff.opFields].every((f) => METADATA.has(f));
  let verdict: Verdict;
  if (openFailed) verdict = 'open';
  else if (verifyCaught && replayCaught) verdict = 'verify+replay';
  else if (verifyCaught) verdict = 'verify';
  else if (replayCaught) verdict = 'replay';
  else if (diff !== null && diff.tables.size === 0) verdict = 'harmless';
  else if (onlyMetadata) verdict = 'metadata-undetected';
  else verdict = 'silent';

  const say = (o: CliOutcome) => describeOutcome(o);
  switch (c.expect) {
    case 'op':
      if (!verifyCaught) row.fail(`${c.what}: verify did not report it (${say(verify)})`);
      else if (verify.code === 'VERIFY_FAILED' && !findingsOf(verify).some((line) => line.includes(`"seq":${c.badSeq}`))) {
        row.fail(`${c.what}: verify's findings do not name op ${c.badSeq}:\n${findingsOf(verify).slice(0, 5).join('\n')}`);
      }
      if (!replayCaught) row.fail(`${c.what}: replay did not stop with JOURNAL_CORRUPT (${say(replay)})`);
      break;
    case 'verify':
      if (!verifyCaught) row.fail(`${c.what}: verify did not report it (${say(verify)})`);
      break;
    case 'metadata':
      break; // counted and noted: nothing checks an op's metadata
    case 'raw':
      if (verdict === 'silent') {
        const gone = diff?.opsGone ?? [];
        const head = c.ops.length;
        const truncated = gone.length > 0 && gone.at(-1) === head && gone.length === head - gone[0]! + 1;
        row.fail(`${c.what}: neither verify (${say(verify)}) nor replay (${say(replay)}) noticed, yet the journal reads back differently: ` +
          (truncated ? `it ends at op ${gone[0]! - 1} instead of ${head} (LevelDB dropped the damaged log record, the last batch, when it opened the journal)`
            : `${unreadable || `${[...diff!.tables].join(', ')} (${diff!.first}${diff!.opFields.size ? `; op fields ${[...diff!.opFields].join(', ')}` : ''})`}`));
        if (truncated) row.count('raw.log.truncated');
      }
      break;
  }
  if (verdict === 'harmless' && (verify.exit !== 0 || replay.exit !== 0)) row.fail(`${c.what}: nothing differs, yet a command failed`);
  return verdict;
}

// ---------------------------------------------------------------------------------------------
// 5. Hostile journal

const AT = 1_700_000_000_000;
const HELLO = Buffer.from('hello');
const rawPackr = new Packr({ useRecords: false });
const create = (file: unknown, extra: Record<string, unknown> = {}) => ({ type: 'create', at: AT, file, ino: 1, ...extra });
const append = (file: unknown, offset: unknown, data: unknown = HELLO, extra: Record<string, unknown> = {}) =>
  ({ type: 'append', at: AT, file, offset, data, crc: data instanceof Uint8Array ? checksum(data) : 0, ...extra });
const START = [create('p1.pack'), append('p1.pack', 0)];

/** An op stored as given: a value to msgpack, or raw bytes (not msgpack at all). */
type RawOp = unknown;
interface HostileCase {
  what: string;
  /** Ops stored at seqs 1, 2, ... ; `outside` is a directory next to the target, `victim` a file in it. */
  ops: (paths: { outside: string; victim: string }) => RawOp[];
  /** Extra raw keys and values. */
  extra?: Array<[Buffer, Buffer]>;
  code?: string;
}

export const HOSTILE_CASES: HostileCase[] = [
  // escaping the target
  { what: 'a create of an absolute path', ops: ({ outside }) => [...START, create(path.join(outside, 'evil')), append(path.join(outside, 'evil'), 0)] },
  { what: 'an append at offset 0 to an absolute path of an existing file', ops: ({ victim }) => [...START, append(victim, 0, Buffer.from('owned'))] },
  { what: 'a delete of an absolute path', ops: ({ victim }) => [...START, { type: 'delete', at: AT, file: victim, size: 6 }] },
  { what: 'a delete of ../outside/victim', ops: () => [...START, { type: 'delete', at: AT, file: '../outside/victim.txt', size: 6 }] },
  { what: 'a create of .', ops: () => [...START, create('.')] },
  { what: 'a create of an empty name', ops: () => [...START, create('')] },
  { what: 'a create of an absolute path with a NUL', ops: ({ outside }) => [...START, create(`${outside}/x\0.pack`)] },
  { what: 'a create of a name ending in NUL', ops: () => [...START, create('p2.pack\0')] },
  { what: 'a resync naming ../evil', ops: () => [...START, { type: 'resync', at: AT, reason: 'missed', detail: 'x', file: '../evil' }] },
  { what: 'a delete of .rdm-journal (the cursor)', ops: () => [...START, { type: 'delete', at: AT, file: '.rdm-journal', size: 0 }] },
  // wrong types
  { what: 'a file name that is a number', ops: () => [...START, create(42)] },
  { what: 'a file name that is an array', ops: () => [...START, create(['..', 'evil'])] },
  { what: 'a file name that is binary', ops: () => [...START, create(Buffer.from('../evil'))] },
  { what: 'an offset that is a string', ops: () => [...START, append('p1.pack', '5')] },
  { what: 'a crc that is a string', ops: () => [...START, { ...append('p1.pack', 5), crc: 'abc' }] },
  { what: 'an at that is a string', ops: () => [...START, { ...append('p1.pack', 5), at: 'yesterday' }] },
  { what: 'an at that is NaN', ops: () => [...START, { ...append('p1.pack', 5), at: NaN }] },
  { what: 'an op without at', ops: () => [...START, { type: 'create', file: 'p2.pack', ino: 2 }] },
  { what: 'a mode that is a string', ops: () => [...START, create('p2.pack', { mode: '0777' })] },
  { what: 'an op that is an array', ops: () => [...START, ['append', AT, 'p1.pack', 5, HELLO]] },
  { what: 'an op that is a string', ops: () => [...START, 'create ../evil'] },
  { what: 'an op that is nil', ops: () => [...START, null] },
  { what: 'an op that is a number', ops: () => [...START, 7] },
  { what: 'an op that is not msgpack', ops: () => [...START, Buffer.of(0xc1, 0xc1, 0xc1)] },
  { what: 'an op cut short (map of 6, one entry)', ops: () => [...START, Buffer.concat([Buffer.of(0x86, 0xa4), Buffer.from('type'), Buffer.of(0xa6), Buffer.from('append')])] },
  // absurd numbers
  { what: 'an append at offset -1', ops: () => [...START, append('p1.pack', -1)] },
  { what: 'an append at offset 2^53', ops: () => [...START, append('p1.pack', 2 ** 53)] },
  { what: 'an append at offset 2^64-1', ops: () => [...START, append('p1.pack', 18446744073709551615n)] },
  { what: 'an append at offset 1e300', ops: () => [...START, append('p1.pack', 1e300)] },
  { what: 'an append at offset 5.5', ops: () => [...START, append('p1.pack', 5.5)] },
  { what: 'an append at offset NaN', ops: () => [...START, append('p1.pack', NaN)] },
  { what: 'an append of 1 MiB + 1 bytes', ops: () => [...START, append('p1.pack', 5, Buffer.alloc(1024 * 1024 + 1, 1))] },
  { what: 'an append of 0 bytes', ops: () => [...START, append('p1.pack', 5, Buffer.alloc(0))] },
  { what: 'a delete with size 2^60', ops: () => [...START, { type: 'delete', at: AT, file: 'p1.pack', size: 2 ** 60 }] },
  { what: 'a delete with size -5', ops: () => [...START, { type: 'delete', at: AT, file: 'p1.pack', size: -5 }] },
  { what: 'a create with mode 04777 (setuid)', ops: () => [...START, create('p2.pack', { mode: 0o4777 })] },
  { what: 'a create with ino -1', ops: () => [...START, create('p2.pack', { ino: -1 })] },
  // unknown kinds
  { what: 'an op of type truncate', ops: () => [...START, { type: 'truncate', at: AT, file: 'p1.pack', size: 0 }] },
  { what: 'an op of type rename', ops: () => [...START, { type: 'rename', at: AT, from: 'p1.pack', to: '../evil' }] },
  { what: 'an op of type symlink', ops: () => [...START, { type: 'symlink', at: AT, file: 'p2.pack', target: '/etc/passwd' }] },
  { what: 'an op of type CREATE', ops: () => [...START, { ...create('p2.pack'), type: 'CREATE' }] },
  { what: 'an op without type', ops: () => [...START, { at: AT, file: 'p2.pack', ino: 2 }] },
  { what: 'a resync of an unknown reason', ops: () => [...START, { type: 'resync', at: AT, reason: 'because', detail: 'x' }] },
  // keys
  { what: 'ops 1, 2, then 4 (a gap)', ops: () => [...START], extra: [[opKeyBig(4n), rawPackr.pack(append('p1.pack', 5))]] },
  { what: 'ops 1, 2, then 2^53+2 (a gap past the largest safe integer)', ops: () => [...START], extra: [[opKeyBig(2n ** 53n + 2n), rawPackr.pack(append('p1.pack', 5))]] },
  { what: 'a key in the op range that is not 9 bytes', ops: () => [...START], extra: [[Buffer.of(0x6f, 0xff, 0xff), rawPackr.pack(create('p2.pack'))]] },
];

function opKeyBig(seq: bigint): Buffer {
  const key = Buffer.alloc(9);
  key[0] = 0x6f;
  key.writeBigUInt64BE(seq, 1);
  return key;
}

async function writeHostileJournal(dir: string, ops: RawOp[], extra: Array<[Buffer, Buffer]> = []): Promise<void> {
  const db = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
  await db.open();
  try {
    const puts: Array<{ type: 'put'; key: Uint8Array; value: Uint8Array }> = [{ type: 'put', key: Buffer.from('mformat'), value: rawPackr.pack({ version: 1, createdAt: AT }) }];
    ops.forEach((op, i) => puts.push({ type: 'put', key: opKey(i + 1), value: op instanceof Uint8Array ? op : rawPackr.pack(op) }));
    for (const [key, value] of extra) puts.push({ type: 'put', key, value });
    await db.batch(puts);
  } finally {
    await db.close();
  }
}

export interface HostileOptions extends ScenarioOptions {
  /** Also run the read-only commands (log, show) on each journal: they must not crash either. */
  readers?: boolean;
  /** Only the cases whose description includes one of these (default all). */
  only?: string[];
}

/**
 * Each hostile journal (ops escaping the target, wrong types, absurd numbers, unknown kinds, bad
 * keys) is replayed into an empty target inside a sandbox holding a victim file: JOURNAL_CORRUPT,
 * nothing of the batch on the target, and the whole sandbox exactly as it was. verify must fail
 * too; no command may crash (INTERNAL or a stack trace). And a target file swapped for a symlink
 * to the victim is TARGET_DIVERGED, the victim untouched.
 */
export async function hostileJournal(options: HostileOptions = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const row = new Row('hostile journal', log);
  const cases = HOSTILE_CASES.filter((c) => !options.only || options.only.some((word) => c.what.includes(word)));
  for (const hostile of cases) {
    row.context = hostile.what;
    const root = tempDir('rdm-hostile-');
    const outside = path.join(root, 'outside');
    const victim = path.join(outside, 'victim.txt');
    fs.mkdirSync(outside);
    fs.writeFileSync(victim, 'victim');
    const journal = path.join(root, 'journal');
    await writeHostileJournal(journal, hostile.ops({ outside, victim }), hostile.extra);
    const target = path.join(root, 'parent', 'target');
    fs.mkdirSync(target, { recursive: true });
    const skip = (rel: string) => rel === 'journal' || rel.startsWith(`journal${path.sep}`) || rel.startsWith(path.join('parent', 'target', '.rdm-journal'));
    const before = describeTree(root, skip);
    // verify only reads: it runs on a copy, alongside the replay.
    const copy = path.join(root, 'journal-copy');
    copyTree(journal, copy);
    const [replay, verify] = await Promise.all([cli(['replay', '--journal', journal, '--to', target]), cli(['verify', '--journal', copy])]);
    fs.rmSync(copy, { recursive: true, force: true });
    row.faultsInjected += 1;
    row.expect('replay', replay, 1, [hostile.code ?? 'JOURNAL_CORRUPT']);
    const after = describeTree(root, skip);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      row.fail(`the sandbox changed:\n  before: ${before.join(', ')}\n  after:  ${after.join(', ')}`);
    }
    if (fs.readFileSync(victim, 'utf8') !== 'victim') row.fail('the victim file outside the target was written');
    row.count('sandboxChecks');
    row.bytesCompared += 6;
    row.expect('verify', verify, 1, ['VERIFY_FAILED', 'JOURNAL_CORRUPT']);
    if (options.readers) {
      const commands = [['log'], ['show', String(hostile.ops({ outside, victim }).length)]];
      const runs = await Promise.all(commands.map((args) => cli([...args, '--journal', journal])));
      runs.forEach((run, i) => {
        const name = commands[i]![0]!;
        if (run.internal || (run.exit !== 0 && run.exit !== 1)) row.fail(`${name} crashed: ${describeOutcome(run)}\n${run.stderr.slice(-800)}`);
        row.count(`readers.${name}.exit${run.exit}`);
      });
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
  row.context = 'symlinked target file';
  if (!options.only || options.only.some((word) => 'symlinked target file'.includes(word))) await symlinkedTargetFile(row);
  row.context = '';
  row.runs += 1;
  row.note(`${cases.length} hostile journals and a target file swapped for a symlink; replay, verify${options.readers ? ', log and show' : ''} on each`);
  return row.done();
}

/** A replayed target whose file is swapped for a symlink to a file outside: TARGET_DIVERGED, nothing written through it. */
async function symlinkedTargetFile(row: Row): Promise<void> {
  const d = makeDirs('rdm-hostile-link-');
  const victim = path.join(d.root, 'victim.txt');
  fs.writeFileSync(victim, 'victim');
  fs.writeFileSync(path.join(d.src, 'p1.pack'), 'first');
  row.expect('symlinked target file: record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
  row.expect('symlinked target file: replay', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
  fs.appendFileSync(path.join(d.src, 'p1.pack'), ' and more');
  row.expect('symlinked target file: record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
  const link = path.join(d.target, 'p1.pack');
  fs.rmSync(link);
  fs.symlinkSync(victim, link);
  const run = await cli(['replay', '--journal', d.journal, '--to', d.target]);
  row.faultsInjected += 1;
  row.expect('a target file swapped for a symlink to a file outside', run, 1, ['TARGET_DIVERGED']);
  if (fs.readFileSync(victim, 'utf8') !== 'victim') row.fail('the file outside the target was written through a symlink');
  if (!fs.lstatSync(link).isSymbolicLink()) row.fail('the planted symlink was replaced (the target was written)');
  removeRun(d);
}

// ---------------------------------------------------------------------------------------------
// 6. Source surprises

/**
 * The source directory renamed, and deleted, while recording under load: SOURCE_GONE, a journal that
 * verifies and holds only what the source held; renamed back, recording resumes and the copy is
 * identical. A pack replaced by a symlink (live, and while stopped): recorded as deleted (a vanished
 * resync when stopped), the symlink never followed (no byte of its target in the journal). The
 * source swapped for another database while recording: SOURCE_GONE, then JOURNAL_SOURCE_MISMATCH;
 * restored from another database in place while stopped: resyncs, then identical.
 */
export async function sourceSurprises(options: ScenarioOptions & { goneWithinMs?: number } = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row('source surprises', log);
  const seed = () => rng.int(1, 2 ** 30);
  const secret = `SECRET-${seed()}-OUTSIDE-THE-SOURCE`;

  log(`  source surprises: renamed while recording`);
  row.context = 'renamed';
  // Renamed while recording: the engine keeps appending through its descriptor (no rotation).
  {
    const d = makeDirs('rdm-surprise-');
    const recorder = await startRecorder(row, d);
    const engine = spawnEngine(d.src, { transactions: 0, rate: 300, minSize: 1024, maxSize: 8192, packSize: 64 * 1024 * 1024, keep: 0, seed: seed() });
    // Under load the simulator may take longer than the pause to start: renamed before it wrote,
    // the scenario would test nothing (and SIGTERM would find it without its handler).
    while (!fs.existsSync(path.join(d.src, packName(1, 8))) && engine.exitCode === null) await sleep(20);
    await sleep(600);
    const moved = `${d.src}.moved`;
    fs.renameSync(d.src, moved);
    row.faultsInjected += 1;
    if (recorder) row.expect('source renamed while recording', await childOutcome(recorder, 30_000), 75, ['SOURCE_GONE']);
    await sleep(300);
    const summary = await stopEngine(row, engine);
    await checkJournalPrefixOf(row, d.journal, moved, 'after the rename');
    row.expect('record on the old path', await cli(['record', d.src, '--journal', d.journal, '--once']), 1, ['SOURCE_NOT_FOUND']);
    fs.renameSync(moved, d.src);
    row.expect('record --once, moved back', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    row.expect('replay', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
    await checkEnd(row, d, { summary, allowedReasons: [] });
    row.runs += 1;
    removeRunIfClean(row, d);
  }

  log(`  source surprises: deleted while recording`);
  row.context = 'deleted';
  // Deleted while recording: the engine appends to a file already unlinked.
  {
    const d = makeDirs('rdm-surprise-');
    const recorder = await startRecorder(row, d);
    const engine = spawnEngine(d.src, { transactions: 0, rate: 300, minSize: 1024, maxSize: 8192, packSize: 64 * 1024 * 1024, keep: 0, seed: seed() });
    while (!fs.existsSync(path.join(d.src, packName(1, 8))) && engine.exitCode === null) await sleep(20);
    await sleep(300);
    fs.rmSync(d.src, { recursive: true });
    row.faultsInjected += 1;
    if (recorder) {
      // The engine still holds its pack open in the deleted directory (as a database engine does).
      if (await exitedWithin(recorder, options.goneWithinMs ?? 10_000)) row.expect('source deleted while recording', await childOutcome(recorder), 75, ['SOURCE_GONE']);
      else {
        row.fail(`source deleted while the engine holds a pack open in it: the recorder did not stop within ${(options.goneWithinMs ?? 10_000) / 1000} s ` +
          '(no SOURCE_GONE; it keeps running, taking IN_MODIFY events of the unlinked pack, and the kernel sends IN_DELETE_SELF only once the last file in the directory is closed)');
        await stopEngine(row, engine);
        if (await exitedWithin(recorder, 10_000)) row.expect('source deleted, once the engine closed its pack', await childOutcome(recorder), 75, ['SOURCE_GONE']);
        else row.fail('source deleted: the recorder did not stop even after the engine closed its files');
      }
    }
    await stopEngine(row, engine);
    row.expect('verify after the source was deleted', await cli(['verify', '--journal', d.journal]), 0);
    row.expect('replay of what was recorded', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
    row.expect('verify --to of that copy', await cli(['verify', '--journal', d.journal, '--to', d.target]), 0);
    try {
      const { files } = await readJournal(d.journal);
      for (const problem of diffFiles(targetFiles(d.target), files)) row.fail(`deleted source: target vs journal: ${problem}`);
      for (const [name, data] of files) {
        const scan = scanPack(data);
        if (scan.tail?.kind === 'corrupt') row.fail(`deleted source: ${name} holds bytes the engine never wrote`);
        if (scan.frames[0]?.txId !== 1 && scan.frames.length > 0) row.fail(`deleted source: ${name} starts at transaction ${scan.frames[0]?.txId}`);
        row.bytesCompared += data.length;
      }
    } catch (err) {
      row.fail(`deleted source: the journal does not read back: ${(err as Error).message}`);
    }
    row.runs += 1;
    removeRunIfClean(row, d);
  }

  log(`  source surprises: a pack replaced by a symlink`);
  row.context = 'symlink';
  // A pack replaced by a symlink, live and while stopped.
  {
    const d = makeDirs('rdm-surprise-');
    const outside = path.join(d.root, 'secret.txt');
    fs.writeFileSync(outside, secret.repeat(100));
    const recorder = await startRecorder(row, d);
    const engine = spawnEngine(d.src, { transactions: 0, rate: 400, minSize: 1024, maxSize: 4096, packSize: 32 * 1024, keep: 0, seed: seed(), nameWidth: 8 });
    while (fs.readdirSync(d.src).length < 6) await sleep(50);
    const swap = (name: string, to: string) => {
      fs.symlinkSync(to, path.join(d.src, `${name}.swap`));
      fs.renameSync(path.join(d.src, `${name}.swap`), path.join(d.src, name));
    };
    swap(packName(2, 8), outside);
    swap(packName(3, 8), packName(4, 8));
    row.faultsInjected += 2;
    await sleep(500);
    await stopCleanly(row, recorder, 'the recorder (packs swapped for symlinks)', RECORDING);
    swap(packName(5, 8), outside);
    row.faultsInjected += 1;
    row.expect('record --once after a pack became a symlink', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    await stopEngine(row, engine);
    row.expect('record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    row.expect('replay', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
    const contents = await readJournal(d.journal);
    if (contents.ops.some((op) => op.type === 'append' && Buffer.from(op.data).includes(secret))) row.fail('the journal holds bytes of the symlink\'s target');
    const vanished = contents.ops.filter((op) => op.type === 'resync' && op.reason === 'vanished').map((op) => (op as { file?: string }).file);
    if (!vanished.includes(packName(5, 8))) row.fail(`a pack replaced by a symlink while stopped is not marked vanished (resyncs: ${vanished.join(', ')})`);
    for (const n of [2, 3]) {
      if (!contents.lives.some((life) => life.name === packName(n, 8) && life.deletedSeq !== null)) row.fail(`${packName(n, 8)}, swapped for a symlink while recording, is not recorded as deleted`);
    }
    if (fs.readdirSync(d.target).some((name) => fs.lstatSync(path.join(d.target, name)).isSymbolicLink())) row.fail('the target holds a symlink');
    // Packs 2, 3 and 5 are gone from the source (symlinks): "lost" by design, each marked by a delete or a vanished resync.
    await checkEnd(row, d, { summary: null });
    row.runs += 1;
    removeRunIfClean(row, d);
  }

  log(`  source surprises: the source swapped for another database`);
  row.context = 'swapped';
  // The source swapped for another database while recording.
  {
    const d = makeDirs('rdm-surprise-');
    await runEngine({ dir: d.src, transactions: 200, packSize: 65536, keep: 0, seed: seed() });
    const other = path.join(d.root, 'Other.rdm');
    await runEngine({ dir: other, transactions: 300, packSize: 65536, keep: 0, seed: seed() });
    const recorder = await startRecorder(row, d);
    const { head } = await readJournal(d.journal);
    fs.renameSync(d.src, `${d.src}.old`);
    fs.renameSync(other, d.src);
    row.faultsInjected += 1;
    if (recorder) row.expect('source swapped while recording', await childOutcome(recorder, 30_000), 75, ['SOURCE_GONE']);
    row.expect('record into the journal of the swapped source', await cli(['record', d.src, '--journal', d.journal, '--once']), 1, ['JOURNAL_SOURCE_MISMATCH']);
    const after = await readJournal(d.journal);
    if (after.head !== head) row.fail(`the journal changed (op ${head} -> ${after.head}) though its source was swapped`);
    row.expect('verify after the swap', await cli(['verify', '--journal', d.journal]), 0);
    row.runs += 1;
    removeRunIfClean(row, d);
  }

  log(`  source surprises: restored in place from another database`);
  row.context = 'restored';
  // Restored in place from another database while the recorder was stopped (same directory inode).
  {
    const d = makeDirs('rdm-surprise-');
    await runEngine({ dir: d.src, transactions: 300, packSize: 65536, keep: 0, seed: seed() });
    row.expect('record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    const recorded = [...sourceFiles(d.src).keys()];
    const other = path.join(d.root, 'Other.rdm');
    await runEngine({ dir: other, transactions: 250, packSize: 65536, keep: 0, seed: seed() });
    for (const name of fs.readdirSync(d.src)) fs.rmSync(path.join(d.src, name));
    for (const name of fs.readdirSync(other)) fs.copyFileSync(path.join(other, name), path.join(d.src, name));
    row.faultsInjected += 1;
    row.expect('record --once after a restore in place', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
    const contents = await readJournal(d.journal);
    const marked = new Set(contents.ops.filter((op) => op.type === 'resync').map((op) => (op as { file?: string }).file));
    const unmarked = recorded.filter((name) => !marked.has(name));
    if (unmarked.length > 0) row.fail(`restored in place: ${unmarked.join(', ')} hold other bytes now, and no resync marks them`);
    row.count('restoreResyncs', marked.size);
    row.expect('replay', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
    await checkEnd(row, d, { summary: null });
    row.runs += 1;
    removeRunIfClean(row, d);
  }
  row.context = '';
  row.note('renamed and deleted under load, packs swapped for symlinks live and while stopped, swapped for another database live, restored from another in place');
  return row.done();
}

/** Whether the child exits within `ms` (it is left running otherwise). */
async function exitedWithin(child: ChildProcess, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(50)) {
    if (child.exitCode !== null || child.signalCode !== null) return true;
  }
  return child.exitCode !== null || child.signalCode !== null;
}

/** Every file the journal holds is a prefix of the same file in `dir` (and the journal verifies). */
async function checkJournalPrefixOf(row: Row, journal: string, dir: string, when: string): Promise<void> {
  row.expect(`verify ${when}`, await cli(['verify', '--journal', journal]), 0);
  try {
    const { files } = await readJournal(journal);
    for (const [name, data] of files) {
      const now = fs.readFileSync(path.join(dir, name));
      if (!now.subarray(0, data.length).equals(data)) row.fail(`${when}: the journal's ${name} is not a prefix of the source's`);
      row.bytesCompared += data.length;
    }
    if (files.size === 0) row.fail(`${when}: the journal holds nothing`);
  } catch (err) {
    row.fail(`${when}: the journal does not read back: ${(err as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The table

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function formatTable(rows: readonly FaultRow[]): string {
  const header = ['scenario', 'runs', 'faults injected', 'kills', 'bytes compared', 'failures'];
  const total: FaultRow = {
    scenario: 'total', runs: 0, faultsInjected: 0, kills: 0, bytesCompared: 0, failures: 0, notes: '', problems: [], details: {},
  };
  for (const row of rows) {
    total.runs += row.runs;
    total.faultsInjected += row.faultsInjected;
    total.kills += row.kills;
    total.bytesCompared += row.bytesCompared;
    total.failures += row.failures;
  }
  const cells = [...rows, total].map((r) => [r.scenario, String(r.runs), String(r.faultsInjected), String(r.kills), formatBytes(r.bytesCompared), String(r.failures)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`;
  const lines = [line(header), rule, ...cells.slice(0, -1).map(line), line(cells.at(-1)!.map((c) => `**${c}**`))];
  const notes = rows.filter((r) => r.notes).map((r) => `- ${r.scenario}: ${r.notes}`);
  return [...lines, '', 'Notes:', ...notes].join('\n');
}

// ---------------------------------------------------------------------------------------------
// CLI

const SCENARIOS = ['crash-record', 'crash-replay', 'crash-both', 'restart-gap', 'overflow', 'disk-journal', 'disk-target', 'corrupt', 'hostile', 'surprises'] as const;
type ScenarioName = (typeof SCENARIOS)[number];

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      kills: { type: 'string', default: '60' },
      only: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`usage: node --import tsx tools/faults.ts [--kills N] [--only ${SCENARIOS.join(',')}] [--rounds N] [--seed N]\n`);
    return;
  }
  const kills = Number(values.kills);
  const rounds = Number(values.rounds);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  const only = values.only?.split(',').map((s) => s.trim()) as ScenarioName[] | undefined;
  for (const name of only ?? []) {
    if (!SCENARIOS.includes(name)) throw new Error(`unknown scenario ${name}; one of ${SCENARIOS.join(', ')}`);
  }
  if (!fs.existsSync(new URL('../dist/cli/bin.js', import.meta.url))) throw new Error('dist/cli/bin.js is missing: run npx tsc -p tsconfig.json first');
  const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  log(`faults: seed ${seed}, ${kills} kills, ${rounds} rounds, ${isRoot() ? 'root' : 'not root (root-only faults are skipped)'}`);
  const killShare = { 'crash-record': Math.ceil(kills * 0.4), 'crash-replay': Math.floor(kills * 0.3) } as const;
  const runs: Record<ScenarioName, () => Promise<FaultRow>> = {
    'crash-record': () => crashLoop({ mode: 'record', kills: killShare['crash-record'], seed, log }),
    'crash-replay': () => crashLoop({ mode: 'replay', kills: killShare['crash-replay'], seed: seed + 1, log }),
    'crash-both': () => crashLoop({ mode: 'both', kills: kills - killShare['crash-record'] - killShare['crash-replay'], seed: seed + 2, log }),
    'restart-gap': () => restartGap({ seed, log, runs: rounds }),
    overflow: () => overflow({ seed, log, runs: rounds }),
    'disk-journal': () => diskFullJournal({ seed, log, runs: rounds }),
    'disk-target': () => diskFullTarget({ seed, log, runs: rounds }),
    corrupt: () => corruptJournal({ seed, log, payloadFlips: 8 * rounds, rawDetected: 10 * rounds, rawAttempts: 60 * rounds }),
    hostile: () => hostileJournal({ seed, log, readers: true }),
    surprises: async () => {
      const rows: FaultRow[] = [];
      for (let i = 0; i < rounds; i++) rows.push(await sourceSurprises({ seed: seed + i, log }));
      return mergeRows(rows);
    },
  };
  const rows: FaultRow[] = [];
  const started = Date.now();
  for (const name of only ?? SCENARIOS) {
    const t0 = Date.now();
    log(`${name}: start`);
    let row: FaultRow;
    try {
      row = await runs[name]();
    } catch (err) {
      row = { scenario: name, runs: 0, faultsInjected: 0, kills: 0, bytesCompared: 0, failures: 1, notes: 'crashed', problems: [(err as Error).stack ?? String(err)], details: {} };
    }
    rows.push(row);
    log(`${name}: ${row.failures} failures in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  process.stdout.write(`\nFault injection, seed ${seed}, ${((Date.now() - started) / 60000).toFixed(1)} min, on ${isRoot() ? 'root' : 'a normal user'}\n\n`);
  process.stdout.write(`${formatTable(rows)}\n`);
  const failed = rows.filter((r) => r.failures > 0);
  if (failed.length > 0) {
    process.stdout.write('\nFailures:\n');
    for (const row of failed) for (const problem of row.problems) process.stdout.write(`- ${row.scenario}: ${problem}\n`);
    process.exitCode = 1;
  }
}

function mergeRows(rows: readonly FaultRow[]): FaultRow {
  const first = rows[0]!;
  const merged: FaultRow = { ...first, problems: [...first.problems], details: { ...first.details } };
  for (const row of rows.slice(1)) {
    merged.runs += row.runs;
    merged.faultsInjected += row.faultsInjected;
    merged.kills += row.kills;
    merged.bytesCompared += row.bytesCompared;
    merged.failures += row.failures;
    merged.problems.push(...row.problems);
    for (const [k, v] of Object.entries(row.details)) merged.details[k] = (merged.details[k] ?? 0) + v;
  }
  return merged;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`faults: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
