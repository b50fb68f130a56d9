/**
 * What every fault scenario shares: a run's directories (source, journal, target), the recorder,
 * replay --follow and the simulator started and stopped as children, and the end check every run
 * closes with (journal and target identical to the source, verify passes, nothing lost silently).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Packr } from 'msgpackr';
import { RECORDING, diffFiles, engineSummary, readJournal, sleep, sourceFiles, spawnCli, targetFiles, tempDir, waitForOutput, type EngineSummary } from '../support.js';
import { checkCoverage, cli, stopChild, totalBytes, type CliOutcome } from './support.js';
import { Row } from './row.js';

/** What replay --follow prints once it is following (RECORDING is record's). */
export const FOLLOWING = /following until SIGINT\/SIGTERM/;

// ---------------------------------------------------------------------------------------------
// Shared pieces

export interface Dirs { root: string; src: string; journal: string; target: string }

export function makeDirs(prefix: string): Dirs {
  const root = tempDir(prefix);
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  return { root, src, journal: path.join(root, 'journal'), target: path.join(root, 'DB-COPY.rdm') };
}

export const recordArgs = (d: Dirs) => ['record', d.src, '--journal', d.journal, '--json'];
export const followArgs = (d: Dirs) => ['replay', '--journal', d.journal, '--to', d.target, '--follow', '--json'];

export async function startRecorder(row: Row, d: Dirs): Promise<ChildProcess | null> {
  const child = spawnCli(recordArgs(d));
  try {
    await waitForOutput(child, RECORDING, 60_000);
    return child;
  } catch (err) {
    row.fail(`the recorder did not start: ${(err as Error).message.slice(0, 2000)}`);
    return null;
  }
}

export async function startFollower(row: Row, d: Dirs): Promise<ChildProcess | null> {
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
export async function stopCleanly(row: Row, child: ChildProcess | null, what: string, ready: RegExp): Promise<void> {
  if (!child) return;
  if (child.exitCode === null && child.signalCode === null) {
    await waitForOutput(child, ready, 60_000).catch(() => undefined);
    await sleep(100);
  }
  row.expect(`${what} stopped with SIGTERM`, await stopChild(child), 0);
}

export async function stopEngine(row: Row, engine: ChildProcess): Promise<EngineSummary | null> {
  engine.kill('SIGTERM');
  try {
    return await engineSummary(engine, 60_000);
  } catch (err) {
    row.fail(`the engine simulator failed: ${(err as Error).message.slice(0, 2000)}`);
    return null;
  }
}

/** The verify findings a --json run printed, one line each. */
export function findingsOf(outcome: CliOutcome): string[] {
  return outcome.stdout.split('\n').filter((line) => line.includes('"event":"finding"'));
}

export interface EndCheck {
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
export async function checkEnd(row: Row, d: Dirs, { summary, nameWidth = 8, allowedReasons, target = d.target }: EndCheck): Promise<void> {
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

export function removeRun(d: Dirs): void {
  fs.rmSync(d.root, { recursive: true, force: true });
}


export function removeRunIfClean(row: Row, d: Dirs): void {
  if (row.problems.length === 0) removeRun(d);
}

/** The key of op `seq` in the journal's LevelDB (table 0x6f, seq as u64 big-endian). */
export const opKey = (seq: number) => {
  const key = Buffer.alloc(9);
  key[0] = 0x6f;
  key.writeBigUInt64BE(BigInt(seq), 1);
  return key;
};

/** msgpack as the journal stores op values (no records), to read or forge one byte for byte. */
export const rawPackr = new Packr({ useRecords: false });
