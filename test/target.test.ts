/**
 * A target resumed from every crash window of a batch: the interrupted batch's effects are made
 * on real files (as a SIGKILL at that point would leave them), the cursor is left recording the
 * batch as `applying`, and a resumed replay must end with exactly what the journal says.
 */
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Journal } from '../src/journal/journal.js';
import { makeAppend, type JournalOp, type Op } from '../src/journal/op.js';
import { replay } from '../src/replay/replayer.js';
import { Target } from '../src/replay/target.js';
import { cleanUp, tempDir, targetFiles } from './support.js';

const test = suite('target');
test.after(cleanUp);

const at = Date.UTC(2026, 10, 24);
const bytes = (text: string) => Buffer.from(text);
// Batch 1: ops 1-2. Batch 2: ops 3-7, the shape the recorder writes when pack 1 is vacuumed:
// pack 1's last bytes, pack 2 created and filled, then pack 1 deleted.
const OPS: Op[] = [
  { type: 'create', at, file: 'p1.pack', ino: 1 },
  makeAppend('p1.pack', 0, bytes('aaaa'), at),
  makeAppend('p1.pack', 4, bytes('bbbb'), at),
  { type: 'create', at, file: 'p2.pack', ino: 2 },
  makeAppend('p2.pack', 0, bytes('cccc'), at),
  { type: 'delete', at, file: 'p1.pack', size: 8 },
  { type: 'create', at, file: 'p3.pack', ino: 3 },
];

async function journalWith(ops: readonly Op[]): Promise<Journal> {
  const journal = await Journal.open(path.join(tempDir('rdm-target-journal-'), 'j'), { create: true });
  await journal.bindSource({ path: '/db/DB.rdm', dev: 1, ino: 1 });
  await journal.append(ops);
  return journal;
}

/** Applies ops 1..2, then the first `steps` ops of batch 2 by hand, with the cursor saying "applying 3..head". */
async function interruptedTarget(journal: Journal, steps: number): Promise<string> {
  const dir = path.join(tempDir('rdm-target-'), 'copy');
  const identity = { createdAt: journal.createdAt, source: journal.source!.path };
  const target = await Target.open(dir, identity);
  const batch: JournalOp[] = [];
  for await (const op of journal.readOps()) batch.push(op);
  await target.apply(batch.slice(0, 2));
  // What a crash inside target.apply(batch 2) leaves: the intent first, then some of the writes.
  await (target as unknown as { saveCursor(c: object): Promise<void> }).saveCursor({ ...cursorOf(target), applying: journal.head });
  for (const op of batch.slice(2, 2 + steps)) applyByHand(dir, op);
  await target.close();
  return dir;
}

function cursorOf(target: Target): object {
  return (target as unknown as { cursor: object }).cursor;
}

function applyByHand(dir: string, op: JournalOp): void {
  const file = path.join(dir, (op as { file: string }).file);
  if (op.type === 'create') fs.writeFileSync(file, '');
  if (op.type === 'append') {
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, op.data, 0, op.data.length, op.offset);
    fs.closeSync(fd);
  }
  if (op.type === 'delete') fs.unlinkSync(file);
}

// A file recorded again within one batch (the recorder's restart shape for a replaced file): its
// old incarnation's last bytes, a resync, its delete, another file, then its new create.
const REPLACED: Op[] = [
  { type: 'create', at, file: 'X', ino: 1 },
  makeAppend('X', 0, bytes('aaaa'), at),
  makeAppend('X', 4, bytes('bbbb'), at),
  { type: 'resync', at, reason: 'replaced', detail: 'X now names another file', file: 'X', recordedSize: 8 },
  { type: 'delete', at, file: 'X', size: 8 },
  { type: 'create', at, file: 'Y', ino: 2 },
  makeAppend('Y', 0, bytes('yy'), at),
  { type: 'create', at, file: 'X', ino: 3 },
  makeAppend('X', 0, bytes('new'), at),
];

for (let steps = 0; steps <= 7; steps++) {
  test(`a batch that deletes and creates a file again, interrupted after ${steps} of its 7 ops, is finished`, async () => {
    const journal = await journalWith(REPLACED);
    try {
      const dir = await interruptedTarget(journal, steps);
      await replay({ journal, targets: [dir] });
      assert.equal([...targetFiles(dir)].map(([name, data]) => [name, data.toString()]), [['X', 'new'], ['Y', 'yy']]);
    } finally {
      await journal.close();
    }
  });
}

for (let steps = 0; steps <= 5; steps++) {
  test(`a batch interrupted after ${steps} of its 5 ops is finished by the next replay`, async () => {
    const journal = await journalWith(OPS);
    try {
      const dir = await interruptedTarget(journal, steps);
      const [result] = await replay({ journal, targets: [dir] });
      assert.is(result!.to, 7);
      assert.equal([...targetFiles(dir)].map(([name, data]) => [name, data.toString()]), [['p2.pack', 'cccc'], ['p3.pack', '']]);
    } finally {
      await journal.close();
    }
  });
}

test('a control directory left half-created by a cut (CURRENT naming an empty MANIFEST) is made again; one holding a cursor is not', async () => {
  const identity = { createdAt: Date.now(), source: '/db/DB.rdm' };
  const dir = path.join(tempDir('rdm-target-'), 'copy');
  await (await Target.open(dir, identity)).close(); // made: its 'writing' mark is in a log now
  const control = path.join(dir, '.rdm-journal');
  const manifest = () => path.join(control, fs.readFileSync(path.join(control, 'CURRENT'), 'utf8').trim());
  fs.truncateSync(manifest(), 0);
  let thrown = await Target.open(dir, identity).then((t) => t.close(), (err: { code?: string }) => err.code);
  assert.is(thrown, 'TARGET_UNUSABLE', 'a control database with a log holding records is damaged, not half-created');

  const fresh = path.join(tempDir('rdm-target-'), 'fresh');
  fs.mkdirSync(path.join(fresh, '.rdm-journal'), { recursive: true });
  fs.writeFileSync(path.join(fresh, '.rdm-journal', 'MANIFEST-000001'), '');
  fs.writeFileSync(path.join(fresh, '.rdm-journal', 'CURRENT'), 'MANIFEST-000001\n');
  thrown = await Target.open(fresh, identity).then((t) => t.close(), (err: { code?: string }) => err.code);
  assert.is(thrown, undefined);
});

test('--until below an interrupted batch is refused, and the target is left as it was', async () => {
  const journal = await journalWith(OPS);
  try {
    const dir = await interruptedTarget(journal, 3); // p1 grown, p2 created and filled
    const before = [...targetFiles(dir)];
    const err = await replay({ journal, targets: [dir], until: 3 }).catch((e: unknown) => e);
    assert.is((err as { code?: string }).code, 'TARGET_PAST_UNTIL');
    assert.equal([...targetFiles(dir)], before);
  } finally {
    await journal.close();
  }
});

test('a replay that stops with a half-applied batch keeps the writing mark; a finished one removes it', async () => {
  const journal = await journalWith(OPS);
  try {
    const dir = await interruptedTarget(journal, 2);
    const { Level } = await import('level');
    const control = new Level(path.join(dir, '.rdm-journal'), { keyEncoding: 'utf8', valueEncoding: 'view' });
    await control.open();
    assert.ok(await control.get('writing'), 'an interrupted batch leaves the mark');
    await control.close();
    await replay({ journal, targets: [dir] });
    await control.open();
    assert.is(await control.get('writing'), undefined, 'a finished replay removes it');
    await control.close();
  } finally {
    await journal.close();
  }
});

test.run();
