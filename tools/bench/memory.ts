/**
 * Memory: peak RSS (/usr/bin/time %M) of `record --once` on a directory holding one big pack file
 * (and one an eighth of its size), and of `replay` of a journal of many small appends (its peaks over
 * the first tenth of the run against the whole), to show whether memory grows with size.
 *
 * The journal is built in this process with Journal.append in batches of 20,000 ops (one LevelDB
 * batch each, only the last fsynced), in the shape a recorder leaves: packs of 1 MiB filled by
 * appends of 64..512 bytes, the oldest deleted once 4 are live. Building it also gives the journal's
 * cost and size per op at a tenth of the ops and at all of them (the growth section's "op count").
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Journal } from '../../src/journal/journal.js';
import { makeAppend, type Op } from '../../src/journal/op.js';
import { MiB, cliTimed, diskUsage, freshDir, log, nowNs, remove, secondsSince, summarize, syncAll, type BenchConfig, type TimedResult } from './common.js';
import { peaksUntil, sampleMemory, type MemoryPeaks } from './proc.js';
import { packName } from './lag.js';
import { fmt, type Report } from './table.js';

const MEMORY_TARGET_MIB = 150;
/** Peak RSS counts as flat when the big case needs at most this much more than the small one. */
const FLAT_GROWTH = 0.2;
const BATCH_OPS = 20_000;
const PACK_BYTES = 1024 * 1024;
const KEEP_LIVE = 4;
const SHAPE = 'bench-memory-1';

export interface JournalBuild { dir: string; ops: number; dataBytes: number; seconds: number; tenthSeconds: number; tenthDisk: number; disk: number; reused: boolean }

/** The ops of a journal of small appends, in order. */
function* synthesize(total: number, firstAt: number, counters: { dataBytes: number }): Generator<Op> {
  const pool = randomBytes(16 * MiB);
  const sizes = new Map<string, number>();
  const live: string[] = [];
  let pack = 0;
  let current = '';
  let x = 42;
  const random = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  for (let i = 0; i < total; i++) {
    const at = firstAt + i;
    if (pack === 0 || sizes.get(current)! >= PACK_BYTES) {
      // The next pack is created before the oldest is deleted, as the engine does.
      pack += 1;
      current = packName(pack);
      sizes.set(current, 0);
      live.push(current);
      yield { type: 'create', at, file: current, ino: 1_000_000 + pack, mode: 0o644 };
      if (live.length > KEEP_LIVE && ++i < total) {
        const oldest = live.shift()!;
        yield { type: 'delete', at, file: oldest, size: sizes.get(oldest)! };
        sizes.delete(oldest);
      }
      continue;
    }
    const length = 64 + (random() % 449);
    const from = random() % (pool.length - length);
    const offset = sizes.get(current)!;
    sizes.set(current, offset + length);
    counters.dataBytes += length;
    yield makeAppend(current, offset, pool.subarray(from, from + length), at);
  }
}

/** Builds (or, with a cache directory, reuses) a journal of `ops` ops. */
export async function buildJournal(parent: string, ops: number, cacheDir: string | null): Promise<JournalBuild> {
  const dir = cacheDir ? path.join(cacheDir, `journal-${ops}`) : path.join(parent, `journal-${ops}`);
  const marker = `${dir}.json`;
  if (cacheDir && existsSync(marker)) {
    const built = JSON.parse(readFileSync(marker, 'utf8')) as JournalBuild & { shape: string };
    if (built.shape === SHAPE && existsSync(dir)) {
      log(`memory: reusing the ${fmt(ops)}-op journal in ${dir}`);
      return { ...built, reused: true };
    }
  }
  remove(dir, marker);
  mkdirSync(path.dirname(dir), { recursive: true });
  const counters = { dataBytes: 0 };
  const start = nowNs();
  let tenthSeconds = 0;
  let tenthDisk = 0;
  const journal = await Journal.open(dir, { create: true });
  try {
    await journal.bindSource({ path: '/rdm-bench/DB.rdm', dev: 0, ino: 0 });
    let batch: Op[] = [];
    let done = 0;
    for (const op of synthesize(ops, Date.now() - ops, counters)) {
      batch.push(op);
      done += 1;
      if (batch.length === BATCH_OPS || done === ops) {
        await journal.append(batch, { sync: done === ops });
        batch = [];
        if (tenthSeconds === 0 && done >= ops / 10) {
          tenthSeconds = secondsSince(start);
          tenthDisk = diskUsage(dir);
        }
        if (done % (BATCH_OPS * 50) === 0) log(`memory: journal ${fmt(done)} of ${fmt(ops)} ops, ${secondsSince(start).toFixed(0)} s`);
      }
    }
  } finally {
    await journal.close();
  }
  const built: JournalBuild = { dir, ops, dataBytes: counters.dataBytes, seconds: secondsSince(start), tenthSeconds, tenthDisk, disk: diskUsage(dir), reused: false };
  if (cacheDir) writeFileSync(marker, JSON.stringify({ ...built, shape: SHAPE }));
  return built;
}

