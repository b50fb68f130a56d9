/**
 * Shared test helpers: temp dirs, the compiled CLI and the engine simulator as child processes,
 * and a reader that rebuilds file contents from a journal, so a test can compare it with a source.
 *
 * uvu runs every test file in one process: whatever a helper creates (temp dirs, children) is
 * tracked here, and `cleanUp()` (call it from each suite's `after` hook) releases it all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileTail } from '../src/file-state.js';
import { Journal } from '../src/journal/journal.js';
import type { JournalOp } from '../src/journal/op.js';
import type { EngineOptions, EngineSummary } from './engine/simulator.js';

export { runEngine, type EngineOptions, type EngineSummary } from './engine/simulator.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const cliScript = path.join(repoRoot, 'dist', 'cli', 'bin.js');
export const engineScript = path.join(repoRoot, 'tools', 'engine-sim.ts');

const DEFAULT_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// Temp dirs and cleanup

const tempDirs = new Set<string>();
const children = new Set<ChildProcess>();

/** A fresh directory under os.tmpdir() (real path: no symlink in it), removed by `cleanUp()`. */
export function tempDir(prefix = 'rdm-test-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  tempDirs.add(dir);
  return dir;
}

/** SIGKILLs every child still running, then removes every temp dir made so far. */
export async function cleanUp(): Promise<void> {
  await killChildren();
  removeTempDirs();
}

export function removeTempDirs(): void {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

export async function killChildren(): Promise<void> {
  const running = [...children];
  for (const child of running) child.kill('SIGKILL');
  await Promise.all(running.map((child) => waitForExit(child, 10_000).catch(() => undefined)));
}

// Last resort if a suite forgot its `after` hook: nothing outlives the test process.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Child processes

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  /** Added to process.env; a variable given as undefined is removed. */
  env?: NodeJS.ProcessEnv;
  /** Default: the repository root. */
  cwd?: string;
}

function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const [name, value] of Object.entries(extra)) if (value === undefined) delete env[name];
  return env;
}

/** Everything a tracked child printed so far, both streams, for waitForOutput and failure messages. */
const outputs = new WeakMap<ChildProcess, { stdout: string; stderr: string }>();

function track(child: ChildProcess): ChildProcess {
  const output = { stdout: '', stderr: '' };
  outputs.set(child, output);
  children.add(child);
  child.stdout?.setEncoding('utf8').on('data', (text: string) => { output.stdout += text; });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => { output.stderr += text; });
  child.once('close', () => children.delete(child));
  return child;
}

/** What a child printed so far. */
export function outputOf(child: ChildProcess): { stdout: string; stderr: string } {
  return outputs.get(child) ?? { stdout: '', stderr: '' };
}

