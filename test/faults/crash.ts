/**
 * Crash loops under load (SIGKILL of the recorder, the replayer or both at random moments) and the
 * restart gap (packs created and deleted while no recorder ran, each to be named by a resync).
 *
 * Part of the fault-injection suite: tools/faults.ts runs it long, test/faults.test.ts short.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { RECORDING, readJournal, runEngine, sleep, spawnCli, spawnEngine, targetFiles, waitForOutput } from '../support.js';
import { Rng, checkCoverage, checkStoppedTarget, childOutcome, cli, describeChild, describeOutcome } from './support.js';
import { type FaultRow, Row, type ScenarioOptions, quiet } from './row.js';
import { FOLLOWING, makeDirs, recordArgs, followArgs, startRecorder, startFollower, stopCleanly, stopEngine, checkEnd, removeRun } from './run.js';

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
