/**
 * A corrupt journal: bytes flipped in op values, metadata, the per-file index and LevelDB's own
 * files; each flip is judged by who notices it (verify, replay, opening) and none may pass silently.
 *
 * Part of the fault-injection suite: tools/faults.ts runs it long, test/faults.test.ts short.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Level } from 'level';
import type { JournalOp } from '../../src/journal/op.js';
import { RECORDING, diffFiles, readJournal, readTargetControl, runEngine, sleep, targetFiles, tempDir } from '../support.js';
import { Rng, cli, copyTree, describeOutcome, flipByte, stateAt, totalBytes, type CliOutcome } from './support.js';
import { type FaultRow, Row, type ScenarioOptions, quiet } from './row.js';
import { findingsOf, makeDirs, opKey, rawPackr, removeRun, startRecorder, stopCleanly } from './run.js';

// ---------------------------------------------------------------------------------------------
// 4. Corrupt journal


/** Where a map field's value lies in a msgpack-encoded op: [start, end) of its content bytes, and its header byte. */
function fieldRange(value: Buffer, field: string): { header: number; start: number; end: number } | null {
  const key = Buffer.concat([Buffer.of(0xa0 | field.length), Buffer.from(field)]);
  const at = value.indexOf(key);
  if (at < 0) return null;
  const p = at + key.length;
  const b = value[p]!;
  const span = (headerBytes: number, length: number) => ({ header: p, start: p + 1 + headerBytes, end: p + 1 + headerBytes + length });
  if (b <= 0x7f) return { header: p, start: p, end: p + 1 };
  if (b >= 0xa0 && b <= 0xbf) return span(0, b & 0x1f);
  switch (b) {
    case 0xcc: return span(0, 1);
    case 0xcd: return span(0, 2);
    case 0xce: case 0xca: return span(0, 4);
    case 0xcf: case 0xcb: return span(0, 8);
    case 0xd9: case 0xc4: return span(1, value[p + 1]!);
    case 0xda: case 0xc5: return span(2, value.readUInt16BE(p + 1));
    case 0xc6: return span(4, value.readUInt32BE(p + 1));
    default: return null;
  }
}

type PayloadField = 'data' | 'crc' | 'offset' | 'file' | 'type' | 'anywhere' | 'at' | 'create.mode' | 'index.length' | 'fstate.size' | 'fstate.tailCrc';
/** What must notice a flip: both verify and replay (an op), verify alone (index, file states), or nothing (op metadata, see notes). */
type Expectation = 'op' | 'metadata' | 'verify' | 'raw';
const EXPECT: Record<PayloadField, Expectation> = {
  data: 'op', crc: 'op', offset: 'op', file: 'op', type: 'op', anywhere: 'op',
  at: 'metadata', 'create.mode': 'metadata',
  'index.length': 'verify', 'fstate.size': 'verify', 'fstate.tailCrc': 'verify',
};

/** Which corruptions to inject: op values, op metadata, index and file states, raw *.ldb, raw *.log. */
export type CorruptPart = 'ops' | 'metadata' | 'index' | 'ldb' | 'log';

export interface CorruptOptions extends ScenarioOptions {
  /** Default all. */
  parts?: readonly CorruptPart[];
  /** Flips through LevelDB (which stays sound): one per field kind, then random positions in ops. */
  payloadFlips?: number;
  /** Flips in the raw *.ldb and *.log files that something noticed, per kind of file. */
  rawDetected?: number;
  /** Give up on a kind of file after this many positions. */
  rawAttempts?: number;
}

/**
 * A journal with ops in LevelDB tables (*.ldb) and in its log (*.log). (A) a byte of one stored value
 * is flipped through LevelDB (so LevelDB's own checksums stay right): in an op, verify must exit 1
 * naming it and replay into a fresh target must exit 1 with JOURNAL_CORRUPT having applied only ops
 * before it; in the per-file index or a file state, verify must report it. (B) a byte of a raw
 * LevelDB file is flipped: detected by verify or replay (or at open), or the position was harmless
 * (every key and value reads back the same) and another is tried. Never a wrong byte on a target,
 * never INTERNAL.
 */
