/**
 * Prunes from several processes at once on one journal: each reads the `pruned` record (horizon and
 * counts), removes lives, and writes the record back. Without a lock across processes a prune that
 * read the record before another wrote it overwrites it: the horizon moves back below ops already
 * gone and the counts lose the other prune, and `verify` fails for good.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RdmJournalError } from '../src/errors.js';
import { Journal, emptyPruned } from '../src/journal/journal.js';
import { makeAppend, type Op } from '../src/journal/op.js';
import { cleanUp, describeOutput, outputOf, resultEvent, runCli, spawnCli, tempDir, waitForExit, writeJournal } from './support.js';

const test = suite('prune-lock');
test.after(cleanUp);

/** Enough lives that a prune walks the index for a while: the prunes overlap. */
const LIVES = 1000;

/** A journal of LIVES small files, each created, appended to and deleted (3 ops), then one live file. */
async function journalOfLives(): Promise<{ dir: string; head: number }> {
  const dir = tempDir('rdm-prune-lock-');
  const at = Date.now();
  const ops: Op[] = [];
  for (let i = 1; i <= LIVES; i++) {
    const file = `p${i}.pack`;
    ops.push({ type: 'create', at, file, ino: i }, makeAppend(file, 0, Buffer.alloc(10, i), at), { type: 'delete', at, file, size: 10 });
  }
  ops.push({ type: 'create', at, file: `p${LIVES + 1}.pack`, ino: LIVES + 1 });
  return { dir, head: await writeJournal(dir, ops) };
}

test('prunes in three processes at once: the horizon ends at the highest, never moves back, the counts hold every life removed, verify passes', async () => {
  const { dir, head } = await journalOfLives();
  // Each --before N removes the lives ended before op N, ascending; the highest removes them all.
  const befores = [1, 2, 3].map((k) => Math.floor(((head - 1) * k) / 3) + 1);
  const children = befores.map((before) => spawnCli(['prune', '--journal', dir, '--before', String(before), '--json']));
  for (const child of children) {
    const { code } = await waitForExit(child);
    assert.is(code, 0, `prune failed:\n${describeOutput(child)}`);
    const result = resultEvent(outputOf(child).stdout)!;
    assert.ok((result.horizon as number) >= (result.previousHorizon as number), `a prune moved the horizon back: ${JSON.stringify(result)}`);
  }
  const status = await runCli(['status', '--journal', dir, '--json']);
  const pruned = resultEvent(status.stdout)?.pruned as { horizon: number; ops: number; bytes: number };
  assert.is(pruned.horizon, befores[2]! - 1, `final horizon:\n${status.stdout}`);
  assert.equal([pruned.ops, pruned.bytes], [3 * LIVES, 10 * LIVES], 'every removed op and byte counted once');
  const verify = await runCli(['verify', '--journal', dir]);
  assert.is(verify.code, 0, `verify after concurrent prunes:\n${verify.stdout}\n${verify.stderr}`);
});

test('a pruned record that would lower the stored horizon (a prune ignoring the lock) is refused, the record unchanged', async () => {
  const { dir } = await journalOfLives();
  const journal = await Journal.open(dir);
  try {
    await journal.prune.removeLives([], { ...emptyPruned(), horizon: 600, at: Date.now() });
    const refused = await journal.prune.removeLives([], { ...emptyPruned(), horizon: 300, at: Date.now() }).then(() => null, (err: unknown) => err);
    assert.ok(refused instanceof RdmJournalError && refused.code === 'JOURNAL_LOCKED', `expected JOURNAL_LOCKED, got ${String(refused)}`);
    assert.is((await journal.pruned()).horizon, 600);
  } finally {
    await journal.close();
  }
});

test.run();
