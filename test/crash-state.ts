/**
 * Power-cut crash states, in the spirit of ALICE (Pillai et al., "All File Systems Are Not Created
 * Equal", OSDI '14). A SIGKILL leaves the page cache behind, so it never shows a missing flush; a
 * power cut does. Here a command runs under strace; its calls on a few directories (the "roots")
 * become an ordered list of changes (writes, truncates, names created, renamed, removed) and of
 * flushes (fsync, fdatasync); a crash state at a cut point is the roots' content before the run plus
 * every change a power cut there could not have lost, plus a chosen subset of those it could have.
 *
 * The persistence model (strict on data, ordered on names, like ext4 with data=ordered):
 * - Data. A write (write, pwrite64, writev, pwritev, copy_file_range) or truncate (O_TRUNC,
 *   ftruncate) of a file is durable once an fsync or fdatasync of that file, entered after the write
 *   returned, has returned (sync_file_range never makes it durable).
 *   Until then each such change may be lost on its own, whatever became of the others (a lost write
 *   that had extended the file leaves zeros under a later one that survived).
 * - Names. Creating (open with O_CREAT of an absent name, mkdir), renaming or removing an entry is
 *   durable once an fsync of its directory, entered after it, has returned; an fsync of the file
 *   does not make its name durable. The entries of one directory survive in the order they were
 *   made (a journaling file system commits its metadata in order): a later change of a directory's
 *   entries never survives an earlier lost one. Without this, LevelDB itself (which renames CURRENT
 *   and removes the old MANIFEST without an fsync of its directory) would lose its database.
 * - What the roots held before the run is durable.
 * Data written through mmap, or through descriptors duplicated with dup, is not seen: the model is
 * checked against reality instead (`finalState` must equal the roots as the run left them).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The calls a trace must hold; other calls do not change file contents or names. */
const TRACED = ['openat', 'open', 'creat', 'close', 'write', 'pwrite64', 'writev', 'pwritev', 'pwritev2', 'fsync', 'fdatasync',
  'sync_file_range', 'sync', 'syncfs', 'rename', 'renameat', 'renameat2', 'unlink', 'unlinkat', 'rmdir', 'mkdir', 'mkdirat',
  'truncate', 'ftruncate', 'fallocate', 'link', 'linkat', 'symlink', 'symlinkat', 'copy_file_range', 'sendfile', 'dup', 'dup2', 'dup3'];

/** A change of the roots, in the order the calls returned. `file` ids name inodes, not paths. */
export type Change =
  | { kind: 'write'; file: number; path: string; offset: number; data: Buffer; at: number }
  | { kind: 'truncate'; file: number; path: string; size: number; at: number }
  | { kind: 'link'; dir: string; path: string; file: number; at: number }
  | { kind: 'mkdir'; dir: string; path: string; at: number }
  | { kind: 'rename'; dir: string; from: string; to: string; at: number }
  | { kind: 'unlink'; dir: string; path: string; at: number };

/** An fsync/fdatasync: makes durable the changes of its file (or entries of its directory) made before it was entered. */
export interface Flush { target: { file: number } | { dir: string }; path: string; before: number; at: number }

export interface Trace {
  roots: string[];
  /** The roots before the run: every path under them, a directory or a file id. */
  initial: Map<string, Node>;
  /** Contents of the files in `initial`, by id. */
  initialFiles: Map<number, Buffer>;
  changes: Change[];
  flushes: Flush[];
  /** Calls seen (cut points run from 0 to this). */
  calls: number;
}

type Node = { type: 'dir' } | { type: 'file'; file: number };

/** A directory tree in memory: names to nodes, file ids to bytes. */
class Tree {
  constructor(readonly names: Map<string, Node>, readonly files: Map<number, Buffer>) {}

  static copy(names: Map<string, Node>, files: Map<number, Buffer>): Tree {
    return new Tree(new Map(names), new Map(files));
  }

