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
 * test/faults.test.ts runs the same scenarios with small parameters (`npm test`). This file is only
 * the runner: the scenarios and their checks are test harness, in test/faults/ (one file per kind).
 *
 * Needs the compiled CLI (`npx tsc -p tsconfig.json`). Some scenarios need root (a small tmpfs for a
 * full disk, a lowered fs.inotify.max_queued_events); without it they say so in their notes.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { corruptJournal } from '../test/faults/corrupt.js';
import { crashLoop, restartGap } from '../test/faults/crash.js';
import { diskFullJournal, diskFullTarget } from '../test/faults/disk-full.js';
import { hostileJournal } from '../test/faults/hostile.js';
import { overflow } from '../test/faults/overflow.js';
import { formatTable, mergeRows, type FaultRow } from '../test/faults/row.js';
import { sourceSurprises } from '../test/faults/surprises.js';
import { isRoot } from '../test/faults/support.js';

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



if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`faults: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
