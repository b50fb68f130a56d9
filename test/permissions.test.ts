/**
 * The journal holds database bytes: its directory is 0700 and its files 0600 whatever the caller's
 * umask; replayed files get their source file's mode. Run with umask 000 so nothing is private by luck.
 */
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cleanUp, runCli, targetFiles, tempDir } from './support.js';

const test = suite('permissions');
let umask = 0;
test.before.each(() => { umask = process.umask(0); });
test.after.each(async () => {
  process.umask(umask);
  await cleanUp();
});

const modeOf = (file: string) => fs.lstatSync(file).mode & 0o7777;

/** Every entry under `dir`, with its mode, as "relative/path 0600". */
function modes(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, entry);
    const stats = fs.lstatSync(file);
    if (stats.isSocket()) continue; // journal.sock exists only while a process hosts; checked below
    found.push(`${entry} ${(stats.mode & 0o7777).toString(8).padStart(4, '0')}`);
  }
  return found.sort();
}

test('with umask 000: the journal is 0700 with 0600 files; targets get the source files\' modes', async () => {
  const root = tempDir();
  const source = path.join(root, 'DB.rdm');
  fs.mkdirSync(source);
  const wanted: Record<string, number> = { 'p00000001.pack': 0o640, 'p00000002.pack': 0o600, 'p00000003.pack': 0o444, 'db.idindex': 0o664 };
  for (const [name, mode] of Object.entries(wanted)) {
    fs.writeFileSync(path.join(source, name), `bytes of ${name}`);
    fs.chmodSync(path.join(source, name), mode);
  }
  const journal = path.join(root, 'DB.journal');
  const recorded = await runCli(['record', source, '--once', '--journal', journal]);
  assert.is(recorded.code, 0, recorded.stderr);
  assert.is(modeOf(journal), 0o700);
  const entries = modes(journal);
  assert.ok(entries.length >= 5, entries.join('\n'));
  const loose = entries.filter((e) => {
    const [name, mode] = e.split(' ');
    return fs.lstatSync(path.join(journal, name!)).isDirectory() ? mode !== '0700' : mode !== '0600';
  });
  assert.equal(loose, [], 'journal entries not private');

  const target = path.join(root, 'copy');
  const replayed = await runCli(['replay', '--to', target, '--journal', journal]);
  assert.is(replayed.code, 0, replayed.stderr);
  assert.equal([...targetFiles(target).keys()].sort(), Object.keys(wanted).sort());
  for (const [name, mode] of Object.entries(wanted)) assert.is(modeOf(path.join(target, name)).toString(8), mode.toString(8), name);
  assert.is(modeOf(path.join(target, '.rdm-journal')), 0o700, 'the target control directory is private');

  // A read-only file that grows is still replayed (owner write is lifted to open it, then restored).
  fs.chmodSync(path.join(source, 'p00000003.pack'), 0o644);
  fs.appendFileSync(path.join(source, 'p00000003.pack'), ' and more');
  fs.chmodSync(path.join(source, 'p00000003.pack'), 0o444);
  assert.is((await runCli(['record', source, '--once', '--journal', journal])).code, 0);
  const again = await runCli(['replay', '--to', target, '--journal', journal]);
  assert.is(again.code, 0, again.stderr);
  assert.is(fs.readFileSync(path.join(target, 'p00000003.pack'), 'utf8'), 'bytes of p00000003.pack and more');
  assert.is(modeOf(path.join(target, 'p00000003.pack')), 0o444);
});

test.run();
