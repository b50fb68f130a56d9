/**
 * A hostile journal: ops that would escape the target or break the replayer (wrong types, absurd
 * numbers, unknown kinds, bad keys); each is refused with JOURNAL_CORRUPT and nothing outside the
 * target is touched.
 *
 * Part of the fault-injection suite: tools/faults.ts runs it long, test/faults.test.ts short.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Level } from 'level';
import { checksum } from '../../src/journal/op.js';
import { tempDir } from '../support.js';
import { cli, copyTree, describeOutcome, describeTree } from './support.js';
import { type FaultRow, Row, type ScenarioOptions, quiet } from './row.js';
import { makeDirs, opKey, rawPackr, removeRun } from './run.js';

// ---------------------------------------------------------------------------------------------
// 5. Hostile journal

const AT = 1_700_000_000_000;
const HELLO = Buffer.from('hello');
const create = (file: unknown, extra: Record<string, unknown> = {}) => ({ type: 'create', at: AT, file, ino: 1, ...extra });
const append = (file: unknown, offset: unknown, data: unknown = HELLO, extra: Record<string, unknown> = {}) =>
  ({ type: 'append', at: AT, file, offset, data, crc: data instanceof Uint8Array ? checksum(data) : 0, ...extra });
const START = [create('p1.pack'), append('p1.pack', 0)];

/** An op stored as given: a value to msgpack, or raw bytes (not msgpack at all). */
type RawOp = unknown;
interface HostileCase {
  what: string;
  /** Ops stored at seqs 1, 2, ... ; `outside` is a directory next to the target, `victim` a file in it. */
  ops: (paths: { outside: string; victim: string }) => RawOp[];
  /** Extra raw keys and values. */
  extra?: Array<[Buffer, Buffer]>;
  code?: string;
}

