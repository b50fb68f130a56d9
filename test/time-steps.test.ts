/**
 * Ops keep the time their recorder's clock gave them, even when one op was stamped far ahead (a
 * clock jump, or damage): lookups by time (`replay --until TIME`, `prune --before TIME`, retention)
 * still find the last op recorded at or before a time, by seq.
 */
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Journal } from '../src/journal/journal.js';
import { makeAppend, type Op } from '../src/journal/op.js';
import { lastOpAtOrBefore } from '../src/journal/points.js';
import { checkSource } from '../src/capture/source.js';
import { cleanUp, readJournal, runCli, sourceFiles, tempDir, writeRawJournal } from './support.js';

const test = suite('time-steps');
test.after(cleanUp);

const T0 = Date.parse('2026-03-01T10:00:00Z');
const FAR = Date.parse('2100-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A journal whose op 3 says 2100; the ops after it carry their real times, seconds after T0. */
async function journalWithOneFarFutureOp(): Promise<string> {
  const root = tempDir('rdm-time-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  const dir = path.join(root, 'journal');
  const journal = await Journal.open(dir, { create: true });
  try {
    await journal.bindSource(checkSource(src));
    const ops: Op[] = [
      { type: 'create', at: T0, file: 'p1.pack', ino: 11, mode: 0o644 }, // 1
      makeAppend('p1.pack', 0, Buffer.from('one'), T0 + 1000), // 2
      { type: 'create', at: FAR, file: 'p2.pack', ino: 12, mode: 0o644 }, // 3: the clock jumped
      makeAppend('p2.pack', 0, Buffer.from('two'), T0 + 2000), // 4
      { type: 'delete', at: T0 + 3000, file: 'p1.pack', size: 3 }, // 5
      makeAppend('p2.pack', 3, Buffer.from(' more'), T0 + 4000), // 6
    ];
    await journal.append(ops.slice(0, 4));
    await journal.append(ops.slice(4));
  } finally {
    await journal.close();
  }
  return dir;
}

test('ops after a far-future op keep their real times; time lookups find the last op at or before, by seq', async () => {
  const dir = await journalWithOneFarFutureOp();
  const { ops } = await readJournal(dir);
  assert.equal(ops.map((op) => op.at), [T0, T0 + 1000, FAR, T0 + 2000, T0 + 3000, T0 + 4000]);
  const journal = await Journal.open(dir);
  try {
    assert.equal(await journal.timeSteps(), [4]);
    assert.is(await lastOpAtOrBefore(journal, T0 - 1), 0);
    assert.is(await lastOpAtOrBefore(journal, T0 + 1500), 2);
    assert.is(await lastOpAtOrBefore(journal, T0 + 2500), 4);
    assert.is(await lastOpAtOrBefore(journal, T0 + 3500), 5);
    assert.is(await lastOpAtOrBefore(journal, FAR - 1), 6);
    assert.is(await lastOpAtOrBefore(journal, FAR), 6);
  } finally {
    await journal.close();
  }
  const verify = await runCli(['verify', '--journal', dir]);
  assert.is(verify.code, 0, `a clock step is not damage:\n${verify.stdout}${verify.stderr}`);
});

test('replay --until TIME and prune --before TIME work past a far-future op', async () => {
  const dir = await journalWithOneFarFutureOp();
  const target = path.join(tempDir('rdm-time-target-'), 'COPY.rdm');
  const replay = await runCli(['replay', '--journal', dir, '--to', target, '--until', iso(T0 + 3500)]);
  assert.is(replay.code, 0, `${replay.stdout}${replay.stderr}`);
  assert.equal([...sourceFiles(target)].map(([name, data]) => [name, data.toString()]), [['p2.pack', 'two']],
    'the target is the source after op 5: p1 deleted, p2 before its second append');
  const prune = await runCli(['prune', '--journal', dir, '--before', iso(T0 + 3500)]);
  assert.is(prune.code, 0, `${prune.stdout}${prune.stderr}`);
  const { ops } = await readJournal(dir);
  assert.equal(ops.map((op) => op.seq), [3, 4, 6], 'the life of p1, ended at op 5, is pruned');
});

test('verify reports a time going back only when the journal does not list it (lookups would miss it)', async () => {
  const dir = path.join(tempDir('rdm-time-raw-'), 'journal');
  await writeRawJournal(dir, { ops: [
    { type: 'create', at: T0 + 1000, file: 'a', ino: 1 },
    { type: 'create', at: T0, file: 'b', ino: 2 },
  ] });
  const verify = await runCli(['verify', '--journal', dir, '--json']);
  assert.is(verify.code, 1, verify.stdout);
  // (A raw journal holds no file states: those findings are not about time.)
  const findings = verify.stdout.split('\n').filter((line) => line.includes('"finding"')).map((line) => JSON.parse(line) as { seq: number | null; message: string })
    .filter((f) => f.seq !== null);
  assert.equal(findings.map((f) => f.seq), [2], verify.stdout);
  assert.match(findings[0]!.message, /before op 1 .*not listed among the journal's time steps/);
});

test.run();
