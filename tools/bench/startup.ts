/**
 * Startup: how long `status`, `status --json` and the first line of `log` take on a big journal,
 * against a bare `node -e 0` started in the same round (issue 14: within 1.5x). The commands run
 * interleaved, round after round, so a machine busy for a moment slows all of them alike; each
 * figure is the ratio within its round (min, median, max over rounds). `log` is timed to its first
 * byte on stdout, then killed.
 *
 * The journal (10 million ops; 1 million with --quick) is written straight into LevelDB in the
 * format a recorder leaves, with the journal's own code for every record (schema.ts keys and index
 * values, file states, counters, checkpoints, format 3 seals (the format record's too), data-files.ts for the append records
 * and their bytes): a recorder's journal of packs that are created, appended to in 16-byte writes
 * and deleted once four are live. Journal.append would take minutes for this many ops.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Level } from 'level';
import { packr } from '../../src/journal/msgpack.js';
import { makeAppend, type Op } from '../../src/journal/op.js';
import { DataFiles } from '../../src/journal/data-files.js';
import { formatRecord, seal } from '../../src/journal/sealed-level.js';
import { FORMAT_VERSION, PREFIX, count, emptyStats, indexKey, indexValue, opKey, prefixed, seqKey } from '../../src/journal/schema.js';
import { nextFileState, type FileState } from '../../src/file-state.js';
import { CLI, log, nowNs, remove, secondsSince, summarize } from './common.js';
import { packName } from './lag.js';
import { fmt, type Report } from './table.js';

const BATCH_OPS = 100_000;
const APPENDS_PER_PACK = 1000;
const APPEND_BYTES = 16;
const KEEP_LIVE = 4;
const TARGET_RATIO = 1.5;

/** Bump when the built journal changes, so an older one in --cache-dir is not reused. */
const SHAPE = 'startup-2'; // 2: the format record is sealed

export interface StartupConfig { work: string; quick: boolean; runs: number }

/** Builds the journal in `dir`: returns its op count and how long building took. */
export async function buildBigJournal(dir: string, ops: number): Promise<number> {
  const started = nowNs();
  const db = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view', writeBufferSize: 64 * 1024 * 1024 });
  await db.open();
  const put = (key: Uint8Array, value: Uint8Array) => ({ type: 'put' as const, key, value: seal(key, value) });
  await db.put(prefixed(PREFIX.meta, 'format'), formatRecord({ version: FORMAT_VERSION, createdAt: Date.now() })); // sealed its own way (spec section 2)
  const data = new DataFiles(dir);
  const stats = emptyStats();
  const files = new Map<string, FileState>();
  const live: string[] = [];
  const firstAt = Date.now() - ops;
  let pack = 0;
  let seq = 0;
  let writes: Array<{ type: 'put'; key: Uint8Array; value: Uint8Array }> = [];
  let staged = data.batch();
  const add = async (op: Exclude<Op, { type: 'resync' }>) => {
    seq += 1;
    const life = op.type === 'create' ? seq : files.get(op.file)!.createdSeq;
    const state = nextFileState(op, seq, files.get(op.file));
    if (state) files.set(op.file, state);
    else files.delete(op.file);
    writes.push(put(opKey(seq), staged.add(op, life)), put(indexKey(op.file, seq), indexValue(op)));
    count(stats, op, seq);
    if (writes.length >= 2 * BATCH_OPS || seq === ops) await flush();
  };
  let inFlight: Promise<void> = Promise.resolve(); // one batch written while the next is built
  const flush = async () => {
    await inFlight;
    await staged.flush(false);
    await staged.committed();
    writes.push(put(seqKey(PREFIX.checkpoint, seq), packr.pack(stats.bytes)));
    inFlight = db.batch(writes);
    writes = [];
    staged = data.batch();
    if (seq % 1_000_000 === 0) log(`startup: journal ${fmt(seq)} of ${fmt(ops)} ops, ${secondsSince(started).toFixed(0)} s`);
  };
  const bytes = Buffer.alloc(APPEND_BYTES, 0x5a);
  while (seq < ops) {
    pack += 1;
    const file = packName(pack);
    live.push(file);
    await add({ type: 'create', at: firstAt + seq, file, ino: 1_000_000 + pack, mode: 0o644 });
    if (live.length > KEEP_LIVE && seq < ops) {
      const oldest = live.shift()!;
      await add({ type: 'delete', at: firstAt + seq, file: oldest, size: files.get(oldest)!.size });
    }
    for (let i = 0; i < APPENDS_PER_PACK && seq < ops; i++) await add(makeAppend(file, i * APPEND_BYTES, bytes, firstAt + seq));
  }
  const last: Array<{ type: 'put'; key: Uint8Array; value: Uint8Array }> = [...files].map(([name, state]) => put(prefixed(PREFIX.file, name), packr.pack(state)));
  last.push(put(prefixed(PREFIX.meta, 'stats'), packr.pack(stats)));
  last.push(put(prefixed(PREFIX.meta, 'source'), packr.pack({ path: '/rdm-bench/DB.rdm', dev: 0, ino: 0, fsid: null })));
  await inFlight;
  await db.batch(last, { sync: true });
  await data.close();
  await db.close();
  return secondsSince(started);
}