/** Starts `node dist/cli/bin.js ...args` (e.g. a long-running `record`); kill it with child.kill(). */
export function spawnCli(args: string[], opts: SpawnOptions = {}): ChildProcess {
  return track(spawn(process.execPath, [cliScript, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: childEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
}

/** Runs the CLI to its end. A run past timeoutMs is SIGKILLed and rejects. */
export async function runCli(args: string[], opts: SpawnOptions & { timeoutMs?: number } = {}): Promise<RunResult> {
  const child = spawnCli(args, opts);
  const { code, signal } = await waitForExit(child, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return { code, signal, ...outputOf(child) };
}

/** Resolves when the child has exited and its streams are closed; SIGKILLs it and rejects after timeoutMs. */
export function waitForExit(child: ChildProcess, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    if (!children.has(child)) { // tracked children leave the set once closed
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pid ${child.pid} did not exit within ${timeoutMs} ms\n${describeOutput(child)}`));
    }, timeoutMs);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

/**
 * Resolves with the match once `pattern` matches what the child printed (stdout and stderr, each
 * taken whole); rejects if the child exits first or after timeoutMs.
 */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const { stdout, stderr } = outputOf(child);
      const match = stdout.match(pattern) ?? stderr.match(pattern);
      if (match) finish(() => resolve(match));
      return match !== null;
    };
    const onExit = () => {
      if (!check()) finish(() => reject(new Error(`pid ${child.pid} exited before printing ${pattern}\n${describeOutput(child)}`)));
    };
    const timer = setTimeout(() => {
      finish(() => reject(new Error(`pid ${child.pid} printed nothing matching ${pattern} within ${timeoutMs} ms\n${describeOutput(child)}`)));
    }, timeoutMs);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('close', onExit);
      settle();
    };
    // Listeners added after track()'s, so the collected output already holds the new chunk.
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('close', onExit);
    check();
  });
}

/** The line `record` prints once its snapshot is in the journal and it follows the source live. */
export const RECORDING = /recording .* stop with/;

export function describeOutput(child: ChildProcess): string {
  const { stdout, stderr } = outputOf(child);
  return `--- stdout\n${stdout.slice(-4000)}\n--- stderr\n${stderr.slice(-4000)}`;
}

/** The JSON lines a command printed with --json. */
export function jsonEvents(stdout: string): Array<Record<string, unknown>> {
  return stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The `{"event":"error",...}` line of a --json run, or undefined. */
export function errorEvent(stdout: string): { code: string; message: string; hint?: string } | undefined {
  return jsonEvents(stdout).find((event) => event.event === 'error') as { code: string; message: string; hint?: string } | undefined;
}

/** The `{"event":"result",...}` line of a --json run (a recorder's stats), or undefined. */
export function resultEvent(stdout: string): Record<string, unknown> | undefined {
  return jsonEvents(stdout).find((event) => event.event === 'result');
}

// ---------------------------------------------------------------------------------------------
// The engine simulator

export type EngineCliOptions = Omit<EngineOptions, 'dir' | 'signal'>;

const ENGINE_FLAGS: Record<keyof EngineCliOptions, string> = {
  transactions: '--tx', durationMs: '--duration', rate: '--rate', minSize: '--min-size', maxSize: '--max-size',
  writesPerTx: '--writes-per-tx', packSize: '--pack-size', keep: '--keep', emptyPacks: '--empty-packs',
  nameWidth: '--name-width', seed: '--seed', fsync: '--fsync',
};

/**
 * Starts tools/engine-sim.ts on `dir` in a child process (with --json); SIGTERM stops it at a
 * transaction boundary. `engineSummary(child)` waits for it and returns what it wrote.
 */
export function spawnEngine(dir: string, options: EngineCliOptions = {}): ChildProcess {
  const args: string[] = [];
  for (const [key, value] of Object.entries(options) as Array<[keyof EngineCliOptions, number | boolean | undefined]>) {
    if (value === undefined || value === false) continue;
    if (value === true) args.push(ENGINE_FLAGS[key]);
    else args.push(ENGINE_FLAGS[key], String(key === 'durationMs' ? value / 1000 : value));
  }
  return track(spawn(process.execPath, ['--import', 'tsx', engineScript, dir, ...args, '--json'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
}

/** Waits for a simulator child to exit 0 and returns its summary. */
export async function engineSummary(child: ChildProcess, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<EngineSummary> {
  const { code, signal } = await waitForExit(child, timeoutMs);
  const line = outputOf(child).stdout.split('\n').find((text) => text.startsWith('{'));
  if (code !== 0 || line === undefined) {
    throw new Error(`engine-sim exited with ${code ?? signal}\n${describeOutput(child)}`);
  }
  return JSON.parse(line) as EngineSummary;
}

// ---------------------------------------------------------------------------------------------
// Journals and directories as maps of file name to bytes

/** One life of a file in the journal: from its create to its delete (or to now). */
export interface FileLife {
  name: string;
  data: Buffer;
  createdSeq: number;
  /** null while the file is still recorded as present. */
  deletedSeq: number | null;
}

export interface JournalContents {
  head: number;
  ops: JournalOp[];
  /** Files the journal says are in the source now. */
  files: Map<string, Buffer>;
  /** Every file ever created, deleted ones included, in the order of their create ops. */
  lives: FileLife[];
}

/**
 * Opens the journal without creating it, reads every op, and replays them onto an in-memory
 * directory. Throws when an op breaks the rules a replayer relies on (append not at the file's
 * end, create of a present file, delete of an absent one or with the wrong size).
 */
export async function readJournal(journalDir: string): Promise<JournalContents> {
  const journal = await Journal.open(journalDir);
  try {
    const ops: JournalOp[] = [];
    for await (const op of journal.readOps()) ops.push(op);
    return { head: journal.head, ops, ...replayOps(ops) };
  } finally {
    await journal.close();
  }
}

/** The files the journal says are in the source now, rebuilt from its ops. */
export async function journalFiles(journalDir: string): Promise<Map<string, Buffer>> {
  return (await readJournal(journalDir)).files;
}

export function replayOps(ops: readonly JournalOp[]): { files: Map<string, Buffer>; lives: FileLife[] } {
  const open = new Map<string, { life: FileLife; chunks: Buffer[]; size: number }>();
  const lives: FileLife[] = [];
  const finish = (entry: { life: FileLife; chunks: Buffer[] }) => { entry.life.data = Buffer.concat(entry.chunks); };
  for (const op of ops) {
    const where = `op ${op.seq} (${op.type}${op.type === 'resync' ? ` ${op.reason}` : ''} ${op.file ?? ''})`;
    switch (op.type) {
      case 'create': {
        if (open.has(op.file)) throw new Error(`${where}: creates a file that is already present`);
        const life: FileLife = { name: op.file, data: Buffer.alloc(0), createdSeq: op.seq, deletedSeq: null };
        lives.push(life);
        open.set(op.file, { life, chunks: [], size: 0 });
        break;
      }
      case 'append': {
        const entry = open.get(op.file);
        if (!entry) throw new Error(`${where}: appends to a file that is not present`);
        if (op.offset !== entry.size) throw new Error(`${where}: appends at ${op.offset}, but the file holds ${entry.size} bytes`);
        entry.chunks.push(Buffer.from(op.data));
        entry.size += op.data.length;
        break;
      }
      case 'delete': {
        const entry = open.get(op.file);
        if (!entry) throw new Error(`${where}: deletes a file that is not present`);
        if (op.size !== entry.size) throw new Error(`${where}: says the file was ${op.size} bytes, but it holds ${entry.size}`);
        entry.life.deletedSeq = op.seq;
        finish(entry);
        open.delete(op.file);
        break;
      }
      case 'resync':
        break;
    }
  }
  const files = new Map<string, Buffer>();
  for (const [name, entry] of open) {
    finish(entry);
    files.set(name, entry.life.data);
  }
  return { files, lives };
}

/** Every regular file directly in `dir`; symlinks and sub-directories are left out, not followed. */
export function sourceFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) files.set(entry.name, fs.readFileSync(path.join(dir, entry.name)));
  }
  return files;
}

/** Writes `files` into a new temp dir (for validatePacks) and returns its path. */
export function writeFiles(files: Iterable<[string, Buffer]>, prefix = 'rdm-rebuilt-'): string {
  const dir = tempDir(prefix);
  for (const [name, data] of files) fs.writeFileSync(path.join(dir, name), data);
  return dir;
}

/** What differs between two sets of files, one line each; empty when they are the same. */
export function diffFiles(actual: ReadonlyMap<string, Buffer>, expected: ReadonlyMap<string, Buffer>): string[] {
  const problems: string[] = [];
  const names = [...new Set([...actual.keys(), ...expected.keys()])].sort();
  for (const name of names) {
    const a = actual.get(name);
    const e = expected.get(name);
    if (a === undefined) problems.push(`${name}: missing (expected ${e!.length} bytes)`);
    else if (e === undefined) problems.push(`${name}: unexpected (${a.length} bytes)`);
    else if (!a.equals(e)) {
      let at = 0;
      while (at < a.length && at < e.length && a[at] === e[at]) at++;
      problems.push(`${name}: ${a.length} bytes, expected ${e.length}; first difference at offset ${at}`);
    }
  }
  return problems;
}

/** Fails with every name that is missing, unexpected or different (sizes, first differing offset). */
export function assertSameFiles(actual: ReadonlyMap<string, Buffer>, expected: ReadonlyMap<string, Buffer>, label = 'files'): void {
  const problems = diffFiles(actual, expected);
  if (problems.length === 0) return;
  const shown = problems.slice(0, 20).join('\n  ');
  const more = problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : '';
  throw new Error(`${label}: ${problems.length} of ${new Set([...actual.keys(), ...expected.keys()]).size} files differ ` +
    `(actual has ${actual.size}, expected ${expected.size}):\n  ${shown}${more}`);
}

/**
 * Says a test could not run here (no root, no tmpfs, no sshfs...): call it, then return from the
 * test. The line starts with `SKIP:` on a line of its own (uvu prints its ticks without a newline),
 * and `.ci/run` fails when any test printed one: a skipped test never passes silently in CI.
 */
export function skip(reason: string): void {
  console.log(`\nSKIP: ${reason}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Replay targets and hand-made journals (added with the replayer tests; imports kept here so the
// section stands alone)

import { createHash } from 'node:crypto';
import { Level } from 'level';
import { Packr } from 'msgpackr';
import { makeAppend, type Op } from '../src/journal/op.js';

/** A target's control directory: its cursor LevelDB. Never part of a comparison with a source. */
export const TARGET_CONTROL_DIR = '.rdm-journal';

/** The files a replay target holds: its regular files, the control directory left out. */
export function targetFiles(dir: string): Map<string, Buffer> {
  const files = sourceFiles(dir);
  files.delete(TARGET_CONTROL_DIR);
  return files;
}

/** What a target file is, per its cursor: size, and where its last append is with the CRC-32 of it. */
export type StoredTargetFile = FileTail & { kept?: boolean };

/** The cursor as stored under key 'cursor' in `<target>/.rdm-journal` (msgpack). */
export interface StoredCursor {
  version: number;
  journal: { createdAt: number; source: string | null };
  seq: number;
  applying: number | null;
  files: Record<string, StoredTargetFile>;
  updatedAt: number;
}

const rawPackr = new Packr({ useRecords: false });

/**
 * Reads the cursor and the 'writing' mark of a target's control LevelDB. By default it opens a
 * copy, so the target is never written (LevelDB writes on open, which fails on a full disk);
 * `inPlace` opens the real one, which also proves that no replay holds its lock.
 */
export async function readTargetControl(targetDir: string, { inPlace = false } = {}): Promise<{ cursor: StoredCursor | undefined; writing: unknown }> {
  let location = path.join(targetDir, TARGET_CONTROL_DIR);
  if (!inPlace) {
    const copy = path.join(tempDir('rdm-control-'), TARGET_CONTROL_DIR);
    fs.cpSync(location, copy, { recursive: true });
    location = copy;
  }
  const db = new Level<string, Uint8Array>(location, { keyEncoding: 'utf8', valueEncoding: 'view', createIfMissing: false });
  await db.open();
  try {
    const cursor = await db.get('cursor');
    const writing = await db.get('writing');
    return {
      cursor: cursor === undefined ? undefined : (rawPackr.unpack(cursor) as StoredCursor),
      writing: writing === undefined ? undefined : rawPackr.unpack(writing),
    };
  } finally {
    await db.close();
  }
}

/**
 * One line per entry directly in `dir`: name, kind, and for a regular file its size and SHA-256.
 * Two equal listings mean nothing in the directory was added, removed or rewritten (the contents
 * of sub-directories, such as a target's control LevelDB, are not looked into).
 */
export function describeDir(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
    if (!entry.isFile()) return `${entry.name} ${entry.isDirectory() ? 'dir' : 'other'}`;
    const data = fs.readFileSync(path.join(dir, entry.name));
    return `${entry.name} ${data.length} ${createHash('sha256').update(data).digest('hex').slice(0, 16)}`;
  }).sort();
}

export interface RawJournal {
  /** The `m`+`format` record; default { version: 1, createdAt: now }. */
  format?: Record<string, unknown>;
  /** The `m`+`source` record; none by default. */
  source?: Record<string, unknown>;
  /** Op maps stored as given at seqs 1, 2, ... (nothing is checked: they may be hostile). */
  ops: Array<Record<string, unknown>>;
}

/**
 * Writes a journal as raw LevelDB entries, following journal-format/README.md rather than the
 * Journal class: for journals the recorder would never write (hostile ops, newer versions).
 */
export async function writeRawJournal(dir: string, { format = { version: 1, createdAt: Date.now() }, source, ops }: RawJournal): Promise<void> {
  const metaKey = (name: string) => Buffer.concat([Buffer.from('m'), Buffer.from(name, 'utf8')]);
  const opKeyOf = (seq: number) => {
    const key = Buffer.alloc(9);
    key.write('o', 0, 'latin1');
    key.writeBigUInt64BE(BigInt(seq), 1);
    return key;
  };
  const db = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
  await db.open();
  try {
    const puts = [{ type: 'put' as const, key: metaKey('format'), value: rawPackr.pack(format) }];
    if (source) puts.push({ type: 'put', key: metaKey('source'), value: rawPackr.pack(source) });
    ops.forEach((op, i) => puts.push({ type: 'put', key: opKeyOf(i + 1), value: rawPackr.pack(op) }));
    await db.batch(puts);
  } finally {
    await db.close();
  }
}

/**
 * The ops a recorder would record for an engine writing `packs` in order with vacuum keeping
 * `keep` packs (0 = none deleted): create, then the deletes of the lowest packs, then appends of
 * at most `chunk` bytes. Also returns what the source holds at the end and what was deleted.
 */
export function packOps(packs: ReadonlyArray<[string, Buffer]>, { chunk, keep = 0 }: { chunk: number; keep?: number }):
    { ops: Op[]; live: Map<string, Buffer>; deleted: string[] } {
  const ops: Op[] = [];
  const live = new Map<string, Buffer>();
  const deleted: string[] = [];
  const at = Date.now();
  for (const [name, data] of packs) {
    ops.push({ type: 'create', at, file: name, ino: ops.length + 1 });
    live.set(name, data);
    while (keep > 0 && live.size > keep) {
      const [oldest, bytes] = live.entries().next().value as [string, Buffer];
      ops.push({ type: 'delete', at, file: oldest, size: bytes.length });
      live.delete(oldest);
      deleted.push(oldest);
    }
    for (let offset = 0; offset < data.length; offset += chunk) {
      ops.push(makeAppend(name, offset, data.subarray(offset, offset + chunk), at));
    }
  }
  return { ops, live, deleted };
}

/** Appends `ops` to a new journal through the Journal class (its invariants checked); returns the head. */
export async function writeJournal(dir: string, ops: readonly Op[]): Promise<number> {
  const journal = await Journal.open(dir, { create: true });
  try {
    for (let i = 0; i < ops.length; i += 1000) await journal.append(ops.slice(i, i + 1000), { sync: false });
    return journal.head;
  } finally {
    await journal.close();
  }
}
