/**
 * `rdm-journal report`: the page is opened in a real headless Chromium (Debian's `chromium`, driven
 * by playwright-core): it loads with no console error and no network request, and it holds one
 * element per file life, one per resync and one per known target, counted against the journal.
 * RDM_REPORT_SCREENSHOT=FILE also saves a screenshot there (the README's picture is made this way).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeAppend, type Op } from '../src/journal/op.js';
import { cleanUp, resultEvent, runCli, skip, tempDir, writeJournal, type RunResult } from './support.js';

const CHROMIUM = '/usr/bin/chromium';

test.after(cleanUp);

/**
 * An engine's day in ops: packs created every 10 s of recorded time, appended in 4 KiB steps at a
 * rate that rises and falls, the lowest deleted once four exist (vacuum); a shrunk pack recorded
 * again, and a queue overflow (a resync that names no file).
 */
function workload(): { ops: Op[]; lives: number; resyncs: number } {
  const ops: Op[] = [];
  const start = Date.parse('2026-11-24T02:00:00Z');
  const live: Array<{ name: string; size: number }> = [];
  let lives = 0;
  for (let pack = 1; pack <= 12; pack++) {
    const at = start + pack * 10_000;
    const name = `p${String(pack).padStart(8, '0')}.pack`;
    ops.push({ type: 'create', at, file: name, ino: 100 + pack });
    lives += 1;
    const appends = 5 + (pack % 5) * 4;
    let size = 0;
    for (let i = 0; i < appends; i++) {
      ops.push(makeAppend(name, size, Buffer.alloc(4096, pack), at + 200 + i * 300));
      size += 4096;
    }
    live.push({ name, size });
    if (pack === 6) {
      // The recorder found p6 shorter than recorded: a resync, then the file recorded again from 0.
      ops.push({ type: 'resync', at: at + 9000, reason: 'shrunk', detail: 'p00000006.pack is 4096 bytes, 24576 recorded', file: name, recordedSize: size, foundSize: 4096 });
      ops.push({ type: 'delete', at: at + 9000, file: name, size });
      ops.push({ type: 'create', at: at + 9001, file: name, ino: 206 });
      ops.push(makeAppend(name, 0, Buffer.alloc(4096, 66), at + 9002));
      lives += 1;
      live[live.length - 1]!.size = 4096;
    }
    if (pack === 9) ops.push({ type: 'resync', at: at + 5000, reason: 'overflow', detail: 'the kernel dropped events; the directory was rescanned' });
    while (live.length > 4) {
      const oldest = live.shift()!;
      ops.push({ type: 'delete', at: at + 9500, file: oldest.name, size: oldest.size });
    }
  }
  return { ops, lives, resyncs: 2 };
}

function ok(result: RunResult, what: string): void {
  assert.is(result.code, 0, `${what} failed:\n${result.stdout}\n${result.stderr}`);
}

test('report: one self-contained page, opened in Chromium without errors or requests; its lives, resyncs and targets match the journal', async () => {
  if (!existsSync(CHROMIUM)) return skip(`${CHROMIUM} is missing (Debian package chromium; .ci/run installs it)`);
  const { chromium } = await import('playwright-core');
  const dir = tempDir();
  const journal = path.join(dir, 'DB.journal');
  const { ops, lives, resyncs } = workload();
  const head = await writeJournal(journal, ops);
  const target = path.join(dir, 'DB-COPY.rdm');
  ok(await runCli(['replay', '--journal', journal, '--to', target, '--until', String(Math.floor(head / 2))]), 'replay');
  const page = path.join(dir, 'report.html');
  const result = await runCli(['report', '--journal', journal, '--out', page, '--utc', '--json']);
  ok(result, 'report');
  assert.equal(resultEvent(result.stdout), { event: 'result', file: page, bytes: readFileSync(page).length, ops: { from: 1, until: head }, lives, resyncs, targets: 1 });
  const html = readFileSync(page, 'utf8');
  assert.not.match(html, /<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'the page loads nothing and runs nothing');

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    tab.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text()); });
    tab.on('pageerror', (err) => problems.push(err.message));
    tab.on('request', (request) => requests.push(request.url()));
    await tab.goto(`file://${page}`, { waitUntil: 'load' });
    assert.equal(problems, [], 'console errors or warnings');
    assert.equal(requests, [`file://${page}`], 'the page requested nothing but itself');
    const drawn = await tab.$$eval('[data-life]', (nodes) => nodes.map((node) => `${node.getAttribute('data-file')}@${node.getAttribute('data-life')}`));
    assert.is(drawn.length, lives);
    assert.is(new Set(drawn).size, lives, 'each life once');
    assert.ok(drawn.includes('p00000006.pack@' + String(ops.findIndex((op) => op.type === 'create' && op.ino === 206) + 1)), 'p6\'s second life, from its create');
    assert.equal(await tab.$$eval('[data-resync]', (nodes) => nodes.map((node) => node.getAttribute('data-resync')).sort()), ['overflow', 'shrunk']);
    assert.equal(await tab.$$eval('[data-target]', (nodes) => nodes.map((node) => node.getAttribute('data-target'))), [target]);
    assert.is(resyncs, 2);
    const screenshot = process.env.RDM_REPORT_SCREENSHOT;
    if (screenshot) await tab.screenshot({ path: screenshot, fullPage: true });
  } finally {
    await browser.close();
  }
});

test('report: a window with --from after --until is a usage error naming both; nothing is written', async () => {
  const dir = tempDir();
  const journal = path.join(dir, 'DB.journal');
  await writeJournal(journal, workload().ops);
  const page = path.join(dir, 'report.html');
  const result = await runCli(['report', '--journal', journal, '--out', page, '--from', '40', '--until', '20']);
  assert.is(result.code, 2, result.stderr);
  assert.match(result.stderr, /--from \(op 40\) is after --until \(op 20\)/);
  assert.not.ok(existsSync(page));
});

test.run();