export const HOSTILE_CASES: HostileCase[] = [
  // escaping the target
  { what: 'a create of an absolute path', ops: ({ outside }) => [...START, create(path.join(outside, 'evil')), append(path.join(outside, 'evil'), 0)] },
  { what: 'an append at offset 0 to an absolute path of an existing file', ops: ({ victim }) => [...START, append(victim, 0, Buffer.from('owned'))] },
  { what: 'a delete of an absolute path', ops: ({ victim }) => [...START, { type: 'delete', at: AT, file: victim, size: 6 }] },
  { what: 'a delete of ../outside/victim', ops: () => [...START, { type: 'delete', at: AT, file: '../outside/victim.txt', size: 6 }] },
  { what: 'a create of .', ops: () => [...START, create('.')] },
  { what: 'a create of an empty name', ops: () => [...START, create('')] },
  { what: 'a create of an absolute path with a NUL', ops: ({ outside }) => [...START, create(`${outside}/x\0.pack`)] },
  { what: 'a create of a name ending in NUL', ops: () => [...START, create('p2.pack\0')] },
  { what: 'a resync naming ../evil', ops: () => [...START, { type: 'resync', at: AT, reason: 'missed', detail: 'x', file: '../evil' }] },
  { what: 'a delete of .rdm-journal (the cursor)', ops: () => [...START, { type: 'delete', at: AT, file: '.rdm-journal', size: 0 }] },
  // wrong types
  { what: 'a file name that is a number', ops: () => [...START, create(42)] },
  { what: 'a file name that is an array', ops: () => [...START, create(['..', 'evil'])] },
  { what: 'a file name that is binary', ops: () => [...START, create(Buffer.from('../evil'))] },
  { what: 'an offset that is a string', ops: () => [...START, append('p1.pack', '5')] },
  { what: 'a crc that is a string', ops: () => [...START, { ...append('p1.pack', 5), crc: 'abc' }] },
  { what: 'an at that is a string', ops: () => [...START, { ...append('p1.pack', 5), at: 'yesterday' }] },
  { what: 'an at that is NaN', ops: () => [...START, { ...append('p1.pack', 5), at: NaN }] },
  { what: 'an op without at', ops: () => [...START, { type: 'create', file: 'p2.pack', ino: 2 }] },
  { what: 'a mode that is a string', ops: () => [...START, create('p2.pack', { mode: '0777' })] },
  { what: 'an op that is an array', ops: () => [...START, ['append', AT, 'p1.pack', 5, HELLO]] },
  { what: 'an op that is a string', ops: () => [...START, 'create ../evil'] },
  { what: 'an op that is nil', ops: () => [...START, null] },
  { what: 'an op that is a number', ops: () => [...START, 7] },
  { what: 'an op that is not msgpack', ops: () => [...START, Buffer.of(0xc1, 0xc1, 0xc1)] },
  { what: 'an op cut short (map of 6, one entry)', ops: () => [...START, Buffer.concat([Buffer.of(0x86, 0xa4), Buffer.from('type'), Buffer.of(0xa6), Buffer.from('append')])] },
  // absurd numbers
  { what: 'an append at offset -1', ops: () => [...START, append('p1.pack', -1)] },
  { what: 'an append at offset 2^53', ops: () => [...START, append('p1.pack', 2 ** 53)] },
  { what: 'an append at offset 2^64-1', ops: () => [...START, append('p1.pack', 18446744073709551615n)] },
  { what: 'an append at offset 1e300', ops: () => [...START, append('p1.pack', 1e300)] },
  { what: 'an append at offset 5.5', ops: () => [...START, append('p1.pack', 5.5)] },
  { what: 'an append at offset NaN', ops: () => [...START, append('p1.pack', NaN)] },
  { what: 'an append of 1 MiB + 1 bytes', ops: () => [...START, append('p1.pack', 5, Buffer.alloc(1024 * 1024 + 1, 1))] },
  { what: 'an append of 0 bytes', ops: () => [...START, append('p1.pack', 5, Buffer.alloc(0))] },
  { what: 'a delete with size 2^60', ops: () => [...START, { type: 'delete', at: AT, file: 'p1.pack', size: 2 ** 60 }] },
  { what: 'a delete with size -5', ops: () => [...START, { type: 'delete', at: AT, file: 'p1.pack', size: -5 }] },
  { what: 'a create with mode 04777 (setuid)', ops: () => [...START, create('p2.pack', { mode: 0o4777 })] },
  { what: 'a create with ino -1', ops: () => [...START, create('p2.pack', { ino: -1 })] },
  // unknown kinds
  { what: 'an op of type truncate', ops: () => [...START, { type: 'truncate', at: AT, file: 'p1.pack', size: 0 }] },
  { what: 'an op of type rename', ops: () => [...START, { type: 'rename', at: AT, from: 'p1.pack', to: '../evil' }] },
  { what: 'an op of type symlink', ops: () => [...START, { type: 'symlink', at: AT, file: 'p2.pack', target: '/etc/passwd' }] },
  { what: 'an op of type CREATE', ops: () => [...START, { ...create('p2.pack'), type: 'CREATE' }] },
  { what: 'an op without type', ops: () => [...START, { at: AT, file: 'p2.pack', ino: 2 }] },
  { what: 'a resync of an unknown reason', ops: () => [...START, { type: 'resync', at: AT, reason: 'because', detail: 'x' }] },
  // keys
  { what: 'ops 1, 2, then 4 (a gap)', ops: () => [...START], extra: [[opKeyBig(4n), rawPackr.pack(append('p1.pack', 5))]] },
  { what: 'ops 1, 2, then 2^53+2 (a gap past the largest safe integer)', ops: () => [...START], extra: [[opKeyBig(2n ** 53n + 2n), rawPackr.pack(append('p1.pack', 5))]] },
  { what: 'a key in the op range that is not 9 bytes', ops: () => [...START], extra: [[Buffer.of(0x6f, 0xff, 0xff), rawPackr.pack(create('p2.pack'))]] },
];

function opKeyBig(seq: bigint): Buffer {
  const key = Buffer.alloc(9);
  key[0] = 0x6f;
  key.writeBigUInt64BE(seq, 1);
  return key;
}

async function writeHostileJournal(dir: string, ops: RawOp[], extra: Array<[Buffer, Buffer]> = []): Promise<void> {
  const db = new Level<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' });
  await db.open();
  try {
    const puts: Array<{ type: 'put'; key: Uint8Array; value: Uint8Array }> = [{ type: 'put', key: Buffer.from('mformat'), value: rawPackr.pack({ version: 1, createdAt: AT }) }];
    ops.forEach((op, i) => puts.push({ type: 'put', key: opKey(i + 1), value: op instanceof Uint8Array ? op : rawPackr.pack(op) }));
    for (const [key, value] of extra) puts.push({ type: 'put', key, value });
    await db.batch(puts);
  } finally {
    await db.close();
  }
}

export interface HostileOptions extends ScenarioOptions {
  /** Also run the read-only commands (log, show) on each journal: they must not crash either. */
  readers?: boolean;
  /** Only the cases whose description includes one of these (default all). */
  only?: string[];
}

