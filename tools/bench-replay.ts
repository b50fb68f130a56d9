/**
 * Replay benchmark: how fast `rdm-journal replay` writes a journal onto a target, against `cp` of
 * the same bytes (with and without a final sync, since replay fsyncs every batch), in the same run;
 * and how long a replay killed with SIGKILL takes to resume.
 *
 *   node --import tsx tools/bench-replay.ts [--mib 256]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runEngine } from './engine-sim.js';

const CLI = path.resolve('dist/cli/bin.js');
const { values } = parseArgs({ options: { mib: { type: 'string', default: '256' } } });
const mib = Number(values.mib);
const engineOptions = { minSize: 1024, maxSize: 16384, writesPerTx: 2, packSize: 64 * 1024 * 1024, keep: 0, seed: 42 };
const transactions = Math.ceil((mib * 1024 * 1024) / ((engineOptions.minSize + engineOptions.maxSize) / 2 + 24));
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const cli = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });

const work = mkdtempSync(path.join(os.tmpdir(), 'rdm-bench-replay-'));
try {
  const source = path.join(work, 'DB.rdm');
  const journal = path.join(work, 'journal');
  const { bytesWritten: bytes } = await runEngine({ dir: source, transactions, ...engineOptions });
  cli('record', source, '--journal', journal, '--once', '-q');
  execFileSync('sync');

  const rows: [string, number][] = [];
  let t = process.hrtime.bigint();
  execFileSync('cp', ['-r', '--reflink=never', source, path.join(work, 'cp')]);
  rows.push(['cp -r', seconds(t)]);
  t = process.hrtime.bigint();
  execFileSync('cp', ['-r', '--reflink=never', source, path.join(work, 'cp-sync')]);
  execFileSync('sync', ['-f', path.join(work, 'cp-sync')]);
  rows.push(['cp -r, then sync', seconds(t)]);
  t = process.hrtime.bigint();
  cli('replay', '--journal', journal, '--to', path.join(work, 'replayed'), '-q');
  rows.push(['rdm-journal replay (fdatasync per 8 MiB batch)', seconds(t)]);

  const cpRate = bytes / rows[0]![1];
  console.log(`replay benchmark, ${(bytes / 1048576).toFixed(0)} MiB in ${transactions} transactions, node ${process.version}, ${os.cpus().length} cores`);
  console.log('what                                              seconds     MiB/s   vs cp');
  for (const [what, secs] of rows) {
    console.log(`${what.padEnd(48)} ${secs.toFixed(3).padStart(8)} ${(bytes / secs / 1048576).toFixed(1).padStart(9)} ${(bytes / secs / cpRate).toFixed(2).padStart(7)}x`);
  }

  // Resume: kill a replay half way with SIGKILL, then time the run that finishes the job.
  const target = path.join(work, 'resumed');
  const child = spawn(process.execPath, [CLI, 'replay', '--journal', journal, '--to', target, '-q'], { stdio: 'ignore' });
  while (targetBytes(target) < bytes / 2) await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  const done = targetBytes(target);
  t = process.hrtime.bigint();
  cli('replay', '--journal', journal, '--to', target, '-q');
  const resumeSecs = seconds(t);
  t = process.hrtime.bigint();
  cli('replay', '--journal', journal, '--to', target, '-q');
  const noopSecs = seconds(t);
  console.log(`resume after SIGKILL at ${(done / 1048576).toFixed(0)} MiB: finishing run ${resumeSecs.toFixed(3)} s ` +
    `(remaining ${((bytes - done) / 1048576).toFixed(0)} MiB); a replay with nothing left to apply (start-up, lock, divergence check): ${noopSecs.toFixed(3)} s`);
  execFileSync('diff', ['-r', '--exclude=.rdm-journal', source, target]);
  console.log('resumed target is identical to the source (diff -r)');
} finally {
  rmSync(work, { recursive: true, force: true });
}

function targetBytes(dir: string): number {
  try {
    return readdirSync(dir).filter((n) => n.endsWith('.pack')).reduce((sum, n) => sum + statSync(path.join(dir, n)).size, 0);
  } catch {
    return 0;
  }
}
