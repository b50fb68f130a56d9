/**
 * Writes journal-format/fixtures/v<N>/: a small journal holding every op type, and expected.json
 * describing it. Run once per released format version; a released fixture is never regenerated.
 *
 *   node --import tsx tools/make-fixture.ts journal-format/fixtures/v1
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FORMAT_VERSION, Journal } from '../src/journal/journal.js';
import { makeAppend, type Op } from '../src/journal/op.js';

const AT = Date.UTC(2026, 10, 24, 12, 0, 0);
const bytes = (text: string) => Buffer.from(text, 'utf8');

const ops: Op[] = [
  { type: 'create', at: AT, file: 'p00000001.pack', ino: 1001 },
  makeAppend('p00000001.pack', 0, bytes('first transaction;'), AT + 1),
  makeAppend('p00000001.pack', 18, bytes('second;'), AT + 2),
  { type: 'create', at: AT + 3, file: 'p00000002.pack', ino: 1002 },
  makeAppend('p00000002.pack', 0, Buffer.alloc(300, 0xab), AT + 4),
  { type: 'create', at: AT + 5, file: 'db.idindex', ino: 1003 },
  makeAppend('db.idindex', 0, bytes('index'), AT + 6),
  { type: 'delete', at: AT + 7, file: 'p00000001.pack', size: 25 },
  { type: 'resync', at: AT + 8, reason: 'shrunk', detail: 'db.idindex shrank from 5 to 2 bytes; recorded again from offset 0',
    file: 'db.idindex', recordedSize: 5, foundSize: 2 },
  { type: 'delete', at: AT + 9, file: 'db.idindex', size: 5 },
  { type: 'create', at: AT + 10, file: 'db.idindex', ino: 1003 },
  makeAppend('db.idindex', 0, bytes('ix'), AT + 11),
  { type: 'resync', at: AT + 12, reason: 'overflow', detail: 'the kernel dropped inotify events (queue overflow); rescanning the source' },
  makeAppend('p00000002.pack', 300, bytes('tail'), AT + 13),
];

/** The source's files after the last op. */
const SOURCE: Record<string, Buffer> = { 'p00000002.pack': Buffer.concat([Buffer.alloc(300, 0xab), bytes('tail')]), 'db.idindex': bytes('ix') };

async function makeFixture(dir: string): Promise<void> {
  const journalDir = path.join(dir, 'journal');
  if (existsSync(journalDir)) throw new Error(`${journalDir} exists: released fixtures are never regenerated`);
  mkdirSync(dir, { recursive: true });
  const journal = await Journal.open(journalDir, { create: true });
  await journal.bindSource({ path: '/srv/rdm/DB.rdm', dev: 2049, ino: 131073 });
  await journal.append(ops.slice(0, 8));
  await journal.append(ops.slice(8));
  await journal.targets.note({ path: '/backup/DB-COPY.rdm', seq: 8, updatedAt: AT + 20 });
  const files = Object.fromEntries([...journal.fileStates()].map(([name, state]) => [name, state]));
  const stats = await journal.stats();
  const index: Record<string, unknown[]> = {};
  for await (const name of journal.index.fileNames()) {
    index[name] = [];
    for await (const entry of journal.index.fileOps(name)) index[name]!.push(entry);
  }
  const targets = await journal.targets.known();
  const source = journal.source; // as stored: from 0.2.0 with `fsid` (null here)
  await journal.close();
  const expected = {
    version: FORMAT_VERSION,
    source,
    head: ops.length,
    ops: ops.map((op, i) => ({ seq: i + 1, ...describe(op) })),
    fileStates: files,
    stats,
    index,
    targets,
    ...(FORMAT_VERSION >= 3 ? { dataFiles: dataFiles(path.join(journalDir, 'data')) } : {}),
    contents: Object.fromEntries(Object.entries(SOURCE).map(([name, data]) => [name, sha256(data)])),
  };
  writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  if (FORMAT_VERSION >= 3) {
    // What the source held after the last op: a reader that replays the ops must get these bytes.
    mkdirSync(path.join(dir, 'source'));
    for (const [name, data] of Object.entries(SOURCE)) writeFileSync(path.join(dir, 'source', name), data);
  }
}

function describe(op: Op): Record<string, unknown> {
  return op.type === 'append' ? { ...op, data: undefined, dataLength: op.data.length, dataSha256: sha256(op.data) } : { ...op };
}

/** Format 3: each data file's length and SHA-256, by name (one per life with appends, pruned or not). */
function dataFiles(dir: string): Record<string, { length: number; sha256: string }> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => {
    const bytes = readFileSync(path.join(dir, name));
    return [name, { length: bytes.length, sha256: sha256(bytes) }];
  }));
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

await makeFixture(process.argv[2] ?? `journal-format/fixtures/v${FORMAT_VERSION}`);