export async function corruptJournal(options: CorruptOptions = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const rng = new Rng(options.seed ?? Date.now());
  const row = new Row('corrupt journal', log);
  const d = makeDirs('rdm-corrupt-');
  await runEngine({ dir: d.src, transactions: 300, minSize: 1024, maxSize: 12288, packSize: 512 * 1024, keep: 0, seed: rng.int(1, 2 ** 30) });
  row.expect('record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
  row.expect('status (reopening moves the log into a table)', await cli(['status', '--journal', d.journal]), 0);
  // One recorder session, three bursts: several batches in LevelDB's log (each open moves the log into
  // a table), so that damage to a record in its middle (a gap in the ops) can be told from damage to
  // the last one (the journal's end).
  const recorder = await startRecorder(row, d);
  for (let i = 0; i < 3; i++) {
    await runEngine({ dir: d.src, transactions: 35, minSize: 1024, maxSize: 12288, packSize: 512 * 1024, keep: 0, seed: rng.int(1, 2 ** 30) });
    await sleep(400);
  }
  await stopCleanly(row, recorder, 'the recorder (these ops stay in the log)', RECORDING);
  const pristine = d.journal; // never opened again: every trial works on copies
  const work = tempDir('rdm-corrupt-work-');
  let trial = 0;
  const copyOf = (from: string) => {
    const to = path.join(work, `j${trial}-${Math.random().toString(36).slice(2, 8)}`);
    copyTree(from, to);
    return to;
  };
  const reference = copyOf(pristine);
  const { ops } = await readJournal(reference);
  const entries = await dumpLevel(reference);
  const head = ops.length;
  const base: Omit<CorruptionCase, 'journal' | 'badSeq' | 'what' | 'expect' | 'trial'> = { ops, entries, work };

  // A: stored values
  const appends = ops.filter((op) => op.type === 'append' && op.seq > head / 3);
  const creates = ops.filter((op) => op.type === 'create' && op.seq > head / 3);
  const parts = new Set(options.parts ?? ['ops', 'metadata', 'index', 'ldb', 'log']);
  const partOf = (field: PayloadField): CorruptPart => (EXPECT[field] === 'op' ? 'ops' : EXPECT[field] === 'metadata' ? 'metadata' : 'index');
  const fields = (Object.keys(EXPECT) as PayloadField[]).filter((f) => f !== 'anywhere' && parts.has(partOf(f)));
  const payloadFlips = parts.has('ops') ? Math.max(options.payloadFlips ?? fields.length, fields.length) : fields.length;
  for (let i = 0; i < payloadFlips; i++, trial++) {
    const field: PayloadField = fields[i] ?? 'anywhere';
    const op = field === 'create.mode' ? rng.pick(creates) : rng.pick(appends);
    const journal = copyOf(pristine);
    const key = field.startsWith('index.') ? indexKeyOf(op.file!, op.seq)
      : field.startsWith('fstate.') ? Buffer.concat([Buffer.of(0x66), Buffer.from(rng.pick([...stateAt(ops, head).keys()]))]) : opKey(op.seq);
    const db = new Level<Uint8Array, Uint8Array>(journal, { keyEncoding: 'view', valueEncoding: 'view' });
    await db.open();
    const stored = await db.get(key);
    if (!stored) {
      await db.close();
      row.fail(`payload ${field}: no value at key ${key.toString('hex')}`);
      continue;
    }
    const value = Buffer.from(stored);
    if (field === 'data' && !fieldRange(value, 'data')) {
      // Format 3: an append's bytes are in its life's data file (the op's last 4 bytes are its seal).
      await db.close();
      const { life, offset, length } = rawPackr.unpack(value.subarray(0, value.length - 4)) as { life: number; offset: number; length: number };
      const position = offset + rng.int(0, length - 1);
      flipByte(path.join(journal, 'data', String(life).padStart(20, '0')), position, rng.int(1, 255));
      row.context = 'ops';
      row.faultsInjected += 1;
      const verdict = await judgeCorruption(row, { ...base, journal, trial, badSeq: op.seq, expect: 'op', what: `data file byte ${position} of op ${op.seq} (append)` });
      row.count(`payload.op.${verdict}`);
      continue;
    }
    const range = field === 'anywhere' ? { start: 0, end: value.length }
      : field === 'index.length' ? { start: value.length - 1, end: value.length }
        : fieldRange(value, field.replace(/^(create|fstate)\./, ''));
    if (!range || range.end <= range.start) {
      await db.close();
      row.fail(`payload ${field}: no such field in the value at key ${key.toString('hex')}`);
      continue;
    }
    const position = rng.int(range.start, range.end - 1);
    value[position] = value[position]! ^ rng.int(1, 255);
    await db.put(key, value);
    await db.close();
    const atRange = fieldRange(value, 'at');
    const inAt = field === 'anywhere' && atRange !== null && position >= atRange.start && position < atRange.end;
    row.context = inAt ? 'metadata' : partOf(field);
    row.faultsInjected += 1;
    const verdict = await judgeCorruption(row, {
      ...base, journal, trial, badSeq: op.seq, expect: inAt ? 'metadata' : EXPECT[field],
      what: `payload ${field}${field.startsWith('fstate.') ? '' : ` of op ${op.seq} (${op.type})`}, byte ${position}`,
    });
    row.count(`payload.${field.startsWith('index.') || field.startsWith('fstate.') ? field : inAt ? 'at' : EXPECT[field] === 'op' ? 'op' : field}.${verdict}`);
  }

  // B: raw LevelDB files
  for (const kind of (['ldb', 'log'] as const).filter((k) => parts.has(k))) {
    row.context = kind;
    const files = fs.readdirSync(pristine).filter((name) => name.endsWith(`.${kind}`) && fs.statSync(path.join(pristine, name)).size > 0);
    if (files.length === 0) {
      row.fail(`raw: the journal has no non-empty *.${kind} file to corrupt`);
      continue;
    }
    let noticed = 0;
    let attempts = 0;
    const want = options.rawDetected ?? 3;
    // In the log, first one byte in the payload of its last record (the newest batch) and one in its
    // first; then random positions anywhere, as in the tables.
    const aimed: Array<{ name: string; offset: number; where: string }> = [];
    if (kind === 'log') {
      const name = files.sort().at(-1)!;
      const records = logRecords(fs.readFileSync(path.join(pristine, name)));
      if (records.length < 2) row.fail(`the log ${name} holds ${records.length} records; expected several batches`);
      else {
        const middleOf = (r: { start: number; end: number }) => r.start + Math.floor((r.end - r.start) / 2);
        aimed.push({ name, offset: middleOf(records.at(-1)!), where: `the last of its ${records.length} records` });
        aimed.push({ name, offset: middleOf(records[0]!), where: `the first of its ${records.length} records` });
      }
    }
    for (; (noticed < want || aimed.length > 0) && attempts < (options.rawAttempts ?? want * 6) + 2; attempts++, trial++) {
      const journal = copyOf(pristine);
      const pick = aimed.shift();
      const name = pick?.name ?? rng.pick(files);
      const size = fs.statSync(path.join(journal, name)).size;
      const offset = pick?.offset ?? rng.int(0, size - 1);
      flipByte(path.join(journal, name), offset, rng.int(1, 255));
      row.faultsInjected += 1;
      const verdict = await judgeCorruption(row, {
        ...base, journal, trial, badSeq: null, expect: 'raw', what: `raw ${name} byte ${offset} of ${size}${pick ? ` (in ${pick.where})` : ''}`,
      });
      if (verdict !== 'harmless') noticed += 1;
      row.count(`raw.${kind}.${verdict}`);
    }
    if (noticed < want) row.note(`only ${noticed} of ${want} *.${kind} flips mattered in ${attempts} positions (the rest were harmless)`);
  }
  row.context = '';
  const dt = row.details;
  const by = (prefix: string) => Object.entries(dt).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => `${k.slice(prefix.length)} ${v}`).join(', ');
  row.note(`flips through LevelDB: ${by('payload.')}`);
  row.note(`*.ldb flips: ${by('raw.ldb.') || 'none'}`);
  row.note(`*.log flips: ${by('raw.log.') || 'none'}`);
  const unnoticed = Object.entries(dt).filter(([k]) => k.endsWith('.metadata-undetected')).reduce((n, [, v]) => n + v, 0);
  if (unnoticed > 0) row.note(`${unnoticed} flips in op metadata (at, mode) were noticed by nothing: no checksum covers an op's fields other than its data`);
  row.runs += 1;
  fs.rmSync(work, { recursive: true, force: true });
  removeRun(d);
  return row.done();
}

