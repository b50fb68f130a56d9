/**
 * The shared journal's cost: the same snapshot and the same replay, once in the process that hosts
 * the journal and once as a guest of another process (over <journal>/journal.sock), in one run.
 *
 *   node --import tsx tools/bench-shared.ts [--mib 256]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runEngine } from './engine-sim.js';

const CLI = path.resolve('dist/cli/bin.js');
const { values } = parseArgs({ options: { mib: { type: 'string', default: '256' } } });
const mib = Number(values.mib);
const engineOptions = { minSize: 1024, maxSize: 16384, writesPerTx: 2, packSize: 64 * 1024 * 1024, keep: 0, seed: 42 };
const transactions = Math.ceil((mib * 1024 * 1024) / ((engineOptions.minSize + engineOptions.maxSize) / 2 + 24));
const cli = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });

function timed(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** A process that opens `journal` (so it hosts it) and does nothing else until SIGTERM. */
async function idleHost(journal: string): Promise<ChildProcess> {
  const script = `import { Journal } from ${JSON.stringify(path.resolve('src/journal/journal.ts'))};
    const journal = await Journal.open(${JSON.stringify(journal)});
    console.error('hosting as ' + journal.role);
    process.once('SIGTERM', () => journal.close().then(() => process.exit(0)));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => { text += chunk; if (text.includes('hosting as host')) resolve(); });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${text}`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

const work = mkdtempSync(path.join(os.tmpdir(), 'rdm-bench-shared-'));
try {
  const generated = path.join(work, 'generated');
  const { bytesWritten: bytes } = await runEngine({ dir: generated, transactions, ...engineOptions });
  const rows: [string, number][] = [];

  // Snapshot of the same bytes: the recorder hosting its journal, then the recorder as a guest.
  for (const role of ['host', 'guest'] as const) {
    const source = path.join(work, `DB-${role}.rdm`);
    const journal = path.join(work, `${role}.journal`);
    mkdirSync(source);
    cli('record', source, '--journal', journal, '--once', '-q'); // creates the journal, bound to the source
    cpSync(generated, source, { recursive: true });
    const other = role === 'guest' ? await idleHost(journal) : null;
    rows.push([`record --once, ${role === 'host' ? 'hosting the journal' : 'guest of another process'}`, timed(() => cli('record', source, '--journal', journal, '--once', '-q'))]);
    if (other) await stop(other);
  }
  // Replay of the same journal: hosting it, then as a guest.
  const journal = path.join(work, 'host.journal');
  rows.push(['replay, hosting the journal', timed(() => cli('replay', '--journal', journal, '--to', path.join(work, 'copy-host'), '-q'))]);
  const other = await idleHost(journal);
  rows.push(['replay, guest of another process', timed(() => cli('replay', '--journal', journal, '--to', path.join(work, 'copy-guest'), '-q'))]);
  await stop(other);
  execFileSync('diff', ['-r', '--exclude=.rdm-journal', path.join(work, 'copy-host'), path.join(work, 'copy-guest')]);

  console.log(`shared journal benchmark, ${(bytes / 1048576).toFixed(0)} MiB, node ${process.version}, ${os.cpus().length} cores`);
  for (const [i, [what, secs]] of rows.entries()) {
    const base = rows[i % 2 === 0 ? i : i - 1]![1];
    console.log(`${what.padEnd(44)} ${secs.toFixed(3).padStart(8)} s ${(bytes / secs / 1048576).toFixed(0).padStart(6)} MiB/s  ${(secs / base).toFixed(2)}x the time`);
  }
  console.log('the two replayed copies are identical (diff -r)');
} finally {
  rmSync(work, { recursive: true, force: true });
}
