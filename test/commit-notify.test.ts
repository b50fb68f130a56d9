/**
 * The commit notification, both halves: a host's stamp in `<journal>/notify` and the readers'
 * watch on it (src/journal/commit-notify.ts), on a real directory with real inotify, the stamp
 * written from another process as a journal's host would.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CommitStamp, CommitWatcher, NOTIFY_NAME, readCommitStamp } from '../src/journal/commit-notify.js';
import { cleanUp, repoRoot, tempDir } from './support.js';

const test = suite('commit-notify');
test.after(cleanUp);

/** A watcher on `dir` whose `next()` resolves at the next commit it sees; rejects after `ms`. */
function watchCommits(dir: string, ms = 20_000): { next: () => Promise<void>; watcher: CommitWatcher } {
  let wake: (() => void) | null = null;
  const watcher = new CommitWatcher(dir, () => wake?.());
  const next = () => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no commit seen in ${ms} ms`)), ms);
    wake = () => { clearTimeout(timer); wake = null; resolve(); };
  });
  return { next, watcher };
}

test('a reader wakes on a commit stamped by a host in another process, and reads its mark and pid', async () => {
  const dir = tempDir();
  const { next, watcher } = watchCommits(dir);
  try {
    const seen = next();
    const script = `import { CommitStamp } from ${JSON.stringify(path.join(repoRoot, 'src/journal/commit-notify.ts'))};
      const stamp = CommitStamp.open(${JSON.stringify(dir)}); stamp.committed(42n); stamp.close();`;
    const host = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, stdio: 'ignore' });
    const [code] = await once(host, 'close');
    assert.is(code, 0, 'the host ran');
    await seen;
    const stamp = readCommitStamp(dir);
    assert.is(stamp.mark, 42n);
    assert.is(stamp.pid, host.pid);
  } finally {
    watcher.close();
  }
});

test('the mark only grows across hosts, and the stamp is rewritten in place', async () => {
  const dir = tempDir();
  assert.equal(readCommitStamp(dir), { mark: 0n, pid: null }, 'no stamp yet');
  const first = CommitStamp.open(dir);
  for (let seq = 1n; seq <= 100n; seq++) first.committed(seq);
  first.close();
  assert.is(fs.statSync(path.join(dir, NOTIFY_NAME)).size, 24, 'one stamp, never appended to');
  const second = CommitStamp.open(dir);
  assert.is(second.mark, 100n, 'a new host starts from the last host\'s mark');
  second.committed(7n); // a batch below the mark (one holding no op, or an older one) never lowers it
  second.close();
  assert.equal(readCommitStamp(dir), { mark: 100n, pid: process.pid });
});

test('every commit wakes a watcher; after close, nothing more is written', async () => {
  const dir = tempDir();
  const stamp = CommitStamp.open(dir);
  const { next, watcher } = watchCommits(dir);
  try {
    for (let seq = 1n; seq <= 3n; seq++) {
      const seen = next();
      stamp.committed(seq);
      await seen;
    }
  } finally {
    watcher.close();
    stamp.close();
  }
  stamp.committed(99n);
  assert.is(readCommitStamp(dir).mark, 3n);
});

test.run();