/** Seconds from spawn to exit, or (`firstLine`) to the first byte on stdout, then the child is killed. */
function timeChild(args: readonly string[], firstLine = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = nowNs();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let answered = false;
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk; });
    child.stdout.on('data', () => {
      if (!firstLine || answered) return;
      answered = true;
      resolve(secondsSince(started));
      child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (answered) return;
      if (code !== 0 || firstLine) reject(new Error(`${args.join(' ')} exited ${code} without output: ${stderr.slice(-2000)}`));
      else resolve(secondsSince(started));
    });
  });
}

/** Times the starts; the journal is built in the work directory, or kept in and reused from `cacheDir`. */
export async function startup(cfg: StartupConfig, report: Report, cacheDir: string | null): Promise<void> {
  const ops = cfg.quick ? 1_000_000 : 10_000_000;
  const rounds = Math.max(cfg.quick ? 5 : 10, cfg.runs);
  const journal = path.join(cacheDir ?? cfg.work, `startup-journal-${ops}`);
  const marker = `${journal}.${SHAPE}`;
  if (cacheDir && existsSync(marker)) {
    log(`startup: reusing the ${fmt(ops)}-op journal in ${journal}`);
  } else {
    remove(journal, marker);
    mkdirSync(path.dirname(journal), { recursive: true });
    log(`startup: building a ${fmt(ops)}-op journal in ${journal}`);
    const buildSeconds = await buildBigJournal(journal, ops);
    report.note(`startup: the ${fmt(ops)}-op journal was written straight into LevelDB in ${buildSeconds.toFixed(1)} s`);
    if (cacheDir) writeFileSync(marker, '');
  }
  const commands: Array<[string, readonly string[], boolean]> = [
    ['node -e 0', ['-e', '0'], false],
    [`status, ${fmt(ops)} ops`, [CLI, 'status', '--journal', journal], false],
    [`status --json, ${fmt(ops)} ops`, [CLI, 'status', '--journal', journal, '--json'], false],
    [`log, first line, ${fmt(ops)} ops`, [CLI, 'log', '--journal', journal], true],
  ];
  await timeChild([CLI, 'status', '--journal', journal]); // the first open turns LevelDB's log into a table: not a start to time
  const seconds = commands.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (const [i, [, args, firstLine]] of commands.entries()) seconds[i]!.push(await timeChild(args, firstLine));
  }
  report.add('startup', 'node -e 0', seconds[0]!, 's', { ratio: 'the baseline' });
  for (let i = 1; i < commands.length; i++) {
    const ratios = summarize(seconds[i]!.map((s, round) => s / seconds[0]![round]!));
    report.add('startup', commands[i]![0], seconds[i]!, 's', {
      ratio: `${fmt(ratios.median)}x node -e 0 (${fmt(ratios.min)}..${fmt(ratios.max)})`,
      target: `<= ${TARGET_RATIO}x`,
      pass: ratios.median <= TARGET_RATIO,
    });
  }
}
