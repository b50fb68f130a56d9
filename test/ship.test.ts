/**
 * `rdm-journal ship` and `replay --from` against a real S3-compatible server (Swift with s3api,
 * test/s3/server.ts): shipping while the engine writes with the shipper SIGKILLed again and again,
 * the server killed mid-ship and started again, wrong credentials, a missing bucket, an endpoint
 * that does not answer, a damaged object and a missing one. The server starts once for the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  RECORDING, assertSameFiles, cleanUp, describeOutput, engineSummary, errorEvent, outputOf, resultEvent, runCli, skip, sleep,
  sourceFiles, spawnCli, spawnEngine, targetFiles, tempDir, waitForExit, waitForOutput,
} from './support.js';
import { startSwift, swiftInstalled, type SwiftServer } from './s3/server.js';
import { Journal } from '../src/journal/journal.js';
import { parseReplicaUrl } from '../src/ship/object-store.js';
import { Replica } from '../src/ship/replica.js';
import { S3Store } from '../src/ship/s3-store.js';
import { encodeSegment } from '../src/ship/segment.js';

let server: SwiftServer | null = null;
const BUCKET = 'rdm-test';

test.before(async () => {
  if (!swiftInstalled()) return;
  server = await startSwift();
  await server.createBucket(BUCKET);
});

test.after(async () => {
  await server?.stop();
  await cleanUp();
});

/** A source recorded live while the engine rotates and vacuums: creates, appends and deletes, a few hundred ops. */
async function recordedJournal(seed: number): Promise<{ root: string; src: string; journal: string }> {
  const root = tempDir('rdm-ship-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  const journal = path.join(root, 'journal');
  const recorder = spawnCli(['record', src, '--journal', journal, '--json']);
  await waitForOutput(recorder, RECORDING);
  await engineSummary(spawnEngine(src, { transactions: 400, rate: 2000, packSize: 16384, keep: 3, writesPerTx: 3, maxSize: 4096, seed }));
  recorder.kill('SIGTERM');
  assert.is((await waitForExit(recorder)).code, 0, describeOutput(recorder));
  return { root, src, journal };
}

/** One recorded journal for the tests that read it (each ships it to its own prefix). */
let shared: Promise<{ root: string; src: string; journal: string }> | null = null;
const sharedJournal = () => (shared ??= recordedJournal(162));

/** A journal of two small files, recorded once; `fresh` for one of its own (else one shared by the file). */
let tiny: Promise<{ src: string; journal: string }> | null = null;
async function tinyJournal(fresh = false): Promise<{ src: string; journal: string }> {
  const make = async () => {
    const root = tempDir('rdm-ship-');
    const src = path.join(root, 'DB.rdm');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'p00000001.pack'), Buffer.alloc(5000, 1));
    fs.writeFileSync(path.join(src, 'p00000002.pack'), Buffer.alloc(300, 2));
    const rec = await runCli(['record', src, '--once', '--journal', path.join(root, 'journal'), '-q']);
    assert.is(rec.code, 0, rec.stderr);
    return { src, journal: path.join(root, 'journal') };
  };
  return fresh ? make() : (tiny ??= make());
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runCli(args, { env: { ...server!.env, ...env }, timeoutMs: 180_000 });
}

/** A stderr without a JavaScript stack trace: user-facing errors never print one. */
function assertNoStack(stderr: string): void {
  assert.not.match(stderr, /\n\s+at .*:\d+:\d+\)?\n/, `stack trace printed:\n${stderr}`);
}

