/**
 * Capture benchmark: how fast the recorder gets the simulator's bytes into the journal, against
 * `cp` of the same bytes, in the same run; and the recorder's idle CPU.
 *
 *   node --import tsx tools/bench-capture.ts [--mib 256] [--idle-seconds 60]
 *
 * Measures, on the same machine, one after another:
 *   engine alone    the simulator at full speed writing ~N MiB (keep=0: nothing deleted)
 *   cp -r           copying that directory (page cache warm: the baseline for "moving these bytes"),
 *                   and the same followed by sync, since the journal fsyncs every batch
 *   record --once   snapshot of that directory into a new journal
 *   live            the simulator at full speed with `record` following; time from the engine's
 *                   start to the recorder's exit after SIGTERM (everything captured)
 *   memory          peak RSS of `record --once` on one pack of 64 MiB and of 512 MiB
 *   idle            CPU time `record` uses over --idle-seconds with no writes
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runEngine } from './engine-sim.js';

const CLI = path.resolve('dist/cli/bin.js');
const { values } = parseArgs({ options: { mib: { type: 'string', default: '256' }, 'idle-seconds': { type: 'string', default: '60' } } });
const mib = Number(values.mib);
const idleSeconds = Number(values['idle-seconds']);
const engineOptions = { minSize: 1024, maxSize: 16384, writesPerTx: 2, packSize: 64 * 1024 * 1024, keep: 0, seed: 42 };
const transactions = Math.ceil((mib * 1024 * 1024) / ((engineOptions.minSize + engineOptions.maxSize) / 2 + 24));

const work = mkdtempSync(path.join(os.tmpdir(), 'rdm-bench-'));
const rows: [string, number, number][] = [];
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

try {
  const source = path.join(work, 'engine-alone');
  let t = process.hrtime.bigint();
  const summary = await runEngine({ dir: source, transactions, ...engineOptions });
  const bytes = summary.bytesWritten;
  rows.push(['engine alone (writes)', seconds(t), bytes]);

  execFileSync('sync');
  t = process.hrtime.bigint();
  execFileSync('cp', ['-r', '--reflink=never', source, path.join(work, 'cp-copy')]);
  rows.push(['cp -r --reflink=never, same bytes', seconds(t), bytes]);
  t = process.hrtime.bigint();
  execFileSync('cp', ['-r', '--reflink=never', source, path.join(work, 'cp-sync')]);
  execFileSync('sync', ['-f', path.join(work, 'cp-sync')]);
  rows.push(['cp -r, then sync (durable, like the journal)', seconds(t), bytes]);

  t = process.hrtime.bigint();
  execFileSync(process.execPath, [CLI, 'record', source, '--journal', path.join(work, 'once.journal'), '--once', '-q']);
  rows.push(['record --once (snapshot)', seconds(t), bytes]);

  const live = path.join(work, 'live');
  mkdirSync(live);
  const recorder = spawn(process.execPath, [CLI, 'record', live, '--journal', path.join(work, 'live.journal'), '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await waitForLine(recorder, /"event":"info"/);
  t = process.hrtime.bigint();
  await runEngine({ dir: live, transactions, ...engineOptions });
  const engineDone = seconds(t);
  recorder.kill('SIGTERM');
  const result = JSON.parse((await waitForLine(recorder, /"event":"result"/)));
  await new Promise((resolve) => recorder.once('exit', resolve));
  rows.push([`live: engine + record (engine took ${engineDone.toFixed(2)} s)`, seconds(t), result.appendedBytes]);

  const cpRate = rows[1]![2] / rows[1]![1];
  console.log(`capture benchmark, ${(bytes / 1048576).toFixed(0)} MiB in ${summary.transactions} transactions, node ${process.version}, ${os.cpus().length} cores`);
  console.log('what                                              seconds     MiB/s   vs cp');
  for (const [what, secs, n] of rows) {
    const rate = n / secs;
    console.log(`${what.padEnd(48)} ${secs.toFixed(3).padStart(8)} ${(rate / 1048576).toFixed(1).padStart(9)} ${(rate / cpRate).toFixed(2).padStart(7)}x`);
  }

  for (const size of [64, 512]) measureMemory(path.join(work, `mem-${size}`), size);
  if (idleSeconds > 0) await measureIdle(path.join(work, 'idle'), path.join(work, 'idle.journal'));
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function measureIdle(dir: string, journal: string): Promise<void> {
  mkdirSync(dir);
  await runEngine({ dir, transactions: 100, ...engineOptions });
  const recorder = spawn(process.execPath, [CLI, 'record', dir, '--journal', journal, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await waitForLine(recorder, /"event":"info"/);
  const before = cpuTicks(recorder.pid!);
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  const used = cpuTicks(recorder.pid!) - before;
  recorder.kill('SIGTERM');
  await new Promise((resolve) => recorder.once('exit', resolve));
  const tick = Number(execFileSync('getconf', ['CLK_TCK']).toString());
  console.log(`idle: record used ${((used / tick) * 1000).toFixed(0)} ms CPU in ${idleSeconds} s (${((used / tick / idleSeconds) * 100).toFixed(3)}% of a core)`);
}

/** Peak RSS of `record --once` on one pack file of `sizeMiB`: flat memory means the same for any size. */
function measureMemory(dir: string, sizeMiB: number): void {
  mkdirSync(dir);
  const chunk = Buffer.alloc(1024 * 1024, 0x5a);
  const fd = openSync(path.join(dir, 'p1.pack'), 'w');
  for (let i = 0; i < sizeMiB; i++) writeSync(fd, chunk);
  closeSync(fd);
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, 'record', dir, '--journal', `${dir}.journal`, '--once', '-q']);
  const peakKiB = Number(run.stderr.toString().trim().split('\n').pop());
  console.log(`memory: record --once of one ${sizeMiB} MiB pack file: peak RSS ${(peakKiB / 1024).toFixed(0)} MiB`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.journal`, { recursive: true, force: true });
}

/** utime + stime of a process, in clock ticks, from /proc/PID/stat. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n').find((l) => pattern.test(l));
      if (line) { child.stdout!.off('data', onData); resolve(line); }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`child exited with ${code} before printing ${pattern}`)));
  });
}