/** One pack file of `bytes` real (random, incompressible) bytes. */
function writePack(dir: string, bytes: number): void {
  mkdirSync(dir, { recursive: true });
  const pool = randomBytes(16 * MiB);
  const fd = openSync(path.join(dir, packName(1)), 'w');
  try {
    for (let done = 0, i = 0; done < bytes; i++) {
      const n = Math.min(MiB, bytes - done);
      const from = (i * 7919 * 4096) % (pool.length - MiB);
      done += writeSync(fd, pool, from, n);
    }
  } finally {
    closeSync(fd);
  }
}

const mib = (kib: number) => kib / 1024;

/** Runs the CLI under /usr/bin/time while sampling its resident memory. */
async function measured(args: string[]): Promise<TimedResult & { peaks: MemoryPeaks }> {
  const child = cliTimed(args);
  const peaks = await sampleMemory(await child.pid, child.done);
  const result = await child.done;
  if (result.code !== 0) throw new Error(`rdm-journal ${args.join(' ')} exited ${result.code}: ${result.stderr.slice(-2000)}`);
  return { ...result, peaks };
}

const median = (xs: number[]) => summarize(xs).median;
const grows = (small: number, big: number) => (big - small) / small > FLAT_GROWTH;

export async function memory(cfg: BenchConfig, report: Report, growthRows: boolean, cacheDir: string | null): Promise<void> {
  const S = 'memory';
  const dir = freshDir(cfg.work, 'memory');
  try {
    // record --once of one big pack, and of one an eighth of its size.
    const big = cfg.memoryPackBytes;
    const small = Math.max(MiB, Math.floor(big / 8 / MiB) * MiB);
    const m = new Map([small, big].map((size) => [size, { rss: [] as number[], anon: [] as number[], file: [] as number[] }]));
    for (const size of [small, big]) {
      const source = path.join(dir, `pack-${size}`);
      writePack(source, size);
      for (let run = 0; run < cfg.runs; run++) {
        log(`memory: record --once of one ${fmt(size / MiB)} MiB pack, run ${run + 1}/${cfg.runs}`);
        syncAll();
        const result = await measured(['record', source, '--journal', path.join(dir, 'once.journal'), '--once', '-q']);
        remove(path.join(dir, 'once.journal'));
        m.get(size)!.rss.push(mib(result.maxRssKiB));
        m.get(size)!.anon.push(mib(result.peaks.anonKiB));
        m.get(size)!.file.push(mib(result.peaks.fileKiB));
      }
      remove(source);
    }
    const [a, b] = [m.get(small)!, m.get(big)!];
    const label = `record --once, one ${fmt(big / MiB)} MiB pack`;
    report.add(S, `${label}: peak RSS`, b.rss, 'MiB',
      { ratio: `${fmt(median(b.rss) / median(a.rss))}x a ${fmt(small / MiB)} MiB pack's`, target: `<= ${MEMORY_TARGET_MIB} MiB, flat`,
        pass: median(b.rss) <= MEMORY_TARGET_MIB && !grows(median(a.rss), median(b.rss)) });
    report.add(S, `${label}: peak RssAnon (own memory)`, b.anon, 'MiB',
      { ratio: `${fmt(median(a.anon))} MiB for ${fmt(small / MiB)} MiB`, target: `<= ${MEMORY_TARGET_MIB} MiB, flat`,
        pass: median(b.anon) <= MEMORY_TARGET_MIB && !grows(median(a.anon), median(b.anon)) });
    report.add(S, `${label}: peak RssFile (mapped journal files)`, b.file, 'MiB', { ratio: `${fmt(median(a.file))} MiB for ${fmt(small / MiB)} MiB` });

    // replay of a journal of cfg.memoryOps small appends: peaks over the whole run, and over its
    // first tenth (about a tenth of the ops: replay runs at an even pace) for growth.
    log(`memory: building a journal of ${fmt(cfg.memoryOps)} ops (Journal.append, batches of ${BATCH_OPS})`);
    const built = await buildJournal(dir, cfg.memoryOps, cacheDir);
    const runs = cfg.quick ? cfg.runs : 1; // a full replay of 10 million ops takes minutes
    const r = { rss: [] as number[], hwm10: [] as number[], anon: [] as number[], anon10: [] as number[], file: [] as number[], file10: [] as number[], seconds: [] as number[] };
    for (let run = 0; run < runs; run++) {
      log(`memory: replay of ${fmt(cfg.memoryOps)} ops, run ${run + 1}/${runs}`);
      const target = path.join(dir, 'replayed');
      syncAll();
      const result = await measured(['replay', '--journal', built.dir, '--to', target, '-q']);
      remove(target);
      const early = peaksUntil(result.peaks, 0.1);
      r.rss.push(mib(result.maxRssKiB));
      r.hwm10.push(mib(early.hwmKiB));
      r.anon.push(mib(result.peaks.anonKiB));
      r.anon10.push(mib(early.anonKiB));
      r.file.push(mib(result.peaks.fileKiB));
      r.file10.push(mib(early.fileKiB));
      r.seconds.push(result.elapsed);
    }
    const what = `replay of ${fmt(cfg.memoryOps / 1e6)}M ops`;
    report.add(S, `${what}: peak RSS`, r.rss, 'MiB',
      { ratio: `${fmt(median(r.hwm10))} MiB after the first tenth; ${fmt(cfg.memoryOps / median(r.seconds) / 1000)}k ops/s`,
        target: `<= ${MEMORY_TARGET_MIB} MiB, flat`, pass: median(r.rss) <= MEMORY_TARGET_MIB && !grows(median(r.hwm10), median(r.rss)) });
    report.add(S, `${what}: peak RssAnon (own memory)`, r.anon, 'MiB',
      { ratio: `${fmt(median(r.anon10))} MiB in the first tenth`, target: `<= ${MEMORY_TARGET_MIB} MiB, flat`,
        pass: median(r.anon) <= MEMORY_TARGET_MIB && !grows(median(r.anon10), median(r.anon)) });
    report.add(S, `${what}: peak RssFile (mapped journal files)`, r.file, 'MiB', { ratio: `${fmt(median(r.file10))} MiB in the first tenth` });
    report.note(`memory: the replayed journal holds ${fmt(cfg.memoryOps)} ops (appends of 64..512 bytes, ${fmt(built.dataBytes / MiB)} MiB of data` +
      `, ${fmt(built.disk / MiB)} MiB on disk)${cfg.memoryOps < 10_000_000 ? '; QUICK: the issue asks for 10 million, a full run builds that' : ''}` +
      `${built.reused ? '; reused from --cache-dir' : `; built in ${fmt(built.seconds)} s`}; replayed ${runs} time(s); "flat" = the peak ` +
      `over the whole replay within ${FLAT_GROWTH * 100}% of the peak over its first tenth (record: of a pack an eighth the size). ` +
      'Peak RSS is /usr/bin/time %M (ru_maxrss), which counts file-backed pages: LevelDB maps its table files (mmap), so reading or compacting ' +
      'the journal shows as RSS that grows with it. RssAnon/RssFile: peaks of /proc/PID/status sampled every 20 ms.');

    if (growthRows && !built.reused) {
      const tenth = cfg.memoryOps / 10;
      const perOpTenth = (built.tenthSeconds / tenth) * 1e6;
      const perOpAll = (built.seconds / cfg.memoryOps) * 1e6;
      report.add('growth', `journal append, first ${fmt(tenth / 1e6)}M ops (Journal.append)`, [perOpTenth], 'µs/op', { ratio: `${fmt(built.tenthDisk / tenth)} bytes/op on disk` });
      report.add('growth', `journal append, all ${fmt(cfg.memoryOps / 1e6)}M ops`, [perOpAll], 'µs/op',
        { ratio: `${fmt(built.disk / cfg.memoryOps)} bytes/op on disk; ${fmt(perOpAll / perOpTenth)}x the cost per op of the first tenth`,
          target: 'linear in ops: cost per op within 1.25x', pass: perOpAll / perOpTenth <= 1.25 });
    }
  } finally {
    remove(dir);
  }
}
