/**
 * Helpers for the fault-injection scenarios (test/faults/; run by tools/faults.ts and test/faults.test.ts): a seeded random
 * source, the CLI as a child with its outcome classified (exit, error code, stack trace or not),
 * small filesystems, copies of journals, and the checks that say "nothing was lost silently":
 * every pack the engine created is in the journal or named by a resync, and every transaction is
 * in the journal or in a pack a resync marks.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { JournalOp } from '../../src/journal/op.js';
import { checksum } from '../../src/journal/op.js';
import { packName, packNumber, scanPack } from '../engine/packs.js';
import {
  describeOutput, errorEvent, type FileLife, outputOf, readTargetControl, replayOps, resultEvent, runCli, sleep, tempDir, waitForExit,
} from '../support.js';

// ---------------------------------------------------------------------------------------------
// Randomness: seeded, so a failing run can be told apart from another (timing stays real).

export class Rng {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }
  /** Uniform in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

// ---------------------------------------------------------------------------------------------
// The CLI, its outcome classified

export interface CliOutcome {
  exit: number | null;
  signal: NodeJS.Signals | null;
  /** The `--json` error's code, undefined when none was printed. */
  code: string | undefined;
  message: string | undefined;
  result: Record<string, unknown> | undefined;
  /** INTERNAL or a JavaScript stack trace on stderr: a bug, whatever the input. */
  internal: boolean;
  stdout: string;
  stderr: string;
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

export function hasStackTrace(text: string): boolean {
  return STACK_LINE.test(text);
}

/** Runs `rdm-journal ...args --json` to its end and classifies what happened. */
export async function cli(args: string[], timeoutMs = 120_000): Promise<CliOutcome> {
  const run = await runCli([...args, '--json'], { timeoutMs });
  return outcomeOf(run.code, run.signal, run.stdout, run.stderr);
}

export function outcomeOf(exit: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string): CliOutcome {
  let error: ReturnType<typeof errorEvent>;
  let result: Record<string, unknown> | undefined;
  try {
    error = errorEvent(stdout);
    result = resultEvent(stdout);
  } catch {
    // a line starting with '{' that is not JSON: reported as internal below
    return { exit, signal, code: undefined, message: undefined, result: undefined, internal: true, stdout, stderr };
  }
  return {
    exit, signal, code: error?.code, message: error?.message, result,
    internal: error?.code === 'INTERNAL' || hasStackTrace(stderr) || hasStackTrace(stdout), stdout, stderr,
  };
}

/** One line for a report: exit status and code. */
export function describeOutcome(o: CliOutcome): string {
  const what = o.signal ? `killed by ${o.signal}` : `exit ${o.exit}`;
  return `${what}${o.code ? ` ${o.code}` : ''}${o.message ? ` (${o.message.slice(0, 200)})` : ''}${o.internal ? ' [INTERNAL/stack trace]' : ''}`;
}

/** A long-running child (record, replay --follow) after it ended: its outcome. */
export async function childOutcome(child: ChildProcess, timeoutMs = 60_000): Promise<CliOutcome> {
  const { code, signal } = await waitForExit(child, timeoutMs);
  const { stdout, stderr } = outputOf(child);
  return outcomeOf(code, signal, stdout, stderr);
}

/** SIGTERMs a long-running child and returns how it ended (a clean stop is exit 0). */
export async function stopChild(child: ChildProcess, timeoutMs = 120_000): Promise<CliOutcome> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  return childOutcome(child, timeoutMs);
}

export function describeChild(child: ChildProcess): string {
  return describeOutput(child).slice(-3000);
}

// ---------------------------------------------------------------------------------------------
// Root-only tools: small filesystems and the inotify queue size

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Mounts a tmpfs of `size` on a new directory, runs `work` on it, and always unmounts it.
 * Returns null (work not run) when the mount is not possible: not root, or no tmpfs.
 */
export async function withTmpfs<T>(size: string, work: (dir: string) => Promise<T>): Promise<T | null> {
  const dir = tempDir('rdm-fault-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    return null;
  }
  try {
    return await work(dir);
  } finally {
    for (let attempt = 0; ; attempt++) {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
        break;
      } catch (err) {
        if (attempt >= 20) {
          execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
          break;
        }
        await sleep(100); // a child we killed may still be closing its files
        void err;
      }
    }
  }
}

