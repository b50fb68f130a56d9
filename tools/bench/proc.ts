/**
 * What the benchmark reads from /proc about a running process: CPU time, context switches of
 * every thread, resident memory split into anonymous and file-backed pages.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { sleep } from './common.js';

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;

/** utime + stime of a whole process (all its threads, live and exited), in ms. */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/** Context switches (voluntary + involuntary) of each thread of a process, by thread id. */
export function threadSwitches(pid: number): Map<number, number> {
  const counts = new Map<number, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return counts;
  }
  for (const tid of tids) {
    try {
      const status = readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
      const v = Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const nv = Number(/nonvoluntary_ctxt_switches:\s+(\d+)/.exec(status)?.[1] ?? 0);
      counts.set(Number(tid), v + nv);
    } catch {
      // the thread ended meanwhile
    }
  }
  return counts;
}

/** Switches between two samples: threads born in between count from 0. */
export function switchesBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [tid, n] of after) total += n - (before.get(tid) ?? 0);
  return total;
}


export interface MemorySample { seconds: number; hwmKiB: number; anonKiB: number; fileKiB: number }

export interface MemoryPeaks {
  anonKiB: number;
  fileKiB: number;
  /** Every sample, from the start of sampling. */
  series: MemorySample[];
}

/**
 * Peak anonymous and file-backed resident memory of `pid` (/proc/PID/status RssAnon, RssFile, and
 * the RSS high-water mark VmHWM), sampled every 20 ms until `until` settles. File-backed pages are
 * mapped files (LevelDB maps its table files): page cache the kernel reclaims at will, but counted
 * in RSS and in `time`'s %M.
 */
export async function sampleMemory(pid: number, until: Promise<unknown>): Promise<MemoryPeaks> {
  const peaks: MemoryPeaks = { anonKiB: 0, fileKiB: 0, series: [] };
  let done = false;
  until.then(() => { done = true; }, () => { done = true; });
  const start = performance.now();
  const field = (status: string, name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  while (!done) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const sample = { seconds: (performance.now() - start) / 1000, hwmKiB: field(status, 'VmHWM'), anonKiB: field(status, 'RssAnon'), fileKiB: field(status, 'RssFile') };
      peaks.series.push(sample);
      peaks.anonKiB = Math.max(peaks.anonKiB, sample.anonKiB);
      peaks.fileKiB = Math.max(peaks.fileKiB, sample.fileKiB);
    } catch {
      break;
    }
    await sleep(20);
  }
  return peaks;
}

/** Peaks over the samples of the first `fraction` of the run. */
export function peaksUntil(peaks: MemoryPeaks, fraction: number): { hwmKiB: number; anonKiB: number; fileKiB: number } {
  const end = (peaks.series.at(-1)?.seconds ?? 0) * fraction;
  const early = peaks.series.filter((s) => s.seconds <= end);
  return {
    hwmKiB: Math.max(0, ...early.map((s) => s.hwmKiB)),
    anonKiB: Math.max(0, ...early.map((s) => s.anonKiB)),
    fileKiB: Math.max(0, ...early.map((s) => s.fileKiB)),
  };
}
