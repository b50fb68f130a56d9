/**
 * Core errors speak the domain, the command line speaks flags: the same refusal, raised by the core
 * directly, names no flag and no command; printed by `rdm-journal`, its hint names the flag to
 * change and the command to run. The code is the same both ways.
 */
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RdmJournalError } from '../src/errors.js';
import { Journal } from '../src/journal/journal.js';
import { makeAppend } from '../src/journal/op.js';
import { replay } from '../src/replay/replayer.js';
import { cleanUp, errorEvent, runCli, tempDir, writeJournal } from './support.js';

const test = suite('cli-hints');
test.after(cleanUp);

const COMMAND_LINE = /--[a-z]|rdm-journal [a-z]/;

async function coreError(work: () => Promise<unknown>): Promise<RdmJournalError> {
  try {
    await work();
  } catch (err) {
    if (err instanceof RdmJournalError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

async function cliError(args: string[], exit: number): Promise<{ code: string; message: string; hint?: string }> {
  const run = await runCli([...args, '--json']);
  assert.is(run.code, exit, `${args.join(' ')}: exit\n${run.stdout}\n${run.stderr}`);
  const error = errorEvent(run.stdout);
  assert.ok(error, `${args.join(' ')}: an error event\n${run.stdout}`);
  return error;
}

test('a missing journal: the core says to record one first; the command line names record and --journal', async () => {
  const missing = path.join(tempDir(), 'no-journal');
  const core = await coreError(() => Journal.open(missing));
  assert.is(core.code, 'JOURNAL_NOT_FOUND');
  assert.ok(core.hint, 'the core gives a hint of its own');
  assert.not.match(`${core.message}\n${core.hint}`, COMMAND_LINE);

  const printed = await cliError(['status', '--journal', missing], 1);
  assert.is(printed.code, 'JOURNAL_NOT_FOUND');
  assert.match(printed.hint ?? '', 'rdm-journal record');
  assert.match(printed.hint ?? '', '--journal');
});

test('a resync that is to stop early: USAGE from the core in domain words; the command line names --resync and --until', async () => {
  const root = tempDir();
  const journalDir = path.join(root, 'journal');
  await writeJournal(journalDir, [{ type: 'create', at: Date.now(), file: 'p00000001.pack', ino: 1 }, makeAppend('p00000001.pack', 0, Buffer.from('hello'))]);
  const target = path.join(root, 'copy');
  const journal = await Journal.open(journalDir);
  try {
    const core = await coreError(() => replay({ journal, targets: [target], resync: true, until: 1 }));
    assert.is(core.code, 'USAGE');
    assert.not.match(`${core.message}\n${core.hint}`, COMMAND_LINE);
  } finally {
    await journal.close();
  }

  const printed = await cliError(['replay', '--journal', journalDir, '--to', target, '--resync', '--until', '1'], 2);
  assert.is(printed.code, 'USAGE');
  assert.match(printed.hint ?? '', '--resync');
  assert.match(printed.hint ?? '', '--until');
});

test.run();
