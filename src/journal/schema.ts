/**
 * The journal's records in LevelDB: key prefixes, keys, and reading what is stored, each validated
 * before use. Section by section: journal-format/README.md.
 */
import { packr } from './msgpack.js';
import { RdmJournalError } from '../errors.js';
import { MAX_APPEND_BYTES, type Op, type Seq } from './op.js';
import { isSafeFileName } from '../packfile.js';
import { isFileState, type FileState } from '../file-state.js';
import type { SharedLevel as Db } from './shared-level.js';

/** The format new journals are written in (3: op bytes in data files beside LevelDB, data-files.ts). */
export const FORMAT_VERSION = 3;

/**
 * `fsid`: the filesystem's statfs f_fsid (hex), null when it has none; absent in records written
 * before it was kept. Unlike `dev`, it survives a reboot that numbers devices differently.
 */
export interface SourceIdentity { path: string; dev: number; ino: number; fsid?: string | null }


/**
 * Counters of ops 1..head kept with every batch, so `status` answers in constant time (format 2).
 * Pruning never lowers them (it keeps its own counters, `Pruned`): a recorder and a prune in two
 * processes each write only their own record.
 */
export interface JournalStats {
  /** The head these counters are of: written in the same batch as its op. */
  head: Seq;
  ops: Record<Op['type'], number>;
  /** Data bytes of the appends in ops 1..head. */
  bytes: number;
}

/** What retention removed: the horizon, and the ops and bytes gone. */
export interface Pruned {
  /**
   * The journal can rebuild the source as it was after any op from `horizon` on: only files whose
   * whole life (create to delete) ended at or before op `horizon` were removed. 0: nothing pruned.
   */
  horizon: Seq;
  ops: Record<Op['type'], number>;
  bytes: number;
  /** When the last prune finished, ms since the epoch. */
  at: number;
}

/** One life of one file: its index entries from its create to its delete. */
export interface FileLife { name: string; entries: IndexEntry[] }

/** One op of one file, as the per-file index holds it: enough for history and sizes without the data. */
export interface IndexEntry {
  seq: Seq;
  type: Op['type'];
  at: number;
  /** append: where the data went; delete: the file's final size; otherwise 0. */
  offset: number;
  /** append: bytes of data; otherwise 0. */
  length: number;
}

/** What a replay last told the journal about one of its targets (the cursor itself lives in the target). */
export interface TargetNote {
  path: string;
  seq: Seq;
  /** The retention horizon the target's cursor was built against (section 10's cursor `horizon`). */
  horizon?: Seq;
  /** When the replay wrote this note, ms since the epoch. */
  updatedAt: number;
}

export const PREFIX = { meta: 0x6d, op: 0x6f, file: 0x66, index: 0x69, checkpoint: 0x63, target: 0x74 } as const; // 'm' 'o' 'f' 'i' 'c' 't'
export const INDEX_TYPES = { create: 0x63, append: 0x61, delete: 0x64, resync: 0x72 } as const;
export const TYPE_OF_CODE = new Map<number, Op['type']>(Object.entries(INDEX_TYPES).map(([type, code]) => [code, type as Op['type']]));
export const utf8 = new TextEncoder();
export const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

export function opKey(seq: Seq): Uint8Array {
  const key = Buffer.alloc(9);
  key[0] = PREFIX.op;
  key.writeBigUInt64BE(BigInt(seq), 1);
  return key;
}


/** `i` + file name + 0x00 + seq (u64 BE): one op of one file. */
export function indexKey(name: string, seq: Seq): Uint8Array {
  const body = utf8.encode(name);
  const key = Buffer.alloc(body.length + 10);
  key[0] = PREFIX.index;
  key.set(body, 1);
  key[body.length + 1] = 0;
  key.writeBigUInt64BE(BigInt(seq), body.length + 2);
  return key;
}

export function seqKey(prefix: number, seq: Seq): Uint8Array {
  const key = Buffer.alloc(9);
  key[0] = prefix;
  key.writeBigUInt64BE(BigInt(seq), 1);
  return key;
}

/** An op's `offset` and `length` as the index holds them (spec section 11.1). */
export function indexFields(op: Op): [offset: number, length: number] {
  return op.type === 'append' ? [op.offset, op.data.length] : op.type === 'delete' ? [op.size, 0] : [0, 0];
}

