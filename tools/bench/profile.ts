/**
 * Where the time goes: `record --once` and `replay` of the capture's bytes, each run once under
 * `node --cpu-prof` while this process samples the CPU time of each of its threads from /proc.
 * The JS profile covers the main thread only; LevelDB's writes and compactions and the file system
 * calls run on other threads (libuv's pool, LevelDB's background thread), whose CPU shows in the
 * per-thread figures. The result goes into the closing notes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runEngine } from '../../test/engine/simulator.js';
import { CLI, MiB, freshDir, log, remove, sleep, spawnTimed, syncAll, type BenchConfig } from './common.js';
import { ENGINE, transactionsFor } from './capture.js';
import { fmt, type Report } from './table.js';

interface ThreadCpu { name: string; ms: number }

/** The process's I/O counters (/proc/PID/io): bytes passed to write() and bytes it sent to the disk. */
interface Io { wchar: number; writeBytes: number; rchar: number; readBytes: number }

/**
 * CPU ms of each thread of `pid`, by tid, and its I/O counters, sampled until the process is gone
 * (the last sample wins).
 */
async function sampleThreads(pid: number, until: Promise<unknown>): Promise<{ threads: Map<number, ThreadCpu>; io: Io }> {
  const threads = new Map<number, ThreadCpu>();
  const io: Io = { wchar: 0, writeBytes: 0, rchar: 0, readBytes: 0 };
  let done = false;
  until.then(() => { done = true; }, () => { done = true; });
  const tick = 100 / 1000; // CLK_TCK 100: one tick is 10 ms
  while (!done) {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        try {
          const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
          const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          threads.set(Number(tid), { name, ms: (Number(fields[11]) + Number(fields[12])) / tick });
        } catch {
          // thread gone
        }
      }
      const text = readFileSync(`/proc/${pid}/io`, 'utf8');
      const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(text)?.[1] ?? 0);
      Object.assign(io, { wchar: field('wchar'), writeBytes: field('write_bytes'), rchar: field('rchar'), readBytes: field('read_bytes') });
    } catch {
      break;
    }
    await sleep(20);
  }
  return { threads, io };
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }

/** Self time of the main thread's JS profile, grouped by where the code lives. */
function summarizeProfile(file: string): Array<[string, number]> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const url = frame.url;
    const where = url.includes('node_modules/')
      ? url.split('node_modules/').pop()!.split('/').slice(0, url.includes('node_modules/@') ? 2 : 1).join('/')
      : url.startsWith('node:') ? 'node' : url.includes('/dist/') ? `dist/${url.split('/dist/').pop()!.replace(/\.js$/, '')}` : '';
    const key = `${frame.functionName || '(anonymous)'}${where ? ` [${where}]` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]);
}

async function profileRun(label: string, args: string[], dir: string, dataBytes: number): Promise<string> {
  const profDir = path.join(dir, `prof-${label.replace(/\W+/g, '-')}`);
  syncAll();
  const child = spawnTimed(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, CLI, ...args]);
  const { threads, io } = await sampleThreads(await child.pid, child.done);
  const result = await child.done;
  if (result.code !== 0) throw new Error(`${label} exited ${result.code}: ${result.stderr.slice(-1000)}`);
  const files = existsSync(profDir) ? readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')) : [];
  const top = files.length ? summarizeProfile(path.join(profDir, files[0]!)) : [];
  const busy = top.filter(([k]) => k !== '(idle)' && k !== '(program)').reduce((n, [, ms]) => n + ms, 0);
  const byName = new Map<string, number>();
  const mainTid = await child.pid;
  for (const [tid, t] of threads) {
    const name = tid === mainTid ? 'main' : t.name;
    byName.set(name, (byName.get(name) ?? 0) + t.ms);
  }
  const threadText = [...byName].filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]).map(([n, ms]) => `${n} ${fmt(ms / 1000)} s`).join(', ');
  const topText = top.filter(([k]) => k !== '(idle)').slice(0, 8).map(([k, ms]) => `${k} ${fmt(ms / 1000)} s`).join('; ');
  const x = (n: number) => `${fmt(n / MiB)} MiB (${fmt(n / dataBytes)}x the data)`;
  return `${label}: wall ${fmt(result.elapsed)} s, CPU ${fmt(result.user)} s user + ${fmt(result.sys)} s sys. ` +
    `I/O: read() ${x(io.rchar)}, write() ${x(io.wchar)}, to disk ${x(io.writeBytes)} (last sample before exit). ` +
    `CPU by thread: ${threadText}. Main thread JS busy ${fmt(busy / 1000)} s; top self time: ${topText}.`;
}

export async function profile(cfg: BenchConfig, report: Report): Promise<void> {
  const dir = freshDir(cfg.work, 'profile');
  try {
    const bytes = Math.min(cfg.captureBytes, 512 * MiB);
    const source = path.join(dir, 'DB.rdm');
    const { bytesWritten } = await runEngine({ dir: source, transactions: transactionsFor(bytes), ...ENGINE, keep: 0 });
    log(`profile: record --once and replay of ${fmt(bytes / MiB)} MiB under --cpu-prof`);
    const journal = path.join(dir, 'DB.journal');
    report.note(`profile, ${await profileRun(`record --once of ${fmt(bytes / MiB)} MiB`, ['record', source, '--journal', journal, '--once', '-q'], dir, bytesWritten)}`);
    report.note(`profile, ${await profileRun(`replay of ${fmt(bytes / MiB)} MiB`, ['replay', '--journal', journal, '--to', path.join(dir, 'replayed'), '-q'], dir, bytesWritten)}`);
  } finally {
    remove(dir);
  }
}