/** Gives a tmpfs mounted by withTmpfs more room: "space is freed". */
export function growTmpfs(dir: string, size = '512m'): void {
  execFileSync('mount', ['-o', `remount,size=${size}`, dir], { stdio: 'pipe' });
}

export const MAX_QUEUED_EVENTS = '/proc/sys/fs/inotify/max_queued_events';

/**
 * Runs `start` with fs.inotify.max_queued_events set to `value` (read by inotify_init: only
 * instances created meanwhile get it) and restores the old value in every case. Returns null when
 * the value cannot be written (not root).
 */
export async function withQueueLimit<T>(value: number, start: () => Promise<T>): Promise<T | null> {
  let original: string;
  try {
    original = fs.readFileSync(MAX_QUEUED_EVENTS, 'utf8').trim();
    fs.writeFileSync(MAX_QUEUED_EVENTS, original);
  } catch {
    return null;
  }
  try {
    fs.writeFileSync(MAX_QUEUED_EVENTS, String(value));
    return await start();
  } finally {
    fs.writeFileSync(MAX_QUEUED_EVENTS, original);
  }
}

// ---------------------------------------------------------------------------------------------
// Directories

/** Copies a directory tree, leaving out sockets (a journal's journal.sock cannot be copied). */
export function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true, filter: (file) => !fs.lstatSync(file).isSocket() });
}

/**
 * Every entry under `dir`, recursively: path, kind, and for regular files size and SHA-256, for
 * symlinks their target. Two equal listings mean nothing under `dir` was added, removed or changed.
 */
export function describeTree(dir: string, skip: (relative: string) => boolean = () => false): string[] {
  const lines: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const rel = path.join(relative, entry.name);
      if (skip(rel)) continue;
      const full = path.join(dir, rel);
      if (entry.isDirectory()) {
        lines.push(`${rel}/`);
        walk(rel);
      } else if (entry.isSymbolicLink()) lines.push(`${rel} -> ${fs.readlinkSync(full)}`);
      else if (entry.isFile()) {
        const data = fs.readFileSync(full);
        lines.push(`${rel} ${data.length} ${createHash('sha256').update(data).digest('hex').slice(0, 16)}`);
      } else lines.push(`${rel} (other)`);
    }
  };
  walk('');
  return lines.sort();
}

export function totalBytes(files: ReadonlyMap<string, Buffer>): number {
  let bytes = 0;
  for (const data of files.values()) bytes += data.length;
  return bytes;
}

/**
 * What a stopped replay left: when no batch was in flight (applying null), the target holds exactly
 * the cursor's files, each of its recorded size and ending with its recorded bytes. Returns problems.
 * A batch in flight is checked by the next replay (TARGET_DIVERGED is a failure there).
 */
export async function checkStoppedTarget(target: string, files: ReadonlyMap<string, Buffer>): Promise<{ seq: number; applying: number | null; problems: string[] }> {
  const problems: string[] = [];
  if (!fs.existsSync(path.join(target, '.rdm-journal', 'CURRENT'))) return { seq: 0, applying: null, problems };
  const { cursor } = await readTargetControl(target);
  if (!cursor) return { seq: 0, applying: null, problems };
  if (cursor.applying !== null) return { seq: cursor.seq, applying: cursor.applying, problems };
  const names = new Set([...files.keys()]);
  for (const [name, want] of Object.entries(cursor.files)) {
    const data = files.get(name);
    names.delete(name);
    if (!data) {
      problems.push(`cursor at op ${cursor.seq} lists ${name}, which is not on the target`);
      continue;
    }
    if (data.length !== want.size) problems.push(`${name}: ${data.length} bytes on the target, the cursor at op ${cursor.seq} says ${want.size}`);
    else if (want.tailLength > 0 && checksum(data.subarray(want.tailOffset, want.tailOffset + want.tailLength)) !== want.tailCrc) {
      problems.push(`${name}: the bytes at ${want.tailOffset}..${want.tailOffset + want.tailLength} are not the cursor's (op ${cursor.seq})`);
    }
  }
  for (const name of names) problems.push(`${name} is on the target but not in its cursor at op ${cursor.seq}`);
  return { seq: cursor.seq, applying: null, problems };
}

/** The files the journal's ops leave after op `seq` (from ops read beforehand). */
export function stateAt(ops: readonly JournalOp[], seq: number): Map<string, Buffer> {
  return replayOps(ops.filter((op) => op.seq <= seq)).files;
}

