/**
 * Looking into a journal: `log`, `show`, `files`, `history`, `cat`, `status`, `verify` and
 * `upgrade`, end to end through the compiled CLI. Two journals are built once and shared:
 *
 * - a live recording: `record` running as a child while the engine simulator rotates and vacuums
 *   (a few thousand ops, hundreds of packs created and deleted), stopped with SIGTERM. What the
 *   commands print is checked against the ops read back independently (readJournal, which reads
 *   the op table, never the per-file index the commands use), against the source, and against a
 *   second simulator run with the same seed and no vacuum, which keeps every pack ever written;
 * - a small journal of `record --once` runs with files shrunk, replaced and deleted in between,
 *   so it holds resync ops and names with several lives; the source is copied after each run.
 *
 * Damaged journals are copies with raw LevelDB values changed (journal-format/README.md).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Level } from 'level';
import { checksum, makeAppend, type JournalOp, type Op } from '../src/journal/op.js';
import { dataFileName } from '../src/journal/data-files.js';
import {
  RECORDING, cleanUp, cliScript, describeOutput, engineSummary, errorEvent, jsonEvents, readJournal, replayOps, repoRoot, resultEvent,
  runCli, runEngine, sourceFiles, spawnCli, spawnEngine, targetFiles, tempDir, waitForExit, waitForOutput, writeJournal, type EngineCliOptions,
} from './support.js';
import { assertFails, recordOnce } from './recording.js';

const test = suite('inspect');
test.after(cleanUp);

// ---------------------------------------------------------------------------------------------
// Running the CLI

type Json = Record<string, any>;

/** A command that must succeed with --json; returns its result line. */
async function resultOf(args: string[], env?: NodeJS.ProcessEnv): Promise<Json> {
  const run = await runCli([...args, '--json'], { env });
  assert.is(run.code, 0, `${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  const result = resultEvent(run.stdout);
  assert.ok(result, `no result line in:\n${run.stdout}`);
  return result as Json;
}

/** `log ... --json` that must succeed: its objects, one per op. */
async function logJson(journal: string, ...args: string[]): Promise<Json[]> {
  const run = await runCli(['log', '--journal', journal, ...args, '--json']);
  assert.is(run.code, 0, `log ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  assert.is(run.stderr, '');
  return run.stdout.split('\n').filter((line) => line !== '').map((line) => withoutMode(JSON.parse(line) as Json));
}

/** Text lines of a command that must succeed. */
async function textLines(args: string[], env?: NodeJS.ProcessEnv): Promise<string[]> {
  const run = await runCli(args, { env });
  assert.is(run.code, 0, `${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout.split('\n').filter((line) => line !== '');
}

/** Runs the CLI with stdout redirected to a file, as `> out` does (binary-safe); returns what it wrote. */
async function runToFile(args: string[], timeoutMs = 30_000): Promise<{ code: number | null; stderr: string; bytes: Buffer }> {
  const out = path.join(tempDir('rdm-inspect-out-'), 'out');
  const fd = fs.openSync(out, 'w');
  const child = spawn(process.execPath, [cliScript, ...args], { cwd: repoRoot, stdio: ['ignore', fd, 'pipe'] });
  fs.closeSync(fd);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => { stderr += text; });
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${args.join(' ')} did not end in ${timeoutMs} ms`)); }, timeoutMs);
    child.once('close', (exitCode) => { clearTimeout(timer); resolve(exitCode); });
  });
  return { code, stderr, bytes: fs.readFileSync(out) };
}

/** `cat FILE --at POINT > out` that must succeed: the bytes. */
async function catAt(journal: string, file: string, at?: string): Promise<Buffer> {
  const run = await runToFile(['cat', file, '--journal', journal, ...(at === undefined ? [] : ['--at', at])]);
  assert.is(run.code, 0, `cat ${file} --at ${at} failed: ${run.stderr}`);
  assert.is(run.stderr, '');
  return run.bytes;
}

/** Runs `script` with sh; $1.. are `args`. */
async function runShell(script: string, args: string[], timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('sh', ['-c', script, 'sh', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => { stdout += text; });
  child.stderr.setEncoding('utf8').on('data', (text: string) => { stderr += text; });
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`sh -c ${script} did not end in ${timeoutMs} ms`)); }, timeoutMs);
    child.once('close', (exitCode) => { clearTimeout(timer); resolve(exitCode); });
  });
  return { code, stdout, stderr };
}

// ---------------------------------------------------------------------------------------------
// What the ops say, computed here from the op table