/**
 * The logical records of a LevelDB log file (one write batch each), as byte ranges of their first
 * fragment's payload: 32 KiB blocks of fragments, each with a 7-byte header (CRC-32C, length, type:
 * 1 full, 2 first, 3 middle, 4 last).
 */
function logRecords(log: Buffer): Array<{ start: number; end: number }> {
  const BLOCK = 32768;
  const records: Array<{ start: number; end: number }> = [];
  for (let pos = 0; pos + 7 <= log.length;) {
    const left = BLOCK - (pos % BLOCK);
    if (left < 7) {
      pos += left;
      continue;
    }
    const length = log.readUInt16LE(pos + 4);
    const type = log[pos + 6]!;
    if (type === 0 && length === 0) break;
    if (type === 1 || type === 2) records.push({ start: pos + 7, end: pos + 7 + length });
    pos += 7 + length;
  }
  return records;
}

/** `i` + name + 0x00 + seq (u64 BE): an op's entry in the per-file index. */
function indexKeyOf(name: string, seq: number): Buffer {
  const body = Buffer.from(name, 'utf8');
  const key = Buffer.alloc(body.length + 10);
  key[0] = 0x69;
  body.copy(key, 1);
  key.writeBigUInt64BE(BigInt(seq), body.length + 2);
  return key;
}