// ---------------------------------------------------------------------------------------------
// "Never silent": packs and transactions against the resyncs that mark what could not be seen

export interface Coverage {
  /** Packs the engine created that the journal recorded (created). */
  recorded: number;
  /** Packs named by a `missed` resync. */
  missed: number;
  /** Recorded packs marked `vanished` (bytes after the recorded size may be lost). */
  vanished: number;
  /** Packs never recorded nor named, right after a pack marked vanished: the recorder was down. */
  unnamedAfterVanished: string[];
  /** Packs never recorded nor named, inside the window of an overflow resync. */
  unnamedInOverflow: string[];
  /** Transactions in no recorded pack, marked by a resync next to them. */
  transactionsMarkedLost: number;
  /** Resyncs that an append-only engine can never cause (shrunk, changed, replaced). */
  unexpectedResyncs: string[];
  /** Losses no resync marks, and anything else wrong: each one a failure. */
  problems: string[];
}

export interface CoverageInput {
  ops: readonly JournalOp[];
  lives: readonly FileLife[];
  /** From the engine's summary: packs 1..packsCreated existed, transactions 1..lastTxId committed. */
  packsCreated: number;
  lastTxId: number;
  nameWidth: number;
  /** Resync reasons that are expected here (default vanished, missed, overflow). */
  allowedReasons?: readonly string[];
}

/**
 * Every pack the engine created is recorded, or named by a `missed` resync, or sits in a gap a
 * resync marks (after a pack marked `vanished`, or in an overflow's window); every committed
 * transaction is in a recorded pack or in such a marked gap; a recorded pack ends with a torn
 * transaction only when it is marked vanished. Anything else is a silent loss.
 */
