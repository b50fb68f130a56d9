import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FORMAT_VERSION, Journal } from '../src/journal.js';

const FIXTURES = path.resolve('journal-format/fixtures');
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

test('the current format version has a fixture', () => {
  assert.ok(readdirSync(FIXTURES).includes(`v${FORMAT_VERSION}`));
});

for (const version of readdirSync(FIXTURES)) {
  test(`fixture ${version} opens and holds what expected.json says`, async () => {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, version, 'expected.json'), 'utf8'));
    const copy = mkdtempSync(path.join(os.tmpdir(), `rdm-fixture-${version}-`));
    cpSync(path.join(FIXTURES, version, 'journal'), copy, { recursive: true }); // opening writes LOG/LOCK
    const journal = await Journal.open(copy);
    try {
      assert.equal(journal.source, expected.source);
      assert.is(journal.head, expected.head);
      const contents = new Map<string, Buffer[]>();
      let i = 0;
      for await (const op of journal.readOps()) {
        const want = expected.ops[i++];
        if (op.type === 'append') {
          const { data, ...rest } = op;
          assert.equal({ ...rest, dataLength: data.length, dataSha256: sha256(data) }, want, `op ${op.seq}`);
          contents.get(op.file)!.push(Buffer.from(data));
        } else {
          assert.equal({ ...op }, want, `op ${op.seq}`);
          if (op.type === 'create') contents.set(op.file, []);
          if (op.type === 'delete') contents.delete(op.file);
        }
      }
      assert.is(i, expected.ops.length);
      assert.equal(Object.fromEntries(journal.fileStates()), expected.fileStates);
      const hashes = Object.fromEntries([...contents].map(([name, parts]) => [name, sha256(Buffer.concat(parts))]));
      assert.equal(hashes, expected.contents);
    } finally {
      await journal.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
}

test.run();