/**
 * Each hostile journal (ops escaping the target, wrong types, absurd numbers, unknown kinds, bad
 * keys) is replayed into an empty target inside a sandbox holding a victim file: JOURNAL_CORRUPT,
 * nothing of the batch on the target, and the whole sandbox exactly as it was. verify must fail
 * too; no command may crash (INTERNAL or a stack trace). And a target file swapped for a symlink
 * to the victim is TARGET_DIVERGED, the victim untouched.
 */
export async function hostileJournal(options: HostileOptions = {}): Promise<FaultRow> {
  const log = options.log ?? quiet;
  const row = new Row('hostile journal', log);
  const cases = HOSTILE_CASES.filter((c) => !options.only || options.only.some((word) => c.what.includes(word)));
  for (const hostile of cases) {
    row.context = hostile.what;
    const root = tempDir('rdm-hostile-');
    const outside = path.join(root, 'outside');
    const victim = path.join(outside, 'victim.txt');
    fs.mkdirSync(outside);
    fs.writeFileSync(victim, 'victim');
    const journal = path.join(root, 'journal');
    await writeHostileJournal(journal, hostile.ops({ outside, victim }), hostile.extra);
    const target = path.join(root, 'parent', 'target');
    fs.mkdirSync(target, { recursive: true });
    const skip = (rel: string) => rel === 'journal' || rel.startsWith(`journal${path.sep}`) || rel.startsWith(path.join('parent', 'target', '.rdm-journal'));
    const before = describeTree(root, skip);
    // verify only reads: it runs on a copy, alongside the replay.
    const copy = path.join(root, 'journal-copy');
    copyTree(journal, copy);
    const [replay, verify] = await Promise.all([cli(['replay', '--journal', journal, '--to', target]), cli(['verify', '--journal', copy])]);
    fs.rmSync(copy, { recursive: true, force: true });
    row.faultsInjected += 1;
    row.expect('replay', replay, 1, [hostile.code ?? 'JOURNAL_CORRUPT']);
    const after = describeTree(root, skip);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      row.fail(`the sandbox changed:\n  before: ${before.join(', ')}\n  after:  ${after.join(', ')}`);
    }
    if (fs.readFileSync(victim, 'utf8') !== 'victim') row.fail('the victim file outside the target was written');
    row.count('sandboxChecks');
    row.bytesCompared += 6;
    row.expect('verify', verify, 1, ['VERIFY_FAILED', 'JOURNAL_CORRUPT']);
    if (options.readers) {
      const commands = [['log'], ['show', String(hostile.ops({ outside, victim }).length)]];
      const runs = await Promise.all(commands.map((args) => cli([...args, '--journal', journal])));
      runs.forEach((run, i) => {
        const name = commands[i]![0]!;
        if (run.internal || (run.exit !== 0 && run.exit !== 1)) row.fail(`${name} crashed: ${describeOutcome(run)}\n${run.stderr.slice(-800)}`);
        row.count(`readers.${name}.exit${run.exit}`);
      });
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
  row.context = 'symlinked target file';
  if (!options.only || options.only.some((word) => 'symlinked target file'.includes(word))) await symlinkedTargetFile(row);
  row.context = '';
  row.runs += 1;
  row.note(`${cases.length} hostile journals and a target file swapped for a symlink; replay, verify${options.readers ? ', log and show' : ''} on each`);
  return row.done();
}

/** A replayed target whose file is swapped for a symlink to a file outside: TARGET_DIVERGED, nothing written through it. */
async function symlinkedTargetFile(row: Row): Promise<void> {
  const d = makeDirs('rdm-hostile-link-');
  const victim = path.join(d.root, 'victim.txt');
  fs.writeFileSync(victim, 'victim');
  fs.writeFileSync(path.join(d.src, 'p1.pack'), 'first');
  row.expect('symlinked target file: record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
  row.expect('symlinked target file: replay', await cli(['replay', '--journal', d.journal, '--to', d.target]), 0);
  fs.appendFileSync(path.join(d.src, 'p1.pack'), ' and more');
  row.expect('symlinked target file: record --once', await cli(['record', d.src, '--journal', d.journal, '--once']), 0);
  const link = path.join(d.target, 'p1.pack');
  fs.rmSync(link);
  fs.symlinkSync(victim, link);
  const run = await cli(['replay', '--journal', d.journal, '--to', d.target]);
  row.faultsInjected += 1;
  row.expect('a target file swapped for a symlink to a file outside', run, 1, ['TARGET_DIVERGED']);
  if (fs.readFileSync(victim, 'utf8') !== 'victim') row.fail('the file outside the target was written through a symlink');
  if (!fs.lstatSync(link).isSymbolicLink()) row.fail('the planted symlink was replaced (the target was written)');
  removeRun(d);
}