export function indexValue(op: Op): Uint8Array {
  return packr.pack([INDEX_TYPES[op.type], op.at, ...indexFields(op)]);
}

export const DAMAGED_HINT = 'the journal was damaged or written by another program; restore it from a copy, or start a new journal';
export const isUint = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * A file name taken from a key (index, file state): validated like an op's, since the replayer and
 * the recorder join it to a directory. A name that is not one path component is damage, never a path.
 */
export function nameFromKey(body: Uint8Array, what: string): string {
  let name: string;
  try {
    name = fromUtf8.decode(body);
  } catch {
    throw new RdmJournalError('JOURNAL_CORRUPT', `journal ${what} key has a file name that is not UTF-8 (${Buffer.from(body).toString('hex')})`, { hint: DAMAGED_HINT });
  }
  if (!isSafeFileName(name)) {
    throw new RdmJournalError('JOURNAL_CORRUPT', `journal ${what} key names ${JSON.stringify(name)}, which is not a single path component`, { hint: DAMAGED_HINT });
  }
  return name;
}

/** An index key's name: `i` + name + 0x00 + seq (u64 BE). */
export function nameOfIndexKey(key: Uint8Array): string {
  if (key.length < 11 || key[key.length - 9] !== 0) {
    throw new RdmJournalError('JOURNAL_CORRUPT', `journal index has a malformed key ${Buffer.from(key).toString('hex')} (expected i + name + 00 + 8-byte seq)`, { hint: DAMAGED_HINT });
  }
  return nameFromKey(key.subarray(1, key.length - 9), 'index');
}

/** An entry of `name`'s index (its keys are read by range of that name: only their length is checked here). */
export function readIndexEntry(name: string, key: Uint8Array, value: Uint8Array): IndexEntry {
  if (key.length !== Buffer.byteLength(name) + 10) {
    throw new RdmJournalError('JOURNAL_CORRUPT', `journal index of ${name} has a malformed key ${Buffer.from(key).toString('hex')} (expected i + name + 00 + 8-byte seq)`, { hint: DAMAGED_HINT });
  }
  const seq = Buffer.from(key.buffer, key.byteOffset, key.byteLength).readBigUInt64BE(key.length - 8);
  let fields: unknown;
  try {
    fields = packr.unpack(value);
  } catch {
    fields = null;
  }
  const [code, at, offset, length] = Array.isArray(fields) ? fields as unknown[] : [];
  const type = TYPE_OF_CODE.get(code as number);
  const problem = !Array.isArray(fields) || fields.length !== 4 ? 'is not an array [type, at, offset, length]'
    : type === undefined ? `has unknown op type ${JSON.stringify(code)}`
      : seq < 1n || seq > BigInt(Number.MAX_SAFE_INTEGER) ? `is numbered ${seq}, outside 1..2^53-1`
        : typeof at !== 'number' || !Number.isFinite(at) ? 'has an "at" that is not a number'
          : !isUint(offset) || !isUint(length) ? 'has an offset or length that is not an unsigned integer'
            : type === 'append' ? (length === 0 || length > MAX_APPEND_BYTES ? `is an append of ${length} bytes, expected 1 to ${MAX_APPEND_BYTES}` : null)
              : length !== 0 || (type !== 'delete' && offset !== 0) ? `is a ${type} with offset ${offset} and length ${length}` : null;
  if (problem) throw new RdmJournalError('JOURNAL_CORRUPT', `journal index entry of ${name} at op ${seq} ${problem}`, { hint: DAMAGED_HINT });
  return { seq: Number(seq), type: type!, at: at as number, offset: offset as number, length: length as number };
}

export function emptyStats(): JournalStats {
  return { head: 0, ops: { create: 0, append: 0, delete: 0, resync: 0 }, bytes: 0 };
}

export function emptyPruned(): Pruned {
  return { horizon: 0, ops: { create: 0, append: 0, delete: 0, resync: 0 }, bytes: 0, at: 0 };
}

/** Adds one op to the counters (in place). */
export function count(stats: JournalStats, op: Op, seq: Seq): void {
  stats.head = seq;
  stats.ops[op.type] += 1;
  if (op.type === 'append') stats.bytes += op.data.length;
}

export function prefixed(prefix: number, name: string): Uint8Array {
  const body = utf8.encode(name);
  const key = new Uint8Array(body.length + 1);
  key[0] = prefix;
  key.set(body, 1);
  return key;
}