test('ship while the engine writes, SIGKILLed four times and restarted: replay --from onto another directory equals the source', async () => {
  if (!server) return skip('Swift (swift-proxy, swift-object, swift-container, swift-account, memcached, curl) is not installed');
  const root = tempDir('rdm-ship-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  const journal = path.join(root, 'journal');
  const url = `s3://${BUCKET}/live`;
  const recorder = spawnCli(['record', src, '--journal', journal, '--json']);
  await waitForOutput(recorder, RECORDING);
  const sim = spawnEngine(src, { transactions: 3000, rate: 600, packSize: 65536, keep: 3, writesPerTx: 3, maxSize: 4096, seed: 161 });
  for (let kill = 1; kill <= 4; kill++) {
    const shipper = spawnCli(['ship', '--follow', '--journal', journal, '--to', url], { env: server.env });
    await waitForOutput(shipper, /following until/);
    // Each shipper ships something before it is killed (then at a different point of its work).
    const before = (await server.listKeys(BUCKET, 'live/segments/')).length;
    for (let i = 0; i < 600 && (await server.listKeys(BUCKET, 'live/segments/')).length === before; i++) await sleep(100);
    await sleep(kill * 70);
    shipper.kill('SIGKILL');
    await waitForExit(shipper);
  }
  await engineSummary(sim, 120_000);
  recorder.kill('SIGTERM');
  assert.is((await waitForExit(recorder)).code, 0, describeOutput(recorder));
  const last = await cli(['ship', '--journal', journal, '--to', url, '--json']);
  assert.is(last.code, 0, last.stderr);
  const shipped = resultEvent(last.stdout)!;
  assert.ok((shipped.from as number) > 0, 'the killed shippers shipped nothing: the test did not test resuming');

  // The other host: no journal, only the replica.
  const copy = path.join(tempDir('rdm-other-host-'), 'DB.rdm');
  const replayed = await cli(['replay', '--from', url, '--to', copy]);
  assert.is(replayed.code, 0, replayed.stderr);
  assertSameFiles(targetFiles(copy), sourceFiles(src), 'replayed from the replica vs source');
  const verified = await cli(['verify', '--from', url]);
  assert.is(verified.code, 0, verified.stdout + verified.stderr);
  // The journal knows the replica and how far it is: status shows it, prune respects it.
  const status = await cli(['status', '--journal', journal, '--json']);
  const targets = (resultEvent(status.stdout)!.targets as Array<{ path: string; lagOps: number }>);
  assert.equal(targets.map((t) => [t.path, t.lagOps]), [[url, 0]]);
});

test('replay --from resumes from the target\'s cursor, and --until stops at an op; a later replay goes on', async () => {
  if (!server) return skip('Swift is not installed');
  const { journal } = await sharedJournal();
  const url = `s3://${BUCKET}/until`;
  assert.is((await cli(['ship', '--journal', journal, '--to', url])).code, 0);
  const copy = path.join(tempDir('rdm-other-host-'), 'copy');
  const first = await cli(['replay', '--from', url, '--to', copy, '--until', '40', '--json']);
  assert.is(first.code, 0, first.stderr);
  const local = path.join(tempDir('rdm-local-'), 'copy');
  assert.is((await runCli(['replay', '--journal', journal, '--to', local, '--until', '40'])).code, 0);
  assertSameFiles(targetFiles(copy), targetFiles(local), 'replica --until 40 vs journal --until 40');
  const rest = await cli(['replay', '--from', url, '--to', copy, '--json']);
  assert.is(rest.code, 0, rest.stderr);
  assert.is((resultEvent(rest.stdout)!.targets as Array<{ from: number }>)[0]!.from, 40);
  assert.is((await runCli(['replay', '--journal', journal, '--to', local])).code, 0);
  assertSameFiles(targetFiles(copy), targetFiles(local), 'replica vs journal, to the end');
  const past = await cli(['replay', '--from', url, '--to', copy, '--until', '10', '--json']);
  assert.is(errorEvent(past.stdout)?.code, 'TARGET_PAST_UNTIL');
});

test('the server killed mid-ship and started again: the shipper retries, nothing is lost', async () => {
  if (!server) return skip('Swift is not installed');
  const root = tempDir('rdm-ship-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  const journal = path.join(root, 'journal');
  const url = `s3://${BUCKET}/outage`;
  const recorder = spawnCli(['record', src, '--journal', journal, '--json']);
  await waitForOutput(recorder, RECORDING);
  const shipper = spawnCli(['ship', '--follow', '--journal', journal, '--to', url], { env: { ...server.env, RDM_JOURNAL_S3_RETRY_SECONDS: '600' } });
  await waitForOutput(shipper, /following until/);
  const sim = spawnEngine(src, { transactions: 2000, rate: 500, packSize: 65536, keep: 3, writesPerTx: 3, maxSize: 4096, seed: 163 });
  await sleep(1500);
  await server.stop();
  await waitForOutput(shipper, /retrying in/, 60_000); // it met the outage
  await server.start();
  await engineSummary(sim, 120_000);
  recorder.kill('SIGTERM');
  assert.is((await waitForExit(recorder)).code, 0, describeOutput(recorder));
  shipper.kill('SIGTERM');
  const { code } = await waitForExit(shipper, 300_000);
  assert.is(code, 0, describeOutput(shipper));
  const copy = path.join(tempDir('rdm-other-host-'), 'DB.rdm');
  const replayed = await cli(['replay', '--from', url, '--to', copy]);
  assert.is(replayed.code, 0, replayed.stderr);
  assertSameFiles(targetFiles(copy), sourceFiles(src), 'replayed from the replica vs source');
  assert.not.match(outputOf(shipper).stderr, /error/);
});

test('wrong secret, missing bucket, unreachable endpoint: each its own code, no stack trace; only the last is retryable', async () => {
  if (!server) return skip('Swift is not installed');
  const { journal } = await tinyJournal();
  const denied = await cli(['ship', '--journal', journal, '--to', `s3://${BUCKET}/denied`, '--json'], { AWS_SECRET_ACCESS_KEY: 'not-the-secret' });
  assert.is(denied.code, 1);
  assert.is(errorEvent(denied.stdout)?.code, 'REPLICA_DENIED');
  assertNoStack(denied.stderr);
  const human = await cli(['replay', '--from', `s3://${BUCKET}/denied`, '--to', path.join(tempDir(), 'c')], { AWS_SECRET_ACCESS_KEY: 'not-the-secret' });
  assert.match(human.stderr, /error REPLICA_DENIED: .*AWS_SECRET_ACCESS_KEY|error REPLICA_DENIED: [^\n]*\n\s+hint: [^\n]*AWS_SECRET_ACCESS_KEY/);
  assertNoStack(human.stderr);
  const noBucket = await cli(['ship', '--journal', journal, '--to', 's3://no-such-bucket/x', '--json']);
  assert.is(noBucket.code, 1);
  assert.is(errorEvent(noBucket.stdout)?.code, 'REPLICA_NO_BUCKET');
  assert.match(errorEvent(noBucket.stdout)!.message, /no-such-bucket/);
  const unreachable = await cli(['ship', '--journal', journal, '--to', `s3://${BUCKET}/x`, '--json'],
    { AWS_ENDPOINT_URL: 'http://127.0.0.1:9', RDM_JOURNAL_S3_RETRY_SECONDS: '1' });
  assert.is(unreachable.code, 75);
  assert.is(errorEvent(unreachable.stdout)?.code, 'REPLICA_UNREACHABLE');
  assert.match(unreachable.stdout, /retrying in/); // retried before giving up (--json: warnings on stdout)
  assertNoStack(unreachable.stderr);
});

test('a flipped byte in a segment is REPLICA_CORRUPT naming the object; verify --from lists it; nothing is written', async () => {
  if (!server) return skip('Swift is not installed');
  const { journal } = await tinyJournal();
  const prefix = 'flipped';
  assert.is((await cli(['ship', '--journal', journal, '--to', `s3://${BUCKET}/${prefix}`])).code, 0);
  const key = (await server.listKeys(BUCKET, `${prefix}/segments/`))[0]!;
  const body = Buffer.from(await server.getObject(BUCKET, key));
  const middle = Math.floor(body.length / 2);
  body.writeUInt8(body.readUInt8(middle) ^ 0x01, middle);
  await server.putObject(BUCKET, key, body);
  const copy = path.join(tempDir('rdm-other-host-'), 'copy');
  const replayed = await cli(['replay', '--from', `s3://${BUCKET}/${prefix}`, '--to', copy, '--json']);
  assert.is(replayed.code, 1);
  const error = errorEvent(replayed.stdout)!;
  assert.is(error.code, 'REPLICA_CORRUPT');
  assert.ok(error.message.includes(key), error.message);
  assert.equal([...targetFiles(copy).keys()], []);
  const verified = await cli(['verify', '--from', `s3://${BUCKET}/${prefix}`, '--json']);
  assert.is(errorEvent(verified.stdout)?.code, 'VERIFY_FAILED');
  assert.ok(verified.stdout.includes(key));
});

test('no credentials at all: REPLICA_DENIED naming the variables', async () => {
  if (!server) return skip('Swift is not installed');
  const { journal } = await tinyJournal();
  const none = await runCli(['ship', '--journal', journal, '--to', `s3://${BUCKET}/none`, '--json'],
    { env: { AWS_ENDPOINT_URL: server.endpoint, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_PROFILE: 'rdm-journal-test-none', HOME: tempDir() } });
  assert.is(none.code, 1, none.stdout + none.stderr);
  assert.is(errorEvent(none.stdout)?.code, 'REPLICA_DENIED');
  assert.match(errorEvent(none.stdout)!.hint ?? '', /AWS_ACCESS_KEY_ID/);
});

test('the replica is a known target: status shows its lag, prune keeps what it has not shipped until ship catches up', async () => {
  if (!server) return skip('Swift is not installed');
  const { src, journal } = await tinyJournal(true);
  const url = `s3://${BUCKET}/pruned`;
  assert.is((await cli(['ship', '--journal', journal, '--to', url])).code, 0);
  // The engine vacuums: one pack goes, another comes; recorded after the ship.
  fs.rmSync(path.join(src, 'p00000001.pack'));
  fs.writeFileSync(path.join(src, 'p00000003.pack'), Buffer.alloc(700, 3));
  assert.is((await runCli(['record', src, '--once', '--journal', journal, '-q'])).code, 0);
  const status = resultEvent((await cli(['status', '--journal', journal, '--json'])).stdout)!;
  const head = status.head as number;
  const [replica] = status.targets as Array<{ path: string; seq: number; lagOps: number }>;
  assert.is(replica!.path, url);
  assert.ok(replica!.lagOps > 0 && replica!.seq + replica!.lagOps === head, JSON.stringify(status.targets));
  const blocked = await cli(['prune', '--journal', journal, '--before', String(head), '--json']);
  assert.is(errorEvent(blocked.stdout)?.code, 'PRUNE_BLOCKED', blocked.stdout + blocked.stderr);
  assert.ok(errorEvent(blocked.stdout)!.message.includes(url));
  assert.is((await cli(['ship', '--journal', journal, '--to', url])).code, 0);
  const pruned = await cli(['prune', '--journal', journal, '--before', String(head), '--json']);
  assert.is(pruned.code, 0, pruned.stdout + pruned.stderr);
  const copy = path.join(tempDir('rdm-other-host-'), 'copy');
  assert.is((await cli(['replay', '--from', url, '--to', copy])).code, 0);
  assertSameFiles(targetFiles(copy), sourceFiles(src), 'replayed vs source');
});

test('overlapping segments apply each op once; a missing one is a gap readers refuse; ship fills it', async () => {
  if (!server) return skip('Swift is not installed');
  const { src, journal: journalDir } = await sharedJournal();
  const url = `s3://${BUCKET}/gap`;
  // Segments as a shipper could leave them: 1..50, then 30..80 (a range shipped again after a
  // listing that lagged its put), then 81..head.
  const replica = new Replica(new S3Store(BUCKET, server.env), parseReplicaUrl(url));
  const journal = await Journal.open(journalDir);
  let head: number;
  try {
    head = journal.head;
    assert.ok(head > 100, `only ${head} ops`);
    await replica.claim({ createdAt: journal.createdAt, source: journal.source!.path });
    for (const [first, last] of [[1, 50], [30, 80], [81, head]] as const) {
      const ops = [];
      for await (const op of journal.readOps({ after: first - 1, upTo: last })) ops.push(op);
      await replica.store.put(replica.segmentKey(first, last), encodeSegment({ first, last, horizon: 0, journalCreatedAt: journal.createdAt, shippedAt: Date.now(), ops }));
    }
  } finally {
    await journal.close();
  }
  const copy = path.join(tempDir('rdm-other-host-'), 'copy');
  const replayed = await cli(['replay', '--from', url, '--to', copy, '--json']);
  assert.is(replayed.code, 0, replayed.stderr);
  assert.is((resultEvent(replayed.stdout)!.targets as Array<{ ops: number }>)[0]!.ops, head, 'each op applied once');
  assertSameFiles(targetFiles(copy), sourceFiles(src), 'replayed vs source');

  await server.deleteObject(BUCKET, replica.segmentKey(1, 50));
  const fresh = path.join(tempDir('rdm-other-host-'), 'copy');
  const refused = await cli(['replay', '--from', url, '--to', fresh, '--json']);
  assert.is(refused.code, 1);
  assert.is(errorEvent(refused.stdout)?.code, 'REPLICA_CORRUPT');
  assert.match(errorEvent(refused.stdout)!.message, /no segment holds op 1 /);
  assert.equal([...targetFiles(fresh).keys()], [], 'nothing written past a gap');

  assert.is((await cli(['ship', '--journal', journalDir, '--to', url])).code, 0);
  const filled = await cli(['replay', '--from', url, '--to', fresh]);
  assert.is(filled.code, 0, filled.stderr);
  assertSameFiles(targetFiles(fresh), sourceFiles(src), 'replayed after the gap was filled vs source');
});

test.run();