/** Every key and value of a LevelDB (a copy: opening it rewrites its files). */
async function dumpLevel(dir: string): Promise<Map<string, Buffer>> {
  const db = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view', createIfMissing: false });
  await db.open();
  try {
    const entries = new Map<string, Buffer>();
    for await (const [key, value] of db.iterator()) entries.set(Buffer.from(key).toString('hex'), Buffer.from(value));
    return entries;
  } finally {
    await db.close();
  }
}

const TABLES: Record<string, string> = { '6d': 'meta', '6f': 'op', '66': 'file state', '69': 'index', '63': 'checkpoint', '74': 'target note' };

/** How two dumps differ: the tables concerned, and for ops which fields. Empty when identical. */
function compareDumps(actual: Map<string, Buffer>, expected: Map<string, Buffer>): { tables: Set<string>; opFields: Set<string>; first: string; opsGone: number[] } {
  const tables = new Set<string>();
  const opFields = new Set<string>();
  const opsGone: number[] = [];
  let first = '';
  for (const key of new Set([...actual.keys(), ...expected.keys()])) {
    const a = actual.get(key);
    const e = expected.get(key);
    if (a && e && a.equals(e)) continue;
    const table = TABLES[key.slice(0, 2)] ?? `unknown prefix ${key.slice(0, 2)}`;
    tables.add(table);
    first ||= `${table} ${key.slice(0, 40)}: ${a ? (e ? 'changed' : 'appeared') : 'disappeared'}`;
    if (table === 'op' && a && e) {
      let x: Record<string, unknown> = {};
      let y: Record<string, unknown> = {};
      try {
        x = rawPackr.unpack(a) as Record<string, unknown>;
        y = rawPackr.unpack(e) as Record<string, unknown>;
      } catch {
        opFields.add('(undecodable)');
        continue;
      }
      for (const field of new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})])) {
        if (JSON.stringify(x?.[field]) !== JSON.stringify(y?.[field])) opFields.add(field);
      }
    } else if (table === 'op') {
      opFields.add('(whole op)');
      if (!a && key.length === 18) opsGone.push(Number(BigInt(`0x${key.slice(2)}`)));
    }
  }
  return { tables, opFields, first, opsGone: opsGone.sort((x, y) => x - y) };
}

type Verdict = 'verify+replay' | 'verify' | 'replay' | 'open' | 'harmless' | 'metadata-undetected' | 'silent';

interface CorruptionCase {
  journal: string;
  ops: readonly JournalOp[];
  entries: Map<string, Buffer>;
  /** The op whose value (or index entry) was flipped (A), or null for a raw flip (B). */
  badSeq: number | null;
  expect: Expectation;
  what: string;
  work: string;
  trial: number;
}

const METADATA = new Set(['at', 'ino', 'mode']);

