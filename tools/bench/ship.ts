/**
 * The ship section: `rdm-journal ship` of a journal in bulk against plain PutObject of the same
 * bytes, in objects of the same sizes, with the same SDK and settings, to the same server (a real
 * Swift with s3api on 127.0.0.1, test/s3/server.ts); and `replay --from` onto a fresh target against
 * GetObject of the same objects. Side by side in each run: the ratio is taken per run, and reported
 * as median, min and max. Both sides run in this process (no process start-up in either).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { Journal } from '../../src/journal/journal.js';
import { parseReplicaUrl } from '../../src/ship/object-store.js';
import { Replica } from '../../src/ship/replica.js';
import { replayReplica } from '../../src/ship/replica-replay.js';
import { S3Store } from '../../src/ship/s3-store.js';
import { ship } from '../../src/ship/shipper.js';
import { startSwift, swiftInstalled } from '../../test/s3/server.js';
import { MiB, cliRun, compareDirs, freshDir, log, nowNs, remove, secondsSince, summarize, type BenchConfig } from './common.js';
import { ratio, type Report } from './table.js';

const BUCKET = 'rdm-bench';

export async function shipBench(cfg: BenchConfig, report: Report): Promise<void> {
  if (!swiftInstalled()) {
    report.note('ship: skipped, Swift (swift-proxy, swift-object, swift-container, swift-account, memcached) is not installed');
    return;
  }
  const bytes = cfg.quick ? 64 * MiB : 256 * MiB;
  const root = freshDir(cfg.work, 'ship');
  const server = await startSwift(); // the tests' port (RDM_TEST_S3_PORT): its rings are built already; a bench beside a test run needs another
  try {
    await server.createBucket(BUCKET);
    const { source, journal } = await recordSource(root, bytes);
    const store = new S3Store(BUCKET, server.env);
    const shipRatios: number[] = [];
    const replayRatios: number[] = [];
    const shipRates: number[] = [];
    const replayRates: number[] = [];
    for (let run = 1; run <= cfg.runs; run++) {
      const replica = new Replica(store, parseReplicaUrl(`s3://${BUCKET}/run${run}`));
      const shipSeconds = await timeShip(journal, replica);
      const sizes = await segmentSizes(replica);
      const putSeconds = await timePuts(server.client, `put${run}`, sizes);
      const target = path.join(root, `target${run}`);
      const replaySeconds = await timeReplay(replica, target);
      const same = compareDirs(source, target);
      if (!same.identical) throw new Error(`replay --from: target differs from the source: ${JSON.stringify(same).slice(0, 300)}`);
      const getSeconds = await timeGets(server.client, replica);
      const shipped = sizes.reduce((a, b) => a + b, 0);
      log(`ship run ${run}: ship ${fmtRate(shipped, shipSeconds)}, PutObject ${fmtRate(shipped, putSeconds)}; replay --from ${fmtRate(shipped, replaySeconds)}, GetObject ${fmtRate(shipped, getSeconds)}`);
      shipRatios.push(putSeconds / shipSeconds);
      replayRatios.push(getSeconds / replaySeconds);
      shipRates.push(shipped / MiB / shipSeconds);
      replayRates.push(shipped / MiB / replaySeconds);
      remove(target);
    }
    const s = summarize(shipRatios);
    const r = summarize(replayRatios);
    report.add('ship', `ship ${bytes / MiB} MiB in bulk (8 MiB segments) to Swift s3api on 127.0.0.1`, shipRates, 'MiB/s',
      { ratio: `${ratio(s.median, 1, 'PutObject')} (min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)})`, target: 'target >= 0.8x', pass: s.median >= 0.8 });
    report.add('ship', `replay --from of it to a fresh target (fsynced)`, replayRates, 'MiB/s',
      { ratio: `${ratio(r.median, 1, 'GetObject')} (min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)})`, target: 'target >= 0.8x', pass: r.median >= 0.8 });
    report.note('ship: the ratios are per run (baseline time / our time), side by side: PutObject of objects of the segments\' sizes, ' +
      'GetObject of every segment into memory (replay --from also writes the target and fsyncs it); same SDK, same client settings, same server');
  } finally {
    await server.stop();
    remove(root);
  }
}

/** A source of 16 MiB packs of random bytes, recorded once: 1 MiB appends, as the recorder splits them. */
async function recordSource(root: string, bytes: number): Promise<{ source: string; journal: string }> {
  const source = path.join(root, 'DB.rdm');
  fs.mkdirSync(source);
  for (let i = 1, left = bytes; left > 0; i++, left -= 16 * MiB) {
    fs.writeFileSync(path.join(source, `p${String(i).padStart(8, '0')}.pack`), randomBytes(Math.min(left, 16 * MiB)));
  }
  const journal = path.join(root, 'journal');
  const result = await cliRun(['record', source, '--once', '--journal', journal, '-q']);
  if (result.code !== 0) throw new Error(`record --once failed: ${result.stderr}`);
  return { source, journal };
}

async function timeShip(journalDir: string, replica: Replica): Promise<number> {
  const journal = await Journal.open(journalDir);
  try {
    const started = nowNs();
    await ship({ journal, replica });
    return secondsSince(started);
  } finally {
    await journal.close();
  }
}

async function segmentSizes(replica: Replica): Promise<number[]> {
  const sizes: number[] = [];
  for await (const segment of replica.segments()) sizes.push(segment.size);
  return sizes;
}

async function timePuts(client: import('@aws-sdk/client-s3').S3Client, prefix: string, sizes: readonly number[]): Promise<number> {
  const bodies = sizes.map((size) => randomBytes(size));
  const started = nowNs();
  for (const [i, body] of bodies.entries()) {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${String(i).padStart(20, '0')}`, Body: body, ContentLength: body.length }));
  }
  return secondsSince(started);
}

async function timeReplay(replica: Replica, target: string): Promise<number> {
  const started = nowNs();
  await replayReplica({ replica, target });
  return secondsSince(started);
}

async function timeGets(client: import('@aws-sdk/client-s3').S3Client, replica: Replica): Promise<number> {
  const keys: string[] = [];
  for await (const segment of replica.segments()) keys.push(segment.key);
  const started = nowNs();
  for (const key of keys) await (await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToByteArray();
  return secondsSince(started);
}

const fmtRate = (bytes: number, seconds: number) => `${(bytes / MiB / seconds).toFixed(1)} MiB/s`;
