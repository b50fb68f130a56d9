/**
 * `--metrics`: a running `backup` (record and replay in one process) and `replay --follow` serve
 * Prometheus metrics whose numbers agree with the journal and the target; a bare port listens on
 * loopback only; a bad or busy address is refused before anything is recorded.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  cleanUp, describeOutput, engineSummary, errorEvent, repoRoot, runCli, skip, sleep, sourceFiles, spawnCli, spawnEngine,
  targetFiles, tempDir, waitForExit, waitForOutput, assertSameFiles,
} from './support.js';

test.after(cleanUp);

const SERVING = /metrics at (http:\/\/\S+)/;
/** Prometheus's own checker (Debian package prometheus; .ci/run installs it). */
const PROMTOOL = '/usr/bin/promtool';

/** One scrape, as name{labels} -> value; with `lint`, rdm-journal's metrics must pass `promtool check metrics`. */
async function scrape(url: string, { lint = false } = {}): Promise<Map<string, number>> {
  const response = await fetch(url);
  assert.is(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  if (lint) {
    // Ours only: prom-client's own nodejs_active_*_total gauges fail promtool's naming lint.
    const ours = text.split('\n').filter((line) => /^(# (HELP|TYPE) )?rdm_journal_/.test(line)).join('\n') + '\n';
    const checked = spawnSync(PROMTOOL, ['check', 'metrics'], { input: ours, encoding: 'utf8' });
    assert.is(checked.status, 0, `promtool check metrics:\n${checked.stdout}${checked.stderr}`);
  }
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) values.set(match[1]!, Number(match[2]));
  }
  return values;
}

function value(metrics: Map<string, number>, name: string): number {
  const found = metrics.get(name);
  assert.ok(found !== undefined, `${name} is not served; served: ${[...metrics.keys()].filter((k) => k.startsWith('rdm_')).join(', ')}`);
  return found!;
}

test('backup --metrics: ops, bytes and commits recorded, descriptors held, and the target\'s cursor and lag, agreeing with the journal', async () => {
  const root = tempDir('rdm-metrics-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  const target = path.join(root, 'DB-COPY.rdm');
  const journal = `${target}.journal`;
  const backup = spawnCli(['backup', src, target, '--metrics', '0']);
  const url = (await waitForOutput(backup, SERVING))[1]!;
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/, 'a bare port listens on loopback');
  await waitForOutput(backup, /backing up .* stop with/);
  const engine = spawnEngine(src, { transactions: 300, rate: 300, maxSize: 2048, packSize: 32768, keep: 3, seed: 5 });
  for (let i = 0; i < 200 && !fs.readdirSync(src).some((name) => name.endsWith('.pack')); i++) await sleep(25);
  await sleep(100);
  if (!fs.existsSync(PROMTOOL)) return skip(`${PROMTOOL} is missing (Debian package prometheus; .ci/run installs it)`);
  const during = await scrape(url, { lint: true });
  assert.ok(value(during, 'rdm_journal_source_descriptors_open') >= 1, 'the recorder holds the packs it follows open');
  await engineSummary(engine);
  // Caught up: the head stops moving and the target's cursor reaches it.
  let after = await scrape(url);
  for (let i = 0; i < 100 && value(after, `rdm_journal_target_lag_ops{target="${target}"}`) > 0; i++) {
    await sleep(100);
    after = await scrape(url);
  }
  const head = value(after, 'rdm_journal_head');
  assert.is(value(after, `rdm_journal_target_cursor{target="${target}"}`), head);
  assert.is(value(after, `rdm_journal_target_lag_ops{target="${target}"}`), 0);
  assert.is(value(after, `rdm_journal_target_lag_bytes{target="${target}"}`), 0);
  assert.is(value(after, `rdm_journal_target_lag_seconds{target="${target}"}`), 0);
  const kinds = ['create', 'append', 'delete', 'resync'].map((kind) => value(after, `rdm_journal_ops_recorded_total{kind="${kind}"}`));
  assert.is(kinds.reduce((a, b) => a + b, 0), head, 'every op of the journal was committed by this process');
  assert.ok(value(after, 'rdm_journal_commit_duration_seconds_count') >= 1);
  assert.ok(value(after, 'process_cpu_seconds_total') > 0, 'process metrics too');
  backup.kill('SIGTERM');
  const { code } = await waitForExit(backup);
  assert.is(code, 0, describeOutput(backup));
  const status = JSON.parse((await runCli(['status', '--journal', journal, '--json'])).stdout) as { head: number; ops: Record<string, number> };
  assert.is(status.head, head);
  assert.equal(kinds, [status.ops.create, status.ops.append, status.ops.delete, status.ops.resync]);
  const appended = value(after, 'rdm_journal_bytes_recorded_total');
  assert.ok(appended > 0);
  assertSameFiles(targetFiles(target), sourceFiles(src), 'target');
  // Stopped: nothing listens any more.
  assert.not.ok(await connects(url));
});

test('replay --follow --metrics: a guest of the recorder reports its target\'s lag while it catches up', async () => {
  const root = tempDir('rdm-metrics-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  const journal = path.join(root, 'DB.journal');
  const target = path.join(root, 'DB-COPY.rdm');
  const engine = spawnEngine(src, { transactions: 200, rate: 0, maxSize: 4096, packSize: 65536, keep: 2, seed: 9 });
  await engineSummary(engine);
  const recorded = await runCli(['record', src, '--journal', journal, '--once']);
  assert.is(recorded.code, 0, recorded.stderr);
  const follower = spawnCli(['replay', '--journal', journal, '--to', target, '--follow', '--metrics', '127.0.0.1:0']);
  const url = (await waitForOutput(follower, SERVING))[1]!;
  let metrics = await scrape(url);
  for (let i = 0; i < 100 && value(metrics, `rdm_journal_target_lag_ops{target="${target}"}`) > 0; i++) {
    await sleep(100);
    metrics = await scrape(url);
  }
  assert.is(value(metrics, `rdm_journal_target_cursor{target="${target}"}`), value(metrics, 'rdm_journal_head'));
  assert.is(value(metrics, 'rdm_journal_ops_recorded_total{kind="append"}'), 0, 'a replay records nothing');
  follower.kill('SIGTERM');
  assert.is((await waitForExit(follower)).code, 0, describeOutput(follower));
});

test('--metrics: a malformed address is a usage error, a busy port METRICS_UNAVAILABLE; nothing is recorded', async () => {
  const root = tempDir('rdm-metrics-');
  const src = path.join(root, 'DB.rdm');
  fs.mkdirSync(src);
  fs.writeFileSync(path.join(src, 'p1.pack'), 'x');
  const bad = await runCli(['record', src, '--journal', path.join(root, 'a.journal'), '--once', '--metrics', 'localhost:http', '--json']);
  assert.is(bad.code, 2);
  assert.is(errorEvent(bad.stdout)?.code, 'USAGE');
  assert.not.ok(fs.existsSync(path.join(root, 'a.journal')));
  const busy = net.createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  try {
    const port = (busy.address() as net.AddressInfo).port;
    const taken = await runCli(['record', src, '--journal', path.join(root, 'b.journal'), '--metrics', String(port), '--json']);
    assert.is(taken.code, 1, taken.stderr);
    const error = errorEvent(taken.stdout);
    assert.is(error?.code, 'METRICS_UNAVAILABLE');
    assert.match(error!.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
    assert.not.match(taken.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    busy.close();
  }
});

test('examples/prometheus-alerts.yml: valid rules (promtool), naming metrics rdm-journal serves', () => {
  if (!fs.existsSync(PROMTOOL)) return skip(`${PROMTOOL} is missing (Debian package prometheus; .ci/run installs it)`);
  const rules = path.join(repoRoot, 'examples', 'prometheus-alerts.yml');
  const checked = spawnSync(PROMTOOL, ['check', 'rules', rules], { encoding: 'utf8' });
  assert.is(checked.status, 0, `${checked.stdout}${checked.stderr}`);
  const served = fs.readFileSync(path.join(repoRoot, 'src', 'cli', 'metrics.ts'), 'utf8');
  for (const [, name] of fs.readFileSync(rules, 'utf8').matchAll(/\b(rdm_journal_[a-z_]+)/g)) {
    assert.ok(served.includes(`'${name}'`), `${name} in the example rules is not a metric rdm-journal serves`);
  }
});

async function connects(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

test.run();