const iso = (ms: number) => new Date(ms).toISOString();
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * What `log --json` must print for an op (no data: its length and CRC stand for it). A create's
 * `mode` is left out here and by `withoutMode`, and checked on its own ('a create op's mode' below).
 */
function expectedLogObject(op: JournalOp): Json {
  const base = { seq: op.seq, at: iso(op.at), kind: op.type };
  switch (op.type) {
    case 'create': return { ...base, file: op.file, ino: op.ino };
    case 'append': return { ...base, file: op.file, offset: op.offset, length: op.data.length, crc: checksum(op.data) };
    case 'delete': return { ...base, file: op.file, size: op.size };
    case 'resync': return { ...base, reason: op.reason, ...(op.file === undefined ? {} : { file: op.file }), detail: op.detail,
      ...(op.recordedSize === undefined ? {} : { recordedSize: op.recordedSize }), ...(op.foundSize === undefined ? {} : { foundSize: op.foundSize }) };
  }
}

/** A printed op without a create's `mode`. */
function withoutMode(printed: Json): Json {
  const { mode: _mode, ...rest } = printed;
  return rest;
}

const appendedBytes = (ops: readonly JournalOp[]) => ops.reduce((sum, op) => sum + (op.type === 'append' ? op.data.length : 0), 0);

/** The files after op `seq`, with sizes: names sorted, as `files --json` lists them (sizes only). */
function stateAt(ops: readonly JournalOp[], seq: number): Map<string, Buffer> {
  return replayOps(ops.filter((op) => op.seq <= seq)).files;
}

const sizesOf = (files: ReadonlyMap<string, Buffer>) => Object.fromEntries([...files].map(([name, data]) => [name, data.length]));
const listedSizes = (result: Json) => Object.fromEntries((result.files as Json[]).map((f) => [f.file, f.size]));

/** One pack's life in the op table: its create, appends and delete. */
interface PackLife { name: string; created: number; appends: Array<JournalOp & { type: 'append' }>; deleted: number | null }

function packLives(ops: readonly JournalOp[]): PackLife[] {
  const lives = new Map<string, PackLife>();
  const resynced = new Set<string>();
  for (const op of ops) {
    if (op.type === 'resync') { if (op.file) resynced.add(op.file); continue; }
    if (op.type === 'create') lives.set(op.file, { name: op.file, created: op.seq, appends: [], deleted: null });
    else if (op.type === 'append') lives.get(op.file)!.appends.push(op);
    else lives.get(op.file)!.deleted = op.seq;
  }
  return [...lives.values()].filter((life) => !resynced.has(life.name));
}

// ---------------------------------------------------------------------------------------------
// Journal 1: a live recording of a rotating, vacuuming simulator

/**
 * 200 tx/s of at most 512 bytes into 4 KiB packs, 20 kept: ~140 packs created and ~120 deleted, in
 * 10 s. A pack takes ~70 ms to fill: several of the recorder's commits, even when each syncs a data
 * file, its directory and LevelDB's log (format 3), so packs have several appends; it lives ~1.4 s
 * after its last write, ample time to open it even on a busy machine; one the recorder could not
 * open in time would be a `missed` resync, and the tests pick packs it recorded.
 */
const SIM: EngineCliOptions = { transactions: 2000, rate: 200, maxSize: 512, packSize: 4096, keep: 20, seed: 11 };

interface LiveJournal {
  root: string;
  src: string;
  journal: string;
  ops: JournalOp[];
  head: number;
  /** The same simulator run without vacuum: every pack ever written, whole. */
  everyPack: Map<string, Buffer>;
  /** `status --json` taken while the recorder ran. */
  statusWhileRecording: Json;
}

let live: Promise<LiveJournal> | undefined;
const liveJournal = () => (live ??= recordLive());

async function recordLive(): Promise<LiveJournal> {
  const root = tempDir('rdm-inspect-');
  const src = path.join(root, 'DB.rdm');
  const journal = path.join(root, 'journal');
  fs.mkdirSync(src);
  const recorder = spawnCli(['record', src, '--journal', journal]);
  await waitForOutput(recorder, RECORDING);
  const engine = spawnEngine(src, SIM);
  const statusWhileRecording = await resultOf(['status', '--journal', journal]);
  const summary = await engineSummary(engine);
  recorder.kill('SIGTERM');
  const { code, signal } = await waitForExit(recorder);
  assert.is(code, 0, `recorder ended with ${code ?? signal}\n${describeOutput(recorder)}`);
  assert.ok(summary.packsDeleted > 100, `precondition: the simulator deleted packs (${summary.packsDeleted})`);

  const reference = path.join(root, 'every-pack');
  const { rate: _rate, ...content } = SIM; // the rate changes when bytes are written, not which
  await runEngine({ dir: reference, ...content, keep: 0 });
  const { ops, head } = await readJournal(journal);
  return { root, src, journal, ops, head, everyPack: sourceFiles(reference), statusWhileRecording };
}

/** A pack of journal 1 that was created, appended to several times and deleted, far from both ends. */
async function deletedPack(): Promise<PackLife> {
  const { ops } = await liveJournal();
  const candidates = packLives(ops).filter((life) => life.deleted !== null && life.appends.length >= 3 && life.created > 200);
  assert.ok(candidates.length > 0, 'precondition: a deleted pack with three appends or more');
  return candidates[0]!;
}

// ---------------------------------------------------------------------------------------------
// Journal 2: three `record --once` runs, files shrunk, replaced and deleted in between

interface OnceJournal {
  journal: string;
  ops: JournalOp[];
  /** Head after each run, and the source copied right after it. */
  heads: number[];
  snapshots: Array<Map<string, Buffer>>;
}

let once: Promise<OnceJournal> | undefined;
const onceJournal = () => (once ??= recordThreeTimes());

async function recordThreeTimes(): Promise<OnceJournal> {
  const root = tempDir('rdm-inspect-once-');
  const s = { src: path.join(root, 'DB.rdm'), journal: path.join(root, 'journal') };
  fs.mkdirSync(s.src);
  const file = (name: string) => path.join(s.src, name);
  const heads: number[] = [];
  const snapshots: Array<Map<string, Buffer>> = [];
  const run = async () => {
    heads.push((await recordOnce(s)).head as number);
    snapshots.push(sourceFiles(s.src));
  };
  fs.writeFileSync(file('a.dat'), 'A'.repeat(100));
  fs.writeFileSync(file('b.dat'), 'B'.repeat(50));
  fs.writeFileSync(file('c.dat'), 'C'.repeat(30));
  fs.writeFileSync(file('d.dat'), 'D'.repeat(20));
  await run();
  fs.writeFileSync(file('a.dat'), 'a'.repeat(40)); // shrunk: the same inode, truncated
  fs.writeFileSync(file('b.new'), 'b'.repeat(60));
  fs.renameSync(file('b.new'), file('b.dat')); // replaced: another inode (the old one still existed)
  fs.unlinkSync(file('c.dat')); // vanished
  fs.appendFileSync(file('d.dat'), 'd'.repeat(10)); // a plain append
  await run();
  fs.writeFileSync(file('c.dat'), 'c'.repeat(5)); // a second life
  await run();
  const { ops } = await readJournal(s.journal);
  return { journal: s.journal, ops, heads, snapshots };
}

// ---------------------------------------------------------------------------------------------
// log

test('log streams: piped into `head -n 2` it stops at once, exit 0, nothing on stderr', async () => {
  const { journal, ops, head } = await liveJournal();
  assert.ok(head >= 500, `precondition: a journal of hundreds of ops (${head})`);
  const statusFile = path.join(tempDir('rdm-inspect-pipe-'), 'status');
  // $? of the pipeline is head's; the CLI's own exit status is written to a file.
  const script = '("$1" "$2" log --journal "$3" $5; echo $? > "$4") | head -n 2';
  for (const extra of ['', '--json']) {
    const started = Date.now();
    const run = await runShell(script, [process.execPath, cliScript, journal, statusFile, extra]);
    assert.is(run.code, 0, `pipeline exit status, ${extra}`);
    assert.is(run.stderr, '', `stderr of log ${extra} | head`);
    assert.is(fs.readFileSync(statusFile, 'utf8').trim(), '0', `log ${extra} exit status when its reader went away`);
    const lines = run.stdout.split('\n').filter((line) => line !== '');
    assert.is(lines.length, 2);
    if (extra === '--json') assert.equal(lines.map((line) => withoutMode(JSON.parse(line))), ops.slice(0, 2).map(expectedLogObject));
    else assert.equal(lines.map((line) => Number(line.trim().split(/\s+/)[0])), [1, 2]);
    assert.ok(Date.now() - started < 10_000, `log | head took ${Date.now() - started} ms`);
  }
});

test('log --json: one object per op, the journal\'s ops in order, without their data', async () => {
  const { journal, ops, head } = await liveJournal();
  const printed = await logJson(journal);
  assert.is(printed.length, head);
  assert.equal(printed, ops.map(expectedLogObject));
  // The text form: one line per op, with the same seq, kind and file.
  const lines = await textLines(['log', '--journal', journal, '--utc']);
  assert.is(lines.length, head);
  const sample = [0, Math.floor(head / 2), head - 1];
  for (const i of sample) {
    const op = ops[i]!;
    const [seq, at, kind, file] = lines[i]!.trim().split(/\s+/);
    assert.equal([Number(seq), at, kind, file], [op.seq, iso(op.at), op.type, op.type === 'resync' ? file : op.file], lines[i]);
    if (op.type === 'append') assert.ok(lines[i]!.includes(`offset ${op.offset}  length ${op.data.length}  crc ${op.crc.toString(16).padStart(8, '0')}`), lines[i]);
  }
});

test('log --file, --kind (comma-separated and repeated), --from/--until op numbers, --limit', async () => {
  const { journal, ops, head } = await liveJournal();
  const pack = await deletedPack();
  const ofPack = await logJson(journal, '--file', pack.name);
  assert.equal(ofPack, ops.filter((op) => op.file === pack.name).map(expectedLogObject));
  assert.equal(ofPack.map((op) => op.kind), ['create', ...pack.appends.map(() => 'append'), 'delete']);

  const from = Math.floor(head / 3);
  const until = Math.floor((2 * head) / 3);
  const inRange = ops.filter((op) => op.seq >= from && op.seq <= until);
  const lifecycle = inRange.filter((op) => op.type === 'create' || op.type === 'delete').map(expectedLogObject);
  assert.ok(lifecycle.length > 20, 'precondition: creates and deletes in the range');
  assert.equal(await logJson(journal, '--kind', 'create,delete', '--from', String(from), '--until', String(until)), lifecycle);
  assert.equal(await logJson(journal, '--kind', 'delete', '--kind', 'create', '--from', String(from), '--until', String(until)), lifecycle);

  const appends = ops.filter((op) => op.type === 'append' && op.seq >= from).slice(0, 7).map(expectedLogObject);
  assert.equal(await logJson(journal, '--kind', 'append', '--from', String(from), '--limit', '7'), appends);
  assert.equal(await logJson(journal, '--from', String(head - 2)), ops.slice(head - 3).map(expectedLogObject));
  assert.equal(await logJson(journal, '--from', String(head + 1)), []);
  assert.equal(await logJson(journal, '--file', pack.name, '--kind', 'append', '--limit', '2'), pack.appends.slice(0, 2).map(expectedLogObject));

  // Resyncs, from the journal of three `record --once` runs.
  const o = await onceJournal();
  const resyncs = await logJson(o.journal, '--kind', 'resync');
  assert.equal(resyncs, o.ops.filter((op) => op.type === 'resync').map(expectedLogObject));
  assert.equal(resyncs.map((r) => [r.reason, r.file]).sort(), [['replaced', 'b.dat'], ['shrunk', 'a.dat'], ['vanished', 'c.dat']]);
  const shrunk = resyncs.find((r) => r.reason === 'shrunk')!;
  assert.equal([shrunk.recordedSize, shrunk.foundSize], [100, 40]);
  assert.ok(resyncs.every((r) => r.seq > o.heads[0]! && r.seq <= o.heads[1]!), 'the resyncs are in the second run');
});

test('log --from/--until ISO times select by record time, in any zone; --utc prints Z, TZ=Asia/Kolkata +05:30', async () => {
  const { journal, head } = await liveJournal();
  const all = await logJson(journal);
  const t1 = Date.parse(all[Math.floor(head / 4)]!.at);
  const t2 = Date.parse(all[Math.floor(head / 2)]!.at);
  const expected = all.filter((op) => Date.parse(op.at) >= t1 && Date.parse(op.at) <= t2).map((op) => op.seq);
  assert.ok(expected.length > 10 && expected[0] > 1 && expected.at(-1) < head, 'precondition: a range inside the journal');
  assert.equal((await logJson(journal, '--from', iso(t1), '--until', iso(t2))).map((op) => op.seq), expected);
  // The same instants written at +05:30, and as Kolkata local times without a zone.
  const kolkata = (ms: number) => new Date(ms + 330 * 60_000).toISOString().slice(0, 23);
  assert.equal((await logJson(journal, '--from', `${kolkata(t1)}+05:30`, '--until', `${kolkata(t2)}+05:30`)).map((op) => op.seq), expected);
  const local = await runCli(['log', '--journal', journal, '--from', kolkata(t1), '--until', kolkata(t2), '--json'], { env: { TZ: 'Asia/Kolkata' } });
  assert.is(local.code, 0, local.stdout + local.stderr);
  assert.equal(jsonEvents(local.stdout).map((op) => op.seq), expected);
  // One ms before the first op: nothing up to there; from one ms after the last: nothing.
  assert.equal(await logJson(journal, '--until', iso(Date.parse(all[0]!.at) - 1)), []);
  assert.equal(await logJson(journal, '--from', iso(Date.parse(all.at(-1)!.at) + 1)), []);

  const utc = await textLines(['log', '--journal', journal, '--utc', '--limit', '5'], { TZ: 'Asia/Kolkata' });
  assert.equal(utc.map((line) => line.trim().split(/\s+/)[1]), all.slice(0, 5).map((op) => op.at));
  assert.ok(utc.every((line) => line.trim().split(/\s+/)[1]!.endsWith('Z')));
  const zoned = await textLines(['log', '--journal', journal, '--limit', '5'], { TZ: 'Asia/Kolkata' });
  const times = zoned.map((line) => line.trim().split(/\s+/)[1]!);
  assert.ok(times.every((time) => time.endsWith('+05:30')), times.join(' '));
  assert.equal(times.map((time) => Date.parse(time)), all.slice(0, 5).map((op) => Date.parse(op.at)), 'the same instants');
  assert.equal(times.map((time) => time.slice(0, 23)), all.slice(0, 5).map((op) => kolkata(Date.parse(op.at))), 'local wall-clock time');
});

// ---------------------------------------------------------------------------------------------
// show

test('show: an append in full with a hexdump addressed by file offset; --raw its bytes; --json with base64 data', async () => {
  const { journal, ops } = await liveJournal();
  const op = ops.find((o): o is JournalOp & { type: 'append' } => o.type === 'append' && o.offset % 16 !== 0 && o.data.length > 100)!;
  assert.ok(op, 'precondition: an append at an offset that is not a multiple of 16');
  const data = Buffer.from(op.data);

  const lines = await textLines(['show', String(op.seq), '--journal', journal, '--utc']);
  const field = (name: string) => lines.find((line) => line.startsWith(`${name} `))?.slice(10);
  assert.equal([field('op'), field('recorded'), field('kind'), field('file'), field('offset'), field('crc32')],
    [String(op.seq), iso(op.at), 'append', op.file, String(op.offset), op.crc.toString(16).padStart(8, '0')]);
  const dump = lines.filter((line) => /^[0-9a-f]{8}  /.test(line));
  assert.is(dump.length, Math.ceil(data.length / 16));
  const rebuilt: number[] = [];
  dump.forEach((line, i) => {
    assert.is(parseInt(line.slice(0, 8), 16), op.offset + 16 * i, `address of row ${i}: ${line}`);
    const hex = line.slice(10, 10 + 49).trim().split(/\s+/).filter((h) => h !== '');
    rebuilt.push(...hex.map((h) => parseInt(h, 16)));
    const ascii = line.slice(line.indexOf('|') + 1, line.lastIndexOf('|'));
    assert.is(ascii, [...data.subarray(16 * i, 16 * i + 16)].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join(''));
  });
  assert.ok(Buffer.from(rebuilt).equals(data), 'the hexdump holds the op\'s bytes');

  const raw = await runToFile(['show', String(op.seq), '--raw', '--journal', journal]);
  assert.is(raw.code, 0, raw.stderr);
  assert.ok(raw.bytes.equals(data), `--raw wrote ${raw.bytes.length} bytes, the op holds ${data.length}`);

  const json = await resultOf(['show', String(op.seq), '--journal', journal]);
  assert.equal({ ...json, data: undefined }, { event: 'result', ...expectedLogObject(op), data: undefined });
  assert.ok(Buffer.from(json.data, 'base64').equals(data), '--json data is the op\'s bytes, base64');

  // Ops without bytes: every field, and no data.
  const pack = await deletedPack();
  const del = ops[pack.deleted! - 1]!;
  assert.equal(await resultOf(['show', String(del.seq), '--journal', journal]), { event: 'result', ...expectedLogObject(del) });
  assert.equal(withoutMode(await resultOf(['show', String(pack.created), '--journal', journal])), { event: 'result', ...expectedLogObject(ops[pack.created - 1]!) });
  const create = await textLines(['show', String(pack.created), '--journal', journal]);
  assert.ok(create.includes(`file      ${pack.name}`) && create.includes('kind      create'), create.join('\n'));
  const o = await onceJournal();
  const resync = o.ops.find((x) => x.type === 'resync')!;
  assert.equal(await resultOf(['show', String(resync.seq), '--journal', o.journal]), { event: 'result', ...expectedLogObject(resync) });
  await assertFails(['show', String(pack.created), '--raw', '--journal', journal], 'USAGE', 2);
});

test('a create op\'s mode (the source file\'s permission bits) is shown by show and log', async () => {
  const root = tempDir('rdm-inspect-mode-');
  const s = { src: path.join(root, 'DB.rdm'), journal: path.join(root, 'journal') };
  fs.mkdirSync(s.src);
  fs.writeFileSync(path.join(s.src, 'p1.pack'), 'x');
  fs.chmodSync(path.join(s.src, 'p1.pack'), 0o640);
  await recordOnce(s);
  const create = (await readJournal(s.journal)).ops.find((op) => op.type === 'create')!;
  assert.is(create.type === 'create' && create.mode, 0o640, 'precondition: the recorder stores the mode in the create op');
  const shown = await resultOf(['show', String(create.seq), '--journal', s.journal]);
  assert.is(shown.mode, 0o640, `show --json of a create, "one op in full": ${JSON.stringify(shown)}`);
  const logged = jsonEvents((await runCli(['log', '--journal', s.journal, '--json'])).stdout).find((op) => op.seq === create.seq)!;
  assert.is(logged.mode, 0o640, `log --json of a create: ${JSON.stringify(logged)}`);
});

// ---------------------------------------------------------------------------------------------
// files, history, cat

test('files --at SEQ|TIME: the files that existed then, with their sizes and creating op', async () => {
  const { journal, ops, head, src } = await liveJournal();
  const now = await resultOf(['files', '--journal', journal]);
  assert.is(now.seq, head);
  assert.equal(listedSizes(now), sizesOf(sourceFiles(src)), 'files now vs the source');
  for (const f of now.files as Json[]) assert.is(f.createdSeq, ops.find((op) => op.type === 'create' && op.file === f.file)!.seq);

  const pack = await deletedPack();
  for (const seq of [pack.deleted! - 1, pack.deleted!, pack.appends[1]!.seq, Math.floor(head / 2)]) {
    const then = await resultOf(['files', '--journal', journal, '--at', String(seq)]);
    const expected = stateAt(ops, seq);
    assert.equal([then.seq, then.at], [seq, iso(ops[seq - 1]!.at)]);
    assert.equal(listedSizes(then), sizesOf(expected), `files --at ${seq}`);
    assert.is(then.bytes, [...expected.values()].reduce((sum, data) => sum + data.length, 0));
  }
  const none = await resultOf(['files', '--journal', journal, '--at', iso(ops[0]!.at - 1)]);
  assert.equal([none.seq, none.at, none.files, none.bytes], [0, null, [], 0], 'before the first op');
  const before = await resultOf(['files', '--journal', journal, '--at', String(pack.deleted! - 1)]);
  assert.ok((before.files as Json[]).some((f) => f.file === pack.name), `${pack.name} is listed before its delete`);

  // By time, on the journal of three runs: the source as copied after each run.
  const o = await onceJournal();
  for (const [i, runHead] of o.heads.entries()) {
    const at = iso(o.ops[runHead - 1]!.at);
    const then = await resultOf(['files', '--journal', o.journal, '--at', at]);
    assert.is(then.seq, runHead, `files --at ${at}`);
    assert.equal(listedSizes(then), sizesOf(o.snapshots[i]!), `files after run ${i + 1}`);
  }
  const text = await textLines(['files', '--journal', o.journal, '--at', String(o.heads[1])]);
  assert.match(text[0]!, new RegExp(`^after op ${o.heads[1]} .*: 3 files`));
});

test('history FILE: each life of a name, with its appends, resyncs and delete', async () => {
  const { journal, everyPack } = await liveJournal();
  const pack = await deletedPack();
  const whole = everyPack.get(pack.name)!;
  const h = await resultOf(['history', pack.name, '--journal', journal]);
  assert.is(h.file, pack.name);
  assert.is(h.lives.length, 1);
  const life = h.lives[0];
  assert.equal([life.createdSeq, life.appends, life.bytes, life.firstAppendSeq, life.lastAppendSeq, life.deleted.seq, life.deleted.size, life.resyncs],
    [pack.created, pack.appends.length, whole.length, pack.appends[0]!.seq, pack.appends.at(-1)!.seq, pack.deleted, whole.length, []]);

  const o = await onceJournal();
  const seqOf = (type: string, file: string, nth = 0) => o.ops.filter((op) => op.type === type && op.file === file)[nth]!.seq;
  const a = await resultOf(['history', 'a.dat', '--journal', o.journal]);
  assert.equal(a.lives.map((l: Json) => [l.createdSeq, l.bytes, l.deleted?.seq ?? null, l.deleted?.size ?? null, l.resyncs.map((r: Json) => r.reason)]),
    [[seqOf('create', 'a.dat'), 100, seqOf('delete', 'a.dat'), 100, ['shrunk']], [seqOf('create', 'a.dat', 1), 40, null, null, []]]);
  const c = await resultOf(['history', 'c.dat', '--journal', o.journal]);
  assert.equal(c.lives.map((l: Json) => [l.createdSeq, l.bytes, l.deleted?.seq ?? null, l.resyncs.map((r: Json) => r.reason)]),
    [[seqOf('create', 'c.dat'), 30, seqOf('delete', 'c.dat'), ['vanished']], [seqOf('create', 'c.dat', 1), 5, null, []]]);
  assert.ok(c.lives[1].createdSeq > o.heads[1]!, 'c.dat\'s second life is in the third run');
  const d = await resultOf(['history', 'd.dat', '--journal', o.journal]);
  assert.equal(d.lives.map((l: Json) => [l.appends, l.bytes, l.deleted]), [[2, 30, null]]);
  const text = await textLines(['history', 'a.dat', '--journal', o.journal]);
  assert.is(text.filter((line) => /^ {2}life \d+: created op \d+/.test(line)).length, 2, text.join('\n'));
});

test('history of a name whose file was missed (appeared and vanished unseen) does not call it live', async () => {
  // What a recorder writes when a file comes and goes before it can be opened: a `missed` resync
  // naming it, no create, no delete (journal-format/README.md, section 3).
  const journal = path.join(tempDir('rdm-inspect-missed-'), 'journal');
  const at = Date.now();
  const missed = (file: string): Op => ({ type: 'resync', at, reason: 'missed', file, detail: `${file} appeared and disappeared before it could be opened` });
  const head = await writeJournal(journal, [
    { type: 'create', at, file: 'p1.pack', ino: 1 }, makeAppend('p1.pack', 0, Buffer.from('one'), at),
    missed('p2.pack'),
    { type: 'create', at, file: 'p3.pack', ino: 3 }, { type: 'delete', at, file: 'p1.pack', size: 3 },
    missed('p1.pack'), // the name came back once more, unseen
  ]);
  const listed = await resultOf(['files', '--journal', journal]);
  assert.equal((listed.files as Json[]).map((f) => f.file), ['p3.pack'], 'neither p1.pack nor p2.pack exists after the last op');
  await assertFails(['cat', 'p2.pack', '--journal', journal], 'NOT_IN_JOURNAL');
  for (const name of ['p2.pack', 'p1.pack']) {
    const text = await textLines(['history', name, '--journal', journal]);
    assert.ok(text.some((line) => line.includes(`resync op`) && line.includes('missed')), text.join('\n'));
    const claims = text.filter((line) => /^\s+live,/.test(line));
    assert.equal(claims, [], `history ${name} says a file is live that files --at ${head} does not list:\n${text.join('\n')}`);
  }
});

test('cat FILE --at SEQ|TIME > out: the file\'s bytes as they were then', async () => {
  const { journal, ops, head, src, everyPack } = await liveJournal();
  const pack = await deletedPack();
  const whole = everyPack.get(pack.name)!;
  // Its last state, just before its delete: the pack as the engine wrote it (a run without vacuum).
  assert.ok((await catAt(journal, pack.name, String(pack.deleted! - 1))).equals(whole), `${pack.name} before its delete`);
  // In the middle of its life: what its first two appends wrote, a prefix of the whole pack.
  const middle = pack.appends[1]!.seq;
  const partial = await catAt(journal, pack.name, String(middle));
  assert.ok(partial.equals(stateAt(ops, middle).get(pack.name)!), `${pack.name} at op ${middle} vs the ops`);
  assert.is(partial.length, pack.appends[1]!.offset + pack.appends[1]!.data.length);
  assert.ok(partial.length < whole.length && partial.equals(whole.subarray(0, partial.length)), 'a prefix of the whole pack');
  // A pack still in the source, now and at a time.
  const [name, data] = [...sourceFiles(src)].at(-1)!;
  assert.ok((await catAt(journal, name)).equals(data), `${name} vs the source`);
  assert.ok((await catAt(journal, name, iso(ops[head - 1]!.at))).equals(data), `${name} --at the last op's time vs the source`);

  // The journal of three runs: each file as copied from the source after each run, by op and by time.
  const o = await onceJournal();
  for (const [i, runHead] of o.heads.entries()) {
    for (const [file, bytes] of o.snapshots[i]!) {
      assert.ok((await catAt(o.journal, file, String(runHead))).equals(bytes), `${file} after run ${i + 1}`);
    }
  }
  assert.equal((await catAt(o.journal, 'a.dat', iso(o.ops[o.heads[0]! - 1]!.at))).toString(), 'A'.repeat(100));
  assert.equal((await catAt(o.journal, 'd.dat', iso(o.ops[o.heads[1]! - 1]!.at))).toString(), 'D'.repeat(20) + 'd'.repeat(10));
  assert.equal((await catAt(o.journal, 'c.dat')).toString(), 'c'.repeat(5));
});

// ---------------------------------------------------------------------------------------------
// status

interface Targets { full: string; behind: string; until: number }
let targets: Promise<Targets> | undefined;

/** Journal 1 replayed to the end into one target, and up to 200 ops before the end into another. */
const replayedTargets = () => (targets ??= (async () => {
  const { root, journal, head } = await liveJournal();
  const full = path.join(root, 'full');
  const behind = path.join(root, 'behind');
  const until = head - 200;
  const a = await resultOf(['replay', '--journal', journal, '--to', full]);
  assert.is(a.targets[0].to, head);
  const b = await resultOf(['replay', '--journal', journal, '--to', behind, '--until', String(until)]);
  assert.is(b.targets[0].to, until);
  return { full, behind, until };
})());

test('status --json: ops by kind, bytes held, live files, the recorder, and each target with its lag', async () => {
  const { journal, ops, head, src, statusWhileRecording } = await liveJournal();
  assert.is(statusWhileRecording.recorder, 'running', 'status while record runs');
  const { full, behind, until } = await replayedTargets();
  const status = await resultOf(['status', '--journal', journal]);
  const count = (kind: string) => ops.filter((op) => op.type === kind).length;
  const source = sourceFiles(src);
  assert.equal(
    [status.head, status.firstSeq, status.firstAt, status.lastAt, status.ops, status.bytesHeld, status.liveFiles, status.liveBytes, status.recorder, status.source],
    [head, 1, iso(ops[0]!.at), iso(ops[head - 1]!.at), { create: count('create'), append: count('append'), delete: count('delete'), resync: count('resync') },
      appendedBytes(ops), source.size, [...source.values()].reduce((sum, data) => sum + data.length, 0), 'stopped', src]);
  assert.is(status.targets.length, 2);
  const byPath = new Map((status.targets as Json[]).map((t) => [t.path, t]));
  const f = byPath.get(full)!;
  assert.equal([f.exists, f.seq, f.lagOps, f.lagBytes, f.lagSeconds], [true, head, 0, 0, 0]);
  const b = byPath.get(behind)!;
  const lagBytes = appendedBytes(ops.filter((op) => op.seq > until));
  assert.ok(lagBytes > 0, 'precondition: appends after --until');
  assert.equal([b.exists, b.seq, b.lagOps, b.lagBytes, b.lagSeconds], [true, until, head - until, lagBytes, (ops[head - 1]!.at - ops[until - 1]!.at) / 1000]);
  const text = await textLines(['status', '--journal', journal]);
  assert.ok(text.some((line) => line.startsWith('target') && line.includes(behind) && line.includes(`behind ${head - until} ops`)), text.join('\n'));
  assert.ok(text.some((line) => line.startsWith('ops') && line.includes(`1..${head}: ${count('create')} create, ${count('append')} append`)), text.join('\n'));
});

// ---------------------------------------------------------------------------------------------
// verify

/** A copy of journal 1 to damage. */
async function journalCopy(): Promise<string> {
  const { journal } = await liveJournal();
  const copy = path.join(tempDir('rdm-inspect-damaged-'), 'journal');
  fs.cpSync(journal, copy, { recursive: true });
  return copy;
}

function opKey(seq: number): Buffer {
  const key = Buffer.alloc(9);
  key.write('o', 0, 'latin1');
  key.writeBigUInt64BE(BigInt(seq), 1);
  return key;
}

/** Changes the journal's LevelDB directly (no rdm-journal process may have it open). */
async function editRaw(dir: string, edit: (db: Level<Uint8Array, Uint8Array>) => Promise<void>): Promise<void> {
  const db = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view', createIfMissing: false });
  await db.open();
  try {
    await edit(db);
  } finally {
    await db.close();
  }
}

/** `verify --json` that must fail with VERIFY_FAILED: its findings. */
async function verifyFails(args: string[]): Promise<Json[]> {
  const run = await runCli(['verify', ...args, '--json']);
  assert.is(run.code, 1, `verify exit status\n${run.stdout}\n${run.stderr}`);
  assert.is(errorEvent(run.stdout)?.code, 'VERIFY_FAILED', run.stdout);
  const findings = jsonEvents(run.stdout).filter((event) => event.event === 'finding') as Json[];
  assert.is(resultEvent(run.stdout)?.findings, findings.length);
  return findings;
}

test('verify: the recorded journals and a replayed target are well (exit 0)', async () => {
  const { journal, ops, head, src } = await liveJournal();
  const { full } = await replayedTargets();
  const result = await resultOf(['verify', '--journal', journal, '--to', full]);
  assert.equal([result.ok, result.head, result.ops, result.bytes, result.findings], [true, head, head, appendedBytes(ops), 0]);
  assert.equal([result.target.path, result.target.seq, result.target.files], [full, head, sourceFiles(src).size]);
  assert.is(result.target.bytes, [...targetFiles(full).values()].reduce((sum, data) => sum + data.length, 0));
  const { behind, until } = await replayedTargets();
  const partial = await resultOf(['verify', '--journal', journal, '--to', behind]);
  assert.equal([partial.ok, partial.target.seq, partial.target.files], [true, until, stateAt(ops, until).size]);
  const o = await onceJournal();
  assert.is((await resultOf(['verify', '--journal', o.journal])).ok, true);
  const text = await runCli(['verify', '--journal', journal]);
  assert.is(text.code, 0, text.stdout + text.stderr);
  assert.match(text.stdout, /all is well/);
});

test('verify: a flipped byte in an append\'s data is VERIFY_FAILED, naming the op; readers refuse it', async () => {
  const pack = await deletedPack();
  const op = pack.appends[1]!;
  const copy = await journalCopy();
  // Format 3: an append's bytes are in its life's data file, at the pack's own offsets.
  const dataFile = path.join(copy, 'data', dataFileName(pack.created));
  const held = fs.readFileSync(dataFile);
  assert.equal(held.subarray(op.offset, op.offset + op.data.length), Buffer.from(op.data), 'the data bytes are in the life\'s data file');
  held[op.offset + 10] = held[op.offset + 10]! ^ 0x01;
  fs.writeFileSync(dataFile, held);
  const findings = await verifyFails(['--journal', copy]);
  const crc = findings.filter((f) => f.seq === op.seq);
  assert.is(crc.length, 1, JSON.stringify(findings));
  assert.equal([crc[0]!.where, /CRC/.test(crc[0]!.message)], ['journal', true], crc[0]!.message);
  assert.is(findings[0]!.seq, op.seq, `the first finding is the damaged op: ${JSON.stringify(findings)}`);
  await assertFails(['show', String(op.seq), '--journal', copy], 'JOURNAL_CORRUPT');
  const cat = await runToFile(['cat', pack.name, '--at', String(pack.deleted! - 1), '--journal', copy]);
  assert.is(cat.code, 1, 'cat of the damaged pack');
  assert.match(cat.stderr, /error JOURNAL_CORRUPT: .*data file .* than op \d+ wrote \(CRC-32C mismatch\)/);
  assert.is(cat.bytes.length, op.offset, 'cat streamed the bytes before the damaged op, then stopped');
  // The damaged op is still a well-formed append of the right length, contiguous with its file's
  // other appends: nothing else in the journal is wrong, and verify should say nothing else.
  assert.equal(findings.map((f) => f.seq), [op.seq], `one flipped byte, one finding: ${JSON.stringify(findings, null, 1)}`);
});

test('verify: a missing op is VERIFY_FAILED, naming its seq; log stops at the gap with JOURNAL_CORRUPT', async () => {
  const pack = await deletedPack();
  const missing = pack.appends[1]!.seq;
  const copy = await journalCopy();
  await editRaw(copy, async (db) => db.del(opKey(missing)));
  const findings = await verifyFails(['--journal', copy]);
  const gap = findings.find((f) => f.seq === missing);
  assert.ok(gap && /missing/.test(gap.message), JSON.stringify(findings));
  assert.is(findings[0]!.seq, missing, 'the gap is reported first');
  const log = await runCli(['log', '--journal', copy, '--json']);
  assert.is(log.code, 1);
  assert.is(errorEvent(log.stdout)?.code, 'JOURNAL_CORRUPT');
  assert.is(jsonEvents(log.stdout).filter((event) => event.seq !== undefined).length, missing - 1, 'log printed the ops before the gap');
});

test('verify --to: a target byte edited after replay is named with its offset and op; so is a file added to it', async () => {
  const { journal, ops, head } = await liveJournal();
  const { full } = await replayedTargets();
  // A byte in the middle of an append in the middle of the live pack with the most appends.
  const lifeOf = (name: string) => {
    const created = ops.filter((op) => op.type === 'create' && op.file === name).at(-1)!.seq;
    return ops.filter((op): op is JournalOp & { type: 'append' } => op.type === 'append' && op.file === name && op.seq > created);
  };
  const [name, data] = [...targetFiles(full)].sort(([x], [y]) => lifeOf(y).length - lifeOf(x).length)[0]!;
  const appends = lifeOf(name);
  const op = appends[Math.floor(appends.length / 2)]!;
  const offset = op.offset + Math.floor(op.data.length / 2);
  const file = path.join(full, name);
  const flip = (value: number) => {
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.of(value), 0, 1, offset);
    fs.closeSync(fd);
  };
  flip(data[offset]! ^ 0xff);
  try {
    const findings = await verifyFails(['--journal', journal, '--to', full]);
    assert.is(findings.length, 1, JSON.stringify(findings));
    assert.equal([findings[0]!.where, findings[0]!.seq], [full, op.seq]);
    assert.match(findings[0]!.message, `${name} differs at byte ${offset} `);
  } finally {
    flip(data[offset]!);
  }
  assert.is((await resultOf(['verify', '--journal', journal, '--to', full])).ok, true, 'restored, all is well again');

  const extra = path.join(full, 'extra.dat');
  fs.writeFileSync(extra, 'not from the journal');
  try {
    const findings = await verifyFails(['--journal', journal, '--to', full]);
    assert.is(findings.length, 1, JSON.stringify(findings));
    assert.is(findings[0]!.where, full);
    assert.match(findings[0]!.message, `extra.dat is in the target but not in the journal at op ${head}`);
  } finally {
    fs.unlinkSync(extra);
  }
});

