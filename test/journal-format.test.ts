import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FORMAT_VERSION, Journal } from '../src/journal/journal.js';

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
      assert.is(journal.version, expected.version);
      if (expected.version >= 2) {
        assert.equal(await journal.stats(), expected.stats);
        assert.equal(await readIndex(journal), expected.index);
        assert.equal(await journal.targets.known(), expected.targets);
      }
      if (expected.version >= 3) assert.equal(dataFilesOf(copy), expected.dataFiles, 'data files: one per life with appends, an image of the pack');
    } finally {
      await journal.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
}

function dataFilesOf(journalDir: string): Record<string, { length: number; sha256: string }> {
  const dir = path.join(journalDir, 'data');
  return Object.fromEntries(readdirSync(dir).sort().map((name) => {
    const bytes = readFileSync(path.join(dir, name));
    return [name, { length: bytes.length, sha256: sha256(bytes) }];
  }));
}

async function readIndex(journal: Journal): Promise<Record<string, unknown[]>> {
  const index: Record<string, unknown[]> = {};
  for await (const name of journal.index.fileNames()) {
    index[name] = [];
    for await (const entry of journal.index.fileOps(name)) index[name]!.push(entry);
  }
  return index;
}

for (const from of ['v1', 'v2']) {
  test(`a ${from} journal: ops readable as they are, upgrade gives what v3 stores for the same ops (index, counters, data files)`, async () => {
    const v3 = JSON.parse(readFileSync(path.join(FIXTURES, 'v3', 'expected.json'), 'utf8'));
    const copy = mkdtempSync(path.join(os.tmpdir(), 'rdm-fixture-upgrade-'));
    cpSync(path.join(FIXTURES, from, 'journal'), copy, { recursive: true });
    try {
      const old = await Journal.open(copy);
      try {
        assert.is(old.version, Number(from.slice(1)));
        assert.is((await old.readOp(14)).seq, 14);
        if (from === 'v1') {
          const refused = await old.stats().then(() => null, (err: unknown) => err as { code?: string });
          assert.is(refused?.code, 'JOURNAL_VERSION');
        }
      } finally {
        await old.close();
      }
      const upgraded = await Journal.open(copy, { upgrade: true });
      try {
        assert.is(upgraded.version, 3);
        assert.is(upgraded.upgradedFromVersion, Number(from.slice(1)));
        assert.equal(await upgraded.stats(), v3.stats);
        assert.equal(await readIndex(upgraded), v3.index);
        assert.equal(Object.fromEntries(upgraded.fileStates()), v3.fileStates);
        assert.is(await upgraded.lookup.appendedAt(14), v3.stats.bytes);
        assert.is(await upgraded.lookup.appendedAt(4), 25);
        assert.is(await upgraded.stored.checkAllRecords() > 0, true, 'every record reads back through its seal');
      } finally {
        await upgraded.close();
      }
      assert.equal(dataFilesOf(copy), v3.dataFiles, 'the data files a format 3 writer writes for the same ops');
      const again = await Journal.open(copy);
      assert.is(again.version, 3, 'the upgrade is stored');
      await again.close();
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
}

test.run();
