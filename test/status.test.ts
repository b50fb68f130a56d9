/**
 * `status` reads counters and op stamps (kind, time, length), never op bytes: it answers in the
 * same time on any journal, and a damaged data file is `verify`'s finding, not a reason for status
 * to fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cleanUp, errorEvent, resultEvent, runCli, tempDir } from './support.js';

const test = suite('status');
test.after(cleanUp);

test('status answers without reading op bytes: a damaged data file leaves it whole; verify reports it', async () => {
  const root = tempDir('rdm-status-');
  const src = path.join(root, 'DB.rdm');
  const journal = path.join(root, 'journal');
  fs.mkdirSync(src);
  fs.writeFileSync(path.join(src, 'p1.pack'), Buffer.alloc(4096, 7));
  assert.is((await runCli(['record', src, '--journal', journal, '--once'])).code, 0);
  assert.is((await runCli(['replay', '--journal', journal, '--to', path.join(root, 'copy')])).code, 0); // a known target: its byte lag is counted
  const [dataFile] = fs.readdirSync(path.join(journal, 'data'));
  const file = path.join(journal, 'data', dataFile!);
  const bytes = fs.readFileSync(file);
  bytes[100] = bytes[100]! ^ 0xff;
  fs.writeFileSync(file, bytes);

  const run = await runCli(['status', '--journal', journal, '--json']);
  assert.is(run.code, 0, `${run.stdout}\n${run.stderr}`);
  const result = resultEvent(run.stdout)!;
  assert.is(result.head, 2);
  assert.equal(result.ops, { create: 1, append: 1, delete: 0, resync: 0 });
  assert.is(result.bytesHeld, 4096);
  assert.is((result.targets as Array<{ lagBytes: number }>)[0]!.lagBytes, 0);

  const verify = await runCli(['verify', '--journal', journal, '--json']);
  assert.is(verify.code, 1);
  assert.is(errorEvent(verify.stdout)?.code, 'VERIFY_FAILED');
});

test.run();