  apply(change: Change): void {
    switch (change.kind) {
      case 'write': {
        const old = this.files.get(change.file) ?? Buffer.alloc(0);
        const end = change.offset + change.data.length;
        const next = Buffer.alloc(Math.max(old.length, end));
        old.copy(next);
        change.data.copy(next, change.offset);
        this.files.set(change.file, next);
        break;
      }
      case 'truncate': {
        const old = this.files.get(change.file) ?? Buffer.alloc(0);
        const next = Buffer.alloc(change.size);
        old.copy(next, 0, 0, Math.min(old.length, change.size));
        this.files.set(change.file, next);
        break;
      }
      case 'link':
        this.names.set(change.path, { type: 'file', file: change.file });
        break;
      case 'mkdir':
        this.names.set(change.path, { type: 'dir' });
        break;
      case 'unlink':
        for (const name of this.under(change.path)) this.names.delete(name);
        break;
      case 'rename': {
        const moved = this.under(change.from).map((name) => [name, this.names.get(name)!] as const);
        for (const name of this.under(change.to)) this.names.delete(name);
        for (const [name] of moved) this.names.delete(name);
        for (const [name, node] of moved) this.names.set(change.to + name.slice(change.from.length), node);
        break;
      }
    }
  }

  /** `where` and every name below it. */
  private under(where: string): string[] {
    return [...this.names.keys()].filter((name) => name === where || name.startsWith(where + '/'));
  }

  /** Regular files reachable from a root (a name whose directory's own name was lost is an orphan). */
  reachable(roots: readonly string[]): Map<string, Buffer | 'dir'> {
    const out = new Map<string, Buffer | 'dir'>();
    const reaches = (name: string): boolean => roots.includes(name) || (this.names.get(path.dirname(name))?.type === 'dir' && reaches(path.dirname(name)));
    for (const [name, node] of [...this.names].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!reaches(name)) continue;
      out.set(name, node.type === 'dir' ? 'dir' : this.files.get(node.file) ?? Buffer.alloc(0));
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Running under strace

export function haveStrace(): boolean {
  return spawnSync('strace', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** Runs `command` under strace (threads followed, fds resolved to paths, data in full as hex); resolves with the trace text and exit code. */
export function traceCommand(command: string[], { cwd, traceFile }: { cwd: string; traceFile: string }): Promise<{ code: number | null; output: string; trace: string }> {
  const args = ['-f', '-y', '-qq', '-xx', '-s', String(64 * 1024 * 1024), '-e', 'abbrev=none', '-e', `trace=${TRACED.join(',')}`, '-o', traceFile, ...command];
  return new Promise((resolve, reject) => {
    const child = spawn('strace', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => { output += text; });
    child.stderr.setEncoding('utf8').on('data', (text: string) => { output += text; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, trace: fs.readFileSync(traceFile, 'latin1') });
    });
  });
}

/** Every directory and regular file under `roots`, read now (for the state before a run). */
export function readTree(roots: readonly string[]): { names: Map<string, Node>; files: Map<number, Buffer> } {
  const names = new Map<string, Node>();
  const files = new Map<number, Buffer>();
  const walk = (dir: string) => {
    names.set(dir, { type: 'dir' });
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const id = files.size + 1;
        files.set(id, fs.readFileSync(full));
        names.set(full, { type: 'file', file: id });
      }
    }
  };
  for (const root of roots) walk(root);
  return { names, files };
}

// ---------------------------------------------------------------------------------------------
// Parsing: strace -f -y -xx lines into changes and flushes

interface Call { name: string; args: string[]; ret: string }

/** Splits `a, [b, {c}], "d"` at its top-level commas. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (c === '[' || c === '{' || c === '<' || c === '(') depth++;
    else if (c === ']' || c === '}' || c === '>' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (text.slice(start).trim() !== '') out.push(text.slice(start).trim());
  return out;
}

/** The bytes of a `"\x2f\x74..."` string (strace -xx); refuses one strace cut short. */
function bytesOf(quoted: string): Buffer {
  const match = /^"((?:\\x[0-9a-f]{2})*)"(\.\.\.)?$/.exec(quoted);
  if (!match || match[2]) throw new Error(`strace string not understood or cut short: ${quoted.slice(0, 80)}`);
  return Buffer.from(match[1]!.replace(/\\x/g, ''), 'hex');
}