export function checkCoverage({ ops, lives, packsCreated, lastTxId, nameWidth, allowedReasons = ['vanished', 'missed', 'overflow'] }: CoverageInput): Coverage {
  const problems: string[] = [];
  const resyncs = ops.filter((op): op is JournalOp & { type: 'resync' } => op.type === 'resync');
  const unexpectedResyncs = resyncs.filter((op) => !allowedReasons.includes(op.reason)).map((op) => `op ${op.seq} ${op.reason} ${op.file ?? ''}: ${op.detail}`);
  const missedNames = new Set(resyncs.filter((op) => op.reason === 'missed' && op.file).map((op) => op.file!));
  const vanishedNames = new Set(resyncs.filter((op) => op.reason === 'vanished' && op.file).map((op) => op.file!));
  const overflowSeqs = resyncs.filter((op) => op.reason === 'overflow').map((op) => op.seq);

  const byNumber = new Map<number, FileLife[]>();
  for (const life of lives) {
    const number = packNumber(life.name);
    if (number === null) continue;
    byNumber.set(number, [...(byNumber.get(number) ?? []), life]);
  }
  for (const [number, list] of byNumber) {
    if (list.length > 1) problems.push(`pack ${number} was recorded ${list.length} times (created again after a delete)`);
  }
  const recordedNumbers = [...byNumber.keys()].sort((a, b) => a - b);
  const createSeq = (number: number) => byNumber.get(number)![0]!.createdSeq;
  // Passes, told apart in the journal: a pass records appends and creates, then deletes and
  // missed/vanished resyncs; an overflow resync starts one. A pass that is busy when the kernel drops
  // events records the files it already holds, and the overflow resync opens the next pass: so the
  // marker of a gap may follow creates of higher packs by one pass.
  const passOf = new Map<number, number>();
  let pass = 0;
  let inTail = false;
  for (const op of ops) {
    const tail = op.type === 'delete' || (op.type === 'resync' && op.reason !== 'overflow');
    if ((op.type === 'resync' && op.reason === 'overflow') || (!tail && inTail)) pass += 1;
    inTail = tail;
    passOf.set(op.seq, pass);
  }
  /** An overflow resync from the pass of op `fromSeq` up to the pass after the one of op `toSeq`. */
  const overflowBetween = (fromSeq: number, toSeq: number) => {
    const lo = fromSeq === 0 ? 0 : passOf.get(fromSeq)!;
    const hi = toSeq === Infinity ? Infinity : passOf.get(toSeq)! + 1;
    return overflowSeqs.some((seq) => passOf.get(seq)! >= lo && passOf.get(seq)! <= hi);
  };

  /** Why the gap between recorded packs `below` and `above` (either may be absent) is marked, or null. */
  const gapMark = (below: number | undefined, above: number | undefined): 'vanished' | 'overflow' | null => {
    if (below !== undefined && vanishedNames.has(byNumber.get(below)![0]!.name)) return 'vanished';
    if (overflowBetween(below === undefined ? 0 : createSeq(below), above === undefined ? Infinity : createSeq(above))) return 'overflow';
    return null;
  };

  const unnamedAfterVanished: string[] = [];
  const unnamedInOverflow: string[] = [];
  let missed = 0;
  for (let number = 1; number <= packsCreated; number++) {
    const name = packName(number, nameWidth);
    if (byNumber.has(number)) continue;
    if (missedNames.has(name)) {
      missed += 1;
      continue;
    }
    const below = recordedNumbers.filter((n) => n < number).at(-1);
    const above = recordedNumbers.find((n) => n > number);
    const mark = gapMark(below, above);
    if (mark === 'vanished') unnamedAfterVanished.push(name);
    else if (mark === 'overflow') unnamedInOverflow.push(name);
    else problems.push(`${name}: created by the engine, never in the journal, and no resync marks it (a silent loss)`);
  }

  // Transactions: whole frames, ids running on from one recorded pack to the next unless marked.
  let previous: { number: number; lastTx: number } | null = null;
  let transactionsMarkedLost = 0;
  for (const number of recordedNumbers) {
    const life = byNumber.get(number)![0]!;
    const scan = scanPack(life.data);
    const vanished = vanishedNames.has(life.name);
    if (scan.tail?.kind === 'corrupt') problems.push(`${life.name}: the recorded bytes are not the engine's at offset ${scan.tail.offset}: ${scan.tail.reason}`);
    else if (scan.tail?.kind === 'torn' && !vanished) {
      problems.push(`${life.name}: ends with ${scan.tail.bytes} bytes of an incomplete transaction, and no vanished resync marks it`);
    }
    for (let i = 1; i < scan.frames.length; i++) {
      if (scan.frames[i]!.txId !== scan.frames[i - 1]!.txId + 1) problems.push(`${life.name}: transaction ${scan.frames[i]!.txId} follows ${scan.frames[i - 1]!.txId}`);
    }
    const first = scan.frames[0]?.txId;
    if (first !== undefined) {
      const expected = previous === null ? 1 : previous.lastTx + 1;
      if (first < expected) problems.push(`${life.name}: starts at transaction ${first}, already recorded before`);
      else if (first > expected) {
        // The loss is marked when a pack from the one holding the previous transaction up to this
        // one vanished (its tail, and what followed, were written while nothing watched), or is
        // named missed, or an overflow lies between them.
        const from = previous?.number ?? 0;
        const marked = Array.from({ length: number - from }, (_, i) => from + i).some((n) => {
          const name = byNumber.get(n)?.[0]?.name ?? packName(n, nameWidth);
          return vanishedNames.has(name) || missedNames.has(name);
        }) || overflowBetween(previous === null ? 0 : createSeq(previous.number), createSeq(number));
        if (marked) transactionsMarkedLost += first - expected;
        else problems.push(`transactions ${expected}..${first - 1} are in no recorded pack (before ${life.name}) and no resync marks their loss`);
      }
      previous = { number, lastTx: scan.frames.at(-1)!.txId };
    }
  }
  if (lastTxId > 0 && previous?.lastTx !== lastTxId) {
    problems.push(`the journal's last whole transaction is ${previous?.lastTx ?? 'none'}, the engine committed ${lastTxId}`);
  }
  problems.push(...unexpectedResyncs.map((line) => `unexpected resync ${line}`));
  return {
    recorded: recordedNumbers.length, missed, vanished: [...vanishedNames].filter((name) => packNumber(name) !== null).length,
    unnamedAfterVanished, unnamedInOverflow, transactionsMarkedLost, unexpectedResyncs, problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Byte flips

/** XORs the byte at `offset` of `file` with `mask` (non-zero); returns the old and new byte. */
export function flipByte(file: string, offset: number, mask: number): { before: number; after: number } {
  const fd = fs.openSync(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    fs.readSync(fd, byte, 0, 1, offset);
    const before = byte[0]!;
    byte[0] = before ^ (mask & 0xff || 0x01);
    fs.writeSync(fd, byte, 0, 1, offset);
    return { before, after: byte[0]! };
  } finally {
    fs.closeSync(fd);
  }
}