async function judgeCorruption(row: Row, c: CorruptionCase): Promise<Verdict> {
  const verifyCopy = `${c.journal}-verify`;
  const replayCopy = `${c.journal}-replay`;
  const readCopy = `${c.journal}-read`;
  copyTree(c.journal, verifyCopy);
  copyTree(c.journal, replayCopy);
  copyTree(c.journal, readCopy);
  const target = path.join(c.work, `t${c.trial}`);
  const [verify, replay] = await Promise.all([cli(['verify', '--journal', verifyCopy]), cli(['replay', '--journal', replayCopy, '--to', target])]);
  if (verify.internal) row.fail(`${c.what}: verify crashed: ${describeOutcome(verify)}\n${verify.stderr.slice(-1500)}`);
  if (replay.internal) row.fail(`${c.what}: replay crashed: ${describeOutcome(replay)}\n${replay.stderr.slice(-1500)}`);
  const verifyCaught = verify.exit === 1 && ['VERIFY_FAILED', 'JOURNAL_CORRUPT'].includes(verify.code ?? '');
  const replayCaught = replay.exit === 1 && replay.code === 'JOURNAL_CORRUPT';
  if (verify.exit !== 0 && !verifyCaught && !verify.internal) row.fail(`${c.what}: verify: expected exit 1 with VERIFY_FAILED or JOURNAL_CORRUPT, got ${describeOutcome(verify)}`);
  if (replay.exit !== 0 && !replayCaught && !replay.internal) row.fail(`${c.what}: replay: expected JOURNAL_CORRUPT, got ${describeOutcome(replay)}`);

  // Whatever happened, the target holds exactly the intact journal's state at its cursor.
  let cursorSeq = 0;
  if (fs.existsSync(path.join(target, '.rdm-journal', 'CURRENT'))) {
    const { cursor } = await readTargetControl(target);
    cursorSeq = cursor?.seq ?? 0;
    if (cursor?.applying != null) row.fail(`${c.what}: the replay left a batch half-applied (ops ${cursorSeq + 1}..${cursor.applying})`);
  }
  const onTarget = fs.existsSync(target) ? targetFiles(target) : new Map<string, Buffer>();
  for (const problem of diffFiles(onTarget, stateAt(c.ops, cursorSeq)).slice(0, 5)) {
    row.fail(`${c.what}: the target differs from the intact journal at its cursor (op ${cursorSeq}): ${problem}`);
  }
  row.bytesCompared += totalBytes(onTarget);
  if (c.badSeq !== null && c.expect === 'op' && replayCaught && cursorSeq >= c.badSeq) {
    row.fail(`${c.what}: replay failed, but its cursor (op ${cursorSeq}) is at or past the bad op ${c.badSeq}`);
  }

  // What reads back differently? (A copy: LevelDB rewrites its files on open.)
  let diff: ReturnType<typeof compareDumps> | null = null;
  let unreadable = '';
  try {
    diff = compareDumps(await dumpLevel(readCopy), c.entries);
  } catch (err) {
    unreadable = (err as Error).message.slice(0, 200);
  }
  for (const dir of [verifyCopy, replayCopy, readCopy, c.journal, target]) fs.rmSync(dir, { recursive: true, force: true });

  const openFailed = [verify, replay].every((o) => o.exit === 1 && /cannot be opened|is damaged|without a journal format/.test(o.message ?? ''));
  const onlyMetadata = diff !== null && diff.tables.size === 1 && diff.tables.has('op') && [...diff.opFields].every((f) => METADATA.has(f));
  let verdict: Verdict;
  if (openFailed) verdict = 'open';
  else if (verifyCaught && replayCaught) verdict = 'verify+replay';
  else if (verifyCaught) verdict = 'verify';
  else if (replayCaught) verdict = 'replay';
  else if (diff !== null && diff.tables.size === 0) verdict = 'harmless';
  else if (onlyMetadata) verdict = 'metadata-undetected';
  else verdict = 'silent';

  const say = (o: CliOutcome) => describeOutcome(o);
  switch (c.expect) {
    case 'op':
      if (!verifyCaught) row.fail(`${c.what}: verify did not report it (${say(verify)})`);
      else if (verify.code === 'VERIFY_FAILED' && !findingsOf(verify).some((line) => line.includes(`"seq":${c.badSeq}`))) {
        row.fail(`${c.what}: verify's findings do not name op ${c.badSeq}:\n${findingsOf(verify).slice(0, 5).join('\n')}`);
      }
      if (!replayCaught) row.fail(`${c.what}: replay did not stop with JOURNAL_CORRUPT (${say(replay)})`);
      break;
    case 'verify':
      if (!verifyCaught) row.fail(`${c.what}: verify did not report it (${say(verify)})`);
      break;
    case 'metadata':
      break; // counted and noted: nothing checks an op's metadata
    case 'raw':
      if (verdict === 'silent') {
        const gone = diff?.opsGone ?? [];
        const head = c.ops.length;
        const truncated = gone.length > 0 && gone.at(-1) === head && gone.length === head - gone[0]! + 1;
        row.fail(`${c.what}: neither verify (${say(verify)}) nor replay (${say(replay)}) noticed, yet the journal reads back differently: ` +
          (truncated ? `it ends at op ${gone[0]! - 1} instead of ${head} (LevelDB dropped the damaged log record, the last batch, when it opened the journal)`
            : `${unreadable || `${[...diff!.tables].join(', ')} (${diff!.first}${diff!.opFields.size ? `; op fields ${[...diff!.opFields].join(', ')}` : ''})`}`));
        if (truncated) row.count('raw.log.truncated');
      }
      break;
  }
  if (verdict === 'harmless' && (verify.exit !== 0 || replay.exit !== 0)) row.fail(`${c.what}: nothing differs, yet a command failed`);
  return verdict;
}