/** The path in a `23<\x2f...>` annotation (strace -y), or null. */
function annotation(text: string): string | null {
  const match = /<((?:\\x[0-9a-f]{2})*)>$/.exec(text);
  return match ? Buffer.from(match[1]!.replace(/\\x/g, ''), 'hex').toString('utf8') : null;
}

/** The offset of copy_file_range's `[123]` (strace shows the loff_t it points to); a NULL offset is not modelled. */
function offsetArg(text: string): number {
  const match = /^\[(\d+)/.exec(text);
  if (!match) throw new Error(`strace: copy_file_range with offset ${text} (no explicit offset) is not modelled`);
  return Number.parseInt(match[1]!, 10);
}

/**
 * `length` bytes of `file` (outside the roots) at `offset`, read after the run: the only such
 * source is a journal data file, whose committed ranges are never rewritten (src/data-files.ts).
 */
function sourceBytes(file: string, offset: number, length: number): Buffer {
  const data = Buffer.alloc(length);
  const fd = fs.openSync(file, 'r');
  try {
    const got = fs.readSync(fd, data, 0, length, offset);
    if (got !== length) throw new Error(`strace: copy_file_range copied ${length} bytes of ${file} at ${offset}, which now holds ${got}`);
  } finally {
    fs.closeSync(fd);
  }
  return data;
}

/** The data of a `[{iov_base="...", iov_len=N}, ...]` vector. */
function vectorBytes(text: string): Buffer {
  return Buffer.concat([...text.matchAll(/iov_base=("(?:\\x[0-9a-f]{2})*"(?:\.\.\.)?)/g)].map((m) => bytesOf(m[1]!)));
}

/** The completed calls of a trace, in the order they returned, with each one's entry position. */
function* completedCalls(trace: string): Generator<Call & { enteredAfter: number }> {
  const pending = new Map<string, { text: string; enteredAfter: number }>();
  let completed = 0;
  for (const line of trace.split('\n')) {
    const match = /^(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [, pid, rest] = match as unknown as [string, string, string];
    if (rest.startsWith('+++') || rest.startsWith('---')) continue;
    let text: string;
    let enteredAfter = completed;
    const resumed = /^<\.\.\. \w+ resumed>(.*)$/.exec(rest);
    if (resumed) {
      const start = pending.get(pid);
      if (!start) throw new Error(`strace: a resumed call without its start: ${line.slice(0, 120)}`);
      pending.delete(pid);
      text = start.text + resumed[1];
      enteredAfter = start.enteredAfter;
    } else if (rest.endsWith(' <unfinished ...>')) {
      pending.set(pid, { text: rest.slice(0, -' <unfinished ...>'.length), enteredAfter: completed });
      continue;
    } else {
      text = rest;
    }
    const call = /^(\w+)\((.*)\)\s+= (.*)$/s.exec(text);
    if (!call) {
      if (/^\w+\(.*\) = \?$/.test(text) || text.endsWith('= ?')) continue; // exit_group and calls cut by the exit
      throw new Error(`strace line not understood: ${text.slice(0, 120)}`);
    }
    completed++;
    yield { name: call[1]!, args: splitArgs(call[2]!), ret: call[3]!.trim(), enteredAfter };
  }
}

/**
 * Parses the traces of commands run one after another on the same roots into one list of changes
 * and flushes. `before` is the roots' state before the first (readTree); `cwd` the commands' cwd.
 */
export function parseTraces(traces: readonly string[], roots: readonly string[], before: ReturnType<typeof readTree>, cwd: string): Trace {
  const tree = Tree.copy(before.names, before.files);
  let nextFile = Math.max(0, ...before.files.keys()) + 1;
  const changes: Change[] = [];
  const flushes: Flush[] = [];
  const inRoots = (p: string) => roots.some((root) => p === root || p.startsWith(root + '/'));
  const underRoot = (p: string) => roots.some((root) => p.startsWith(root + '/')); // a root's own name is never changed
  let calls = 0;
  for (const trace of traces) {
    /** Open descriptors on the roots: which file, and where write() writes. */
    const fds = new Map<number, { node: Node; path: string; pos: number; append: boolean }>();
    const traceStart = calls;
    let seen = calls;
    const record = (change: Change) => {
      changes.push(change);
      tree.apply(change);
    };
    const pathArg = (dirArg: string | null, quoted: string) => {
      const name = bytesOf(quoted).toString('utf8');
      if (path.isAbsolute(name)) return path.normalize(name);
      const base = dirArg === null ? cwd : annotation(dirArg) ?? cwd;
      return path.resolve(base, name);
    };
    const fdOf = (arg: string) => {
      const fd = Number.parseInt(arg, 10);
      const entry = fds.get(fd);
      const shown = annotation(arg);
      if (!entry) {
        if (shown !== null && inRoots(shown.replace(/ \(deleted\)$/, '')) && !shown.endsWith(' (deleted)')) throw new Error(`strace: fd ${fd} on ${shown} was not seen opened`);
        return null;
      }
      return entry;
    };
    for (const call of completedCalls(trace)) {
      const at = seen++;
      const failed = call.ret.startsWith('-1 ') || call.ret === '-1';
      if (failed) continue;
      const ret = Number.parseInt(call.ret, 10);
      switch (call.name) {
        case 'openat': case 'open': case 'creat': {
          const [dirArg, nameArg, flagsArg = ''] = call.name === 'openat' ? call.args : [null, call.args[0]!, call.name === 'creat' ? 'O_CREAT|O_WRONLY|O_TRUNC' : call.args[1]];
          const where = annotation(call.ret) ?? pathArg(dirArg, nameArg!);
          fds.delete(ret);
          if (!inRoots(where)) break;
          let node = tree.names.get(where);
          if (node === undefined) {
            if (!/O_CREAT/.test(flagsArg)) throw new Error(`strace: ${where} opened without O_CREAT but not known`);
            node = { type: 'file', file: nextFile++ };
            record({ kind: 'link', dir: path.dirname(where), path: where, file: node.file, at });
          } else if (node.type === 'file' && /O_TRUNC/.test(flagsArg) && /O_WRONLY|O_RDWR/.test(flagsArg)) {
            record({ kind: 'truncate', file: node.file, path: where, size: 0, at });
          }
          fds.set(ret, { node, path: where, pos: 0, append: /O_APPEND/.test(flagsArg) });
          break;
        }
        case 'close': {
          // A close printed after another thread's open that reused its number names the old file: skip it.
          const fd = Number.parseInt(call.args[0]!, 10);
          const shown = annotation(call.args[0]!)?.replace(/ \(deleted\)$/, '');
          if (shown === undefined || shown === fds.get(fd)?.path) fds.delete(fd);
          break;
        }
        case 'write': case 'writev': case 'pwrite64': case 'pwritev': case 'pwritev2': {
          const entry = fdOf(call.args[0]!);
          if (!entry) break;
          if (entry.node.type !== 'file') throw new Error(`strace: ${call.name} to directory ${entry.path}`);
          const data = (call.name.includes('writev') ? vectorBytes(call.args[1]!) : bytesOf(call.args[1]!)).subarray(0, ret);
          if (data.length !== ret) throw new Error(`strace: ${call.name} returned ${ret} but shows ${data.length} bytes`);
          const positional = call.name.startsWith('p');
          const current = tree.files.get(entry.node.file) ?? Buffer.alloc(0);
          const offset = positional ? Number.parseInt(call.args[call.args.length - (call.name === 'pwritev2' ? 2 : 1)]!, 10)
            : entry.append ? current.length : entry.pos;
          if (!positional) entry.pos = offset + ret;
          record({ kind: 'write', file: entry.node.file, path: entry.path, offset, data: Buffer.from(data), at });
          break;
        }
        case 'ftruncate': {
          const entry = fdOf(call.args[0]!);
          if (entry?.node.type === 'file') record({ kind: 'truncate', file: entry.node.file, path: entry.path, size: Number.parseInt(call.args[1]!, 10), at });
          break;
        }
        case 'truncate': {
          const where = pathArg(null, call.args[0]!);
          const node = tree.names.get(where);
          if (node?.type === 'file') record({ kind: 'truncate', file: node.file, path: where, size: Number.parseInt(call.args[1]!, 10), at });
          break;
        }
        case 'fsync': case 'fdatasync': {
          const entry = fdOf(call.args[0]!);
          if (!entry) break;
          // What the flush covers is what had returned when it was entered, not when it returned.
          flushes.push({ target: entry.node.type === 'dir' ? { dir: entry.path } : { file: entry.node.file }, path: entry.path,
            before: countBefore(changes, traceStart + call.enteredAfter), at });
          break;
        }
        case 'mkdir': case 'mkdirat': {
          const where = call.name === 'mkdir' ? pathArg(null, call.args[0]!) : pathArg(call.args[0]!, call.args[1]!);
          if (underRoot(where)) record({ kind: 'mkdir', dir: path.dirname(where), path: where, at });
          break;
        }
        case 'unlink': case 'unlinkat': case 'rmdir': {
          const where = call.name === 'unlinkat' ? pathArg(call.args[0]!, call.args[1]!) : pathArg(null, call.args[0]!);
          if (underRoot(where) && tree.names.has(where)) record({ kind: 'unlink', dir: path.dirname(where), path: where, at });
          break;
        }
        case 'rename': case 'renameat': case 'renameat2': {
          const [from, to] = call.name === 'rename' ? [pathArg(null, call.args[0]!), pathArg(null, call.args[1]!)]
            : [pathArg(call.args[0]!, call.args[1]!), pathArg(call.args[2]!, call.args[3]!)];
          if (!underRoot(from) && !underRoot(to)) break;
          if (path.dirname(from) !== path.dirname(to) || !underRoot(from) || !underRoot(to)) throw new Error(`strace: rename across directories (${from} -> ${to}) is not modelled`);
          if (!tree.names.has(from)) break;
          record({ kind: 'rename', dir: path.dirname(to), from, to, at });
          for (const entry of fds.values()) if (entry.path === from) entry.path = to;
          break;
        }
        case 'dup': case 'dup2': case 'dup3': {
          if (fdOf(call.args[0]!)) throw new Error(`strace: ${call.name} of a descriptor on the roots is not modelled`);
          fds.delete(ret);
          break;
        }
        case 'copy_file_range': {
          // copy_file_range(in, [inOffset], out, [outOffset], length, flags) = copied: a positional
          // write to `out` of what `in` holds there, a durable change only after a flush as any write.
          const entry = fdOf(call.args[2]!);
          const source = annotation(call.args[0]!)?.replace(/ \(deleted\)$/, '') ?? null;
          if (!entry) break;
          if (entry.node.type !== 'file') throw new Error(`strace: copy_file_range to directory ${entry.path}`);
          if (source === null || inRoots(source)) throw new Error(`strace: copy_file_range from ${source ?? 'an unnamed descriptor'} (in the roots, or unknown) is not modelled`);
          const data = sourceBytes(source, offsetArg(call.args[1]!), ret);
          record({ kind: 'write', file: entry.node.file, path: entry.path, offset: offsetArg(call.args[3]!), data, at });
          break;
        }
        case 'sync_file_range':
          // A hint to start writeback (what replay issues): it syncs no metadata and, in this model,
          // makes nothing durable whatever its flags. Only fsync and fdatasync do.
          break;
        case 'sync': case 'syncfs': case 'fallocate': case 'link': case 'linkat': case 'symlink': case 'symlinkat':
        case 'sendfile': {
          const touches = call.args.some((arg) => { const shown = annotation(arg); return shown !== null && inRoots(shown); })
            || call.args.some((arg) => arg.startsWith('"') && inRoots(pathArg(null, arg)));
          if (touches || call.name === 'sync') throw new Error(`strace: ${call.name} on the roots is not modelled`);
          break;
        }
      }
    }
    calls = seen;
  }
  return { roots: [...roots], initial: before.names, initialFiles: before.files, changes, flushes, calls };
}

/** How many changes were made by calls that completed before call number `calls`. */
function countBefore(changes: readonly Change[], calls: number): number {
  let n = changes.length;
  while (n > 0 && changes[n - 1]!.at >= calls) n--;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Crash states

/** What the roots hold in one crash state: path to bytes or 'dir', with a digest to tell states apart. */
export interface CrashState { cut: number; label: string; entries: Map<string, Buffer | 'dir'>; digest: string }

/** The roots as the traced run left them, per the model with nothing lost (checked against the disk). */
export function finalState(trace: Trace): Map<string, Buffer | 'dir'> {
  return stateKeeping(trace, new Set(trace.changes.keys()));
}

/** Indexes of the changes a power cut before call `cut` returned cannot lose. */
export function durableAt(trace: Trace, cut: number): Set<number> {
  const durable = new Set<number>();
  for (const flush of trace.flushes) {
    if (flush.at >= cut) continue;
    for (let i = 0; i < flush.before; i++) {
      const change = trace.changes[i]!;
      if ('file' in flush.target && (change.kind === 'write' || change.kind === 'truncate') && change.file === flush.target.file) durable.add(i);
      if ('dir' in flush.target && isNameChange(change) && change.dir === flush.target.dir) durable.add(i);
    }
  }
  return durable;
}

function isNameChange(change: Change): change is Extract<Change, { dir: string }> {
  return change.kind === 'link' || change.kind === 'mkdir' || change.kind === 'rename' || change.kind === 'unlink';
}

/** The roots with the initial content and the changes in `kept` (closed under the in-order rule for names). */
export function stateKeeping(trace: Trace, kept: ReadonlySet<number>): Map<string, Buffer | 'dir'> {
  const lastKept = new Map<string, number>();
  for (const i of kept) {
    const change = trace.changes[i]!;
    if (isNameChange(change)) lastKept.set(change.dir, Math.max(i, lastKept.get(change.dir) ?? -1));
  }
  const tree = Tree.copy(trace.initial, trace.initialFiles);
  trace.changes.forEach((change, i) => {
    const keep = isNameChange(change) ? i <= (lastKept.get(change.dir) ?? -1) : kept.has(i);
    if (keep) tree.apply(change);
  });
  return tree.reachable(trace.roots);
}

/**
 * The cut points worth a look: just before and just after each flush returned (before it, all the
 * flush covers is still at risk; after it, only what came since), halfway between two flushes,
 * after the last call, and `extra` ones (e.g. right after the program announced something).
 */
export function cutPoints(trace: Trace, extra: Iterable<number> = []): number[] {
  const cuts = new Set<number>([trace.calls, ...extra]);
  let previous = 0;
  for (const flush of trace.flushes) {
    cuts.add(flush.at);
    cuts.add(flush.at + 1);
    cuts.add(Math.floor((previous + flush.at) / 2));
    previous = flush.at + 1;
  }
  cuts.add(Math.floor((previous + trace.calls) / 2));
  return [...cuts].filter((cut) => cut >= 0 && cut <= trace.calls).sort((a, b) => a - b);
}

/**
 * The crash states at `cut`, for a sample of the subsets of what was not yet durable: all of it
 * lost; none of it lost (what SIGKILL leaves); each file's unflushed data lost alone; the last
 * unflushed write lost alone (a torn tail); the first half kept (a prefix); the data kept and the
 * unflushed names lost.
 */
export function statesAt(trace: Trace, cut: number): Array<{ label: string; entries: Map<string, Buffer | 'dir'> }> {
  const durable = durableAt(trace, cut);
  const pending: number[] = [];
  trace.changes.forEach((change, i) => { if (change.at < cut && !durable.has(i)) pending.push(i); });
  const keeping = (label: string, extra: Iterable<number>) => ({ label, entries: stateKeeping(trace, new Set([...durable, ...extra])) });
  const out = [keeping('all unflushed lost', []), keeping('nothing lost', pending)];
  const dataOf = (i: number) => { const c = trace.changes[i]!; return c.kind === 'write' || c.kind === 'truncate' ? c : null; };
  const files = [...new Set(pending.map((i) => dataOf(i)?.file).filter((f): f is number => f !== undefined))];
  for (const file of files) {
    const name = pending.map(dataOf).find((c) => c?.file === file)!.path;
    out.push(keeping(`unflushed data of ${path.basename(name)} lost`, pending.filter((i) => dataOf(i)?.file !== file)));
  }
  const lastWrite = pending.filter((i) => dataOf(i) !== null).at(-1);
  if (lastWrite !== undefined) out.push(keeping(`last unflushed write (${path.basename(dataOf(lastWrite)!.path)}) lost`, pending.filter((i) => i !== lastWrite)));
  out.push(keeping('first half of the unflushed changes kept', pending.slice(0, Math.floor(pending.length / 2))));
  out.push(keeping('unflushed names lost, data kept', pending.filter((i) => dataOf(i) !== null)));
  return out;
}

/**
 * Distinct crash states over the cut points, each labelled by the first cut and subset giving it.
 * When what a state must satisfy depends on the cut (what had been acknowledged by then),
 * `expectation` says so: the same state at two cuts with different expectations is kept twice.
 */
export function crashStates(trace: Trace, cuts = cutPoints(trace), expectation: (cut: number) => string = () => ''): CrashState[] {
  const seen = new Set<string>();
  const states: CrashState[] = [];
  for (const cut of cuts) {
    const expected = expectation(cut);
    for (const { label, entries } of statesAt(trace, cut)) {
      const digest = digestOf(entries);
      if (seen.has(`${expected}\0${digest}`)) continue;
      seen.add(`${expected}\0${digest}`);
      states.push({ cut, label: `${describeCut(trace, cut)}: ${label}`, entries, digest });
    }
  }
  return states;
}

/** "after call 120 (fdatasync of p2.pack)" */
export function describeCut(trace: Trace, cut: number): string {
  if (cut === trace.calls) return 'after the run';
  const flush = trace.flushes.find((f) => f.at === cut) ?? trace.flushes.find((f) => f.at + 1 === cut);
  if (!flush) {
    const last = trace.changes.filter((change) => change.at < cut).at(-1);
    return last ? `after call ${cut} (last change: ${last.kind} ${path.basename('path' in last ? last.path : last.to)})` : `after call ${cut}`;
  }
  return `${flush.at === cut ? 'just before' : 'just after'} the flush of ${path.relative(path.dirname(trace.roots[0]!), flush.path)}`;
}

/**
 * LevelDB's info log (LOG, LOG.old) is text for people, read by nobody: states that differ only
 * there count as one.
 */
const INFO_LOG = /\/LOG(\.old)?$/;

export function digestOf(entries: ReadonlyMap<string, Buffer | 'dir'>): string {
  const hash = createHash('sha256');
  for (const [name, value] of entries) if (!INFO_LOG.test(name)) hash.update(`${name}\0${value === 'dir' ? 'dir' : createHash('sha256').update(value).digest('hex')}\0`);
  return hash.digest('hex');
}

/** Makes the roots hold exactly `entries` (the roots themselves stay, emptied first). */
export function writeState(roots: readonly string[], entries: ReadonlyMap<string, Buffer | 'dir'>): void {
  for (const root of roots) {
    for (const name of fs.readdirSync(root)) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
  for (const [name, value] of entries) {
    if (roots.includes(name)) continue;
    if (value === 'dir') fs.mkdirSync(name, { mode: 0o700 });
    else fs.writeFileSync(name, value, { mode: 0o600 });
  }
}

/** The roots as they are on disk now, as entries (to check the model against reality). */
export function diskState(roots: readonly string[]): Map<string, Buffer | 'dir'> {
  const { names, files } = readTree(roots);
  return new Tree(names, files).reachable(roots);
}

/** What differs between two states, one line each. */
export function diffStates(actual: ReadonlyMap<string, Buffer | 'dir'>, expected: ReadonlyMap<string, Buffer | 'dir'>): string[] {
  const problems: string[] = [];
  for (const name of new Set([...actual.keys(), ...expected.keys()])) {
    const a = actual.get(name);
    const e = expected.get(name);
    if (a === undefined) problems.push(`${name}: missing`);
    else if (e === undefined) problems.push(`${name}: unexpected`);
    else if (a === 'dir' || e === 'dir' ? a !== e : !a.equals(e)) problems.push(`${name}: differs (${a === 'dir' ? 'dir' : a.length} vs ${e === 'dir' ? 'dir' : e.length})`);
  }
  return problems;
}
