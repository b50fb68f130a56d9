/**
 * Progress on long work: a bar with its rate and ETA on a terminal (a real pseudo-terminal, from
 * util-linux's `script`), nothing when stderr is not a terminal, nothing with -q or --json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cleanUp, cliScript, packOps, runCli, skip, tempDir, writeJournal } from './support.js';

test.after(cleanUp);

const SCRIPT = '/usr/bin/script';

/** Runs the CLI with stdout and stderr on a pseudo-terminal; returns what the terminal showed. */
function onTerminal(args: string[]): { status: number | null; screen: string } {
  const command = [process.execPath, cliScript, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  const run = spawnSync(SCRIPT, ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '120', TERM: 'xterm' } });
  return { status: run.status, screen: run.stdout };
}

async function journalOf(ops: number): Promise<string> {
  const dir = path.join(tempDir(), 'DB.journal');
  const packs: Array<[string, Buffer]> = [['p1.pack', Buffer.alloc(ops * 64, 7)]];
  await writeJournal(dir, packOps(packs, { chunk: 64 }).ops);
  return dir;
}

test('verify and replay draw a bar with rate and ETA on a terminal, and nothing elsewhere or with -q', async () => {
  if (!existsSync(SCRIPT)) return skip(`${SCRIPT} is missing (Debian package bsdutils)`);
  const journal = await journalOf(3000);
  const verified = onTerminal(['verify', '--journal', journal]);
  assert.is(verified.status, 0, verified.screen);
  assert.match(verified.screen, /verifying \[[^\]]*\] \d+% \d+ ops of 3001 ops, .*ETA/, verified.screen);
  const target = path.join(path.dirname(journal), 'DB-COPY.rdm');
  const replayed = onTerminal(['replay', '--journal', journal, '--to', target]);
  assert.is(replayed.status, 0, replayed.screen);
  assert.match(replayed.screen, new RegExp(`replaying to ${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\[`), replayed.screen);
  const quiet = onTerminal(['-q', 'verify', '--journal', journal]);
  assert.is(quiet.status, 0, quiet.screen);
  assert.not.match(quiet.screen, /verifying|ETA/, 'nothing with -q');
  const json = onTerminal(['--json', 'verify', '--journal', journal]);
  assert.not.match(json.screen, /ETA/, 'nothing with --json');
  const piped = await runCli(['verify', '--journal', journal]);
  assert.is(piped.code, 0, piped.stderr);
  assert.not.match(piped.stderr + piped.stdout, /verifying|ETA|\x1b/, 'nothing when stderr is not a terminal');
});

test.run();