// ---------------------------------------------------------------------------------------------
// upgrade

test('upgrade: a format 1 journal is refused by status (JOURNAL_VERSION) until upgraded to 3; then its counters match its ops', async () => {
  const fixture = path.join(repoRoot, 'journal-format', 'fixtures', 'v1');
  const expected = JSON.parse(fs.readFileSync(path.join(fixture, 'expected.json'), 'utf8')) as
    { head: number; ops: Array<{ seq: number; type: string; dataLength?: number }>; fileStates: Record<string, { size: number; createdSeq: number }>; contents: Record<string, string> };
  const journal = path.join(tempDir('rdm-inspect-v1-'), 'journal');
  fs.cpSync(path.join(fixture, 'journal'), journal, { recursive: true });

  await assertFails(['status', '--journal', journal], 'JOURNAL_VERSION');
  await assertFails(['files', '--journal', journal], 'JOURNAL_VERSION');
  const upgraded = await resultOf(['upgrade', '--journal', journal]);
  assert.equal([upgraded.from, upgraded.to], [1, 3]);

  const status = await resultOf(['status', '--journal', journal]);
  const count = (kind: string) => expected.ops.filter((op) => op.type === kind).length;
  assert.equal([status.format, status.head, status.ops], [3, expected.head, { create: count('create'), append: count('append'), delete: count('delete'), resync: count('resync') }]);
  assert.is(status.bytesHeld, expected.ops.reduce((sum, op) => sum + (op.dataLength ?? 0), 0));
  assert.equal([status.liveFiles, status.liveBytes],
    [Object.keys(expected.fileStates).length, Object.values(expected.fileStates).reduce((sum, f) => sum + f.size, 0)]);
  const verified = await resultOf(['verify', '--journal', journal]);
  assert.equal([verified.ok, verified.head, verified.findings], [true, expected.head, 0]);
  // The per-file commands work on it now.
  const files = await resultOf(['files', '--journal', journal]);
  assert.equal(Object.fromEntries((files.files as Json[]).map((f) => [f.file, [f.size, f.createdSeq]])),
    Object.fromEntries(Object.entries(expected.fileStates).map(([name, f]) => [name, [f.size, f.createdSeq]])));
  for (const [name, hash] of Object.entries(expected.contents)) assert.is(sha256(await catAt(journal, name)), hash, name);
  const again = await resultOf(['upgrade', '--journal', journal]);
  assert.equal([again.from, again.to], [3, 3]);
});