export function seqOfKey(key: Uint8Array): Seq {
  if (key.length !== 9) {
    throw new RdmJournalError('JOURNAL_CORRUPT', `journal has a key of ${key.length} bytes among its ops (${Buffer.from(key).toString('hex')}); op keys are 9 bytes`,
      { hint: 'the journal was damaged or written by another program; restore it from a copy, or start a new journal' });
  }
  const seq = Buffer.from(key.buffer, key.byteOffset, key.byteLength).readBigUInt64BE(1);
  if (seq > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RdmJournalError('JOURNAL_CORRUPT', `journal has an op numbered ${seq}, past the largest seq a journal can hold (2^53-1)`,
      { hint: 'the journal was damaged or written by another program; restore it from a copy, or start a new journal' });
  }
  return Number(seq);
}

export async function readMeta<T>(db: Db, name: string): Promise<T | null> {
  const bytes = await db.get(prefixed(PREFIX.meta, name));
  return bytes === undefined ? null : (packr.unpack(bytes) as T);
}

/** The stored file states; one naming no single path component, or not a state, is JOURNAL_CORRUPT. */
export async function loadFileStates(db: Db): Promise<Map<string, FileState>> {
  const files = new Map<string, FileState>();
  for await (const [key, value] of db.iterator({ gte: Uint8Array.of(PREFIX.file), lt: Uint8Array.of(PREFIX.file + 1) })) {
    const name = nameFromKey(key.subarray(1), 'file state');
    let state: unknown;
    try {
      state = packr.unpack(value);
    } catch {
      state = null;
    }
    if (!isFileState(state)) {
      throw new RdmJournalError('JOURNAL_CORRUPT', `journal file state of ${name} is not a file state (unsigned ino, size, createdSeq, lastSeq and a tail within the size)`, { hint: DAMAGED_HINT });
    }
    files.set(name, state);
  }
  return files;
}

/** `at` of the head op, read leniently: a damaged op is reported by whoever reads it, not by open. */
export async function readLastAt(db: Db, head: Seq): Promise<number> {
  if (head === 0) return 0;
  try {
    const at = (packr.unpack((await db.get(opKey(head)))!) as { at?: unknown }).at;
    return typeof at === 'number' && Number.isFinite(at) ? at : 0;
  } catch {
    return 0;
  }
}

/**
 * What is known of an op without its bytes: its kind, time and appended length. Read from the
 * stored record alone (format 3 keeps an append's length there, its bytes in a data file; formats 1
 * and 2 hold the bytes inline), so counting and time lookups never read or check op data.
 */
export interface OpStamp { seq: Seq; type: Op['type']; at: number; length: number }

export function readOpStamp(seq: Seq, bytes: Uint8Array): OpStamp {
  const damaged = (bytes as { damaged?: unknown }).damaged; // format 3: its seal did not match (sealed-level.ts)
  let value: unknown = null;
  try {
    if (damaged === undefined) value = packr.unpack(bytes);
  } catch {
    // reported below
  }
  const op = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const type = op.type as Op['type'];
  const length = type !== 'append' ? 0 : op.data instanceof Uint8Array ? op.data.length : op.length;
  const problem = typeof damaged === 'string' ? damaged : value === null ? 'it is not a msgpack map'
    : !TYPE_OF_CODE_NAMES.has(type) ? `unknown op type ${JSON.stringify(op.type)}`
      : typeof op.at !== 'number' || !Number.isFinite(op.at) ? 'field "at" is not a number'
        : !isUint(length) ? 'an append without a length' : null;
  if (problem) throw new RdmJournalError('JOURNAL_CORRUPT', `journal op ${seq} is unreadable: ${problem}`, { hint: DAMAGED_HINT });
  return { seq, type, at: op.at as number, length: length as number };
}
const TYPE_OF_CODE_NAMES: ReadonlySet<unknown> = new Set(Object.keys(INDEX_TYPES));

export async function isEmpty(db: Db): Promise<boolean> {
  for await (const _ of db.keys({ limit: 1 })) return false;
  return true;
}

export async function readHead(db: Db): Promise<Seq> {
  for await (const key of db.keys({ gte: opKey(0), lt: Uint8Array.of(PREFIX.op + 1), reverse: true, limit: 1 })) {
    return seqOfKey(key);
  }
  return 0;
}
