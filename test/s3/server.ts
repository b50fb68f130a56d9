/**
 * The S3 tests' server: a real Swift with s3api (test/s3/swift-server.sh), started once per test
 * file in its own process group, stopped by stop() (the group, and the servers that left it). Rings are built once per port
 * and kept under the system's temp directory, so later starts take seconds, not minutes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { repoRoot, tempDir } from '../support.js';

const START_TIMEOUT_MS = 300_000;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // its "Node 22 from 2027" notice, once per run
export const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'test:tester', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };

export interface SwiftServer {
  endpoint: string;
  /** The environment a CLI child needs to reach it (credentials and endpoint). */
  env: NodeJS.ProcessEnv;
  /** A client with the same settings as rdm-journal's, for tests that look at or damage objects. */
  client: S3Client;
  createBucket(name: string): Promise<void>;
  listKeys(bucket: string, prefix: string): Promise<string[]>;
  getObject(bucket: string, key: string): Promise<Uint8Array>;
  putObject(bucket: string, key: string, body: Uint8Array): Promise<void>;
  deleteObject(bucket: string, key: string): Promise<void>;
  /** Kills the whole server (every process of its group) and waits for it to be gone. */
  stop(): Promise<void>;
  /** Starts it again on the same directory and port: it serves what it held. */
  start(): Promise<void>;
}

/** Whether the Debian Swift packages are installed (else the test file prints SKIP). */
export function swiftInstalled(): boolean {
  return ['swift-proxy-server', 'swift-object-server', 'swift-ring-builder', 'memcached', 'curl'].every((tool) =>
    (process.env.PATH ?? '/usr/bin:/bin').split(':').some((dir) => fs.existsSync(path.join(dir, tool))));
}

/**
 * The port the S3 server listens on (and the next four for Swift's own servers): RDM_TEST_S3_PORT,
 * else 18300. Two runs on one machine at once (a test run and a bench) need different ports.
 */
export const S3_PORT = Number(process.env.RDM_TEST_S3_PORT ?? 18300);

export async function startSwift(port = S3_PORT): Promise<SwiftServer> {
  const dir = tempDir('rdm-swift-');
  const endpoint = `http://127.0.0.1:${port}`;
  const ringsDir = path.join(os.tmpdir(), 'rdm-journal-swift-rings');
  let child: ChildProcess | null = null;
  const client = new S3Client({
    region: CREDENTIALS.AWS_REGION, endpoint, forcePathStyle: true,
    credentials: { accessKeyId: CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: CREDENTIALS.AWS_SECRET_ACCESS_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const start = async () => {
    child = spawn('bash', [path.join(repoRoot, 'test/s3/swift-server.sh'), dir, String(port)], {
      detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RINGS_DIR: ringsDir },
    });
    const started = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`swift did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      const onData = (text: Buffer) => {
        output += text.toString();
        if (/^ready$/m.test(output)) { clearTimeout(timer); resolve(); }
      };
      started.stdout!.on('data', onData);
      started.stderr!.on('data', onData);
      started.once('exit', (code) => { clearTimeout(timer); reject(new Error(`swift exited (${code}) before it was ready:\n${output}`)); });
    });
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    try { process.kill(-running.pid!, 'SIGKILL'); } catch { /* already gone */ }
    await gone;
    killServers(dir);
    // The group's other members (servers, memcached) die with the signal; wait for the port to close.
    for (let i = 0; i < 100 && await answers(endpoint); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  };
  process.once('exit', () => {
    if (child?.pid) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    killServers(dir);
  });
  await start();
  return {
    endpoint, client, start, stop,
    env: { ...CREDENTIALS, AWS_ENDPOINT_URL: endpoint },
    createBucket: async (name) => { await client.send(new CreateBucketCommand({ Bucket: name })); },
    listKeys: async (bucket, prefix) => {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).map((o) => o.Key!));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys;
    },
    getObject: async (bucket, key) => (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray(),
    putObject: async (bucket, key, body) => { await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body })); },
    deleteObject: async (bucket, key) => { await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })); },
  };
}

/**
 * Swift's servers leave the script's process group (they call setsid when they daemonize), so the
 * group kill misses them: they are found by their configuration under `dir` and killed by pid.
 */
function killServers(dir: string): void {
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let cmdline = '';
    try { cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    if (cmdline.includes(`${dir}/conf/`)) try { process.kill(Number(pid), 'SIGKILL'); } catch { /* gone */ }
  }
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    await fetch(`${endpoint}/healthcheck`, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
}