// ---------------------------------------------------------------------------------------------
// Errors

test('errors: an op past the head, an unknown --kind, a file deleted before --at, a point that is not one', async () => {
  const { journal, head } = await liveJournal();
  const missing = await assertFails(['show', '999999', '--journal', journal], 'NOT_IN_JOURNAL');
  assert.match(missing.message, `1..${head}`);
  await assertFails(['show', '0', '--journal', journal], 'NOT_IN_JOURNAL');
  await assertFails(['show', 'x', '--journal', journal], 'USAGE', 2);
  await assertFails(['log', '--kind', 'bogus', '--journal', journal], 'USAGE', 2);
  await assertFails(['log', '--limit', 'ten', '--journal', journal], 'USAGE', 2);
  await assertFails(['log', '--from', 'yesterday', '--journal', journal], 'USAGE', 2);
  await assertFails(['files', '--at', 'NOTATIME', '--journal', journal], 'USAGE', 2);
  await assertFails(['files', '--at', String(head + 1), '--journal', journal], 'USAGE', 2);
  await assertFails(['cat', 'p00000001.pack', '--at', String(head + 1), '--journal', journal], 'USAGE', 2);
  await assertFails(['history', 'no-such.pack', '--journal', journal], 'NOT_IN_JOURNAL');

  const pack = await deletedPack();
  const deleted = await assertFails(['cat', pack.name, '--at', String(pack.deleted), '--journal', journal], 'NOT_IN_JOURNAL');
  assert.match(deleted.message, `deleted by op ${pack.deleted}`);
  await assertFails(['cat', pack.name, '--at', String(pack.created - 1), '--journal', journal], 'NOT_IN_JOURNAL');
  const o = await onceJournal();
  const gone = await assertFails(['cat', 'c.dat', '--at', iso(o.ops[o.heads[1]! - 1]!.at), '--journal', o.journal], 'NOT_IN_JOURNAL');
  assert.match(gone.message, `deleted by op ${o.ops.find((op) => op.type === 'delete' && op.file === 'c.dat')!.seq}`);
  await assertFails(['log', '--journal', path.join(tempDir(), 'none')], 'JOURNAL_NOT_FOUND');
});

test.run();
