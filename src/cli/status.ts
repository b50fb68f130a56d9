/**
 * `rdm-journal status`: the journal (extent, counters, bytes held, live files), the recorder, and
 * each target a replay has told the journal about, with its lag. Constant time however long the
 * journal: counters are kept with every batch, and a target's byte lag is read from the checkpoint
 * at or before its cursor. Works while record and replay run: the journal is shared.
 */
import { existsSync } from 'node:fs';
import { Journal } from '../journal.js';
import { formatBytes, formatSeconds, formatTime } from './format.js';
import type { Output } from './output.js';

export interface StatusOptions { journal: string; utc: boolean; out: Output }

export async function status({ journal: journalDir, utc, out }: StatusOptions): Promise<void> {
  const journal = await Journal.open(journalDir);
  try {
    const stats = await journal.stats();
    const head = stats.head;
    const first = head > 0 ? await journal.readOp(1) : null;
    const last = head > 0 ? await journal.readOp(head) : null;
    const recording = await journal.isRecording();
    let liveBytes = 0;
    for (const state of journal.fileStates().values()) liveBytes += state.size;
    const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
    const targets = [];
    for (const note of await journal.knownTargets()) {
      const seq = Math.min(note.seq, head);
      const atCursor = seq > 0 ? (await journal.readOp(seq)).at : first?.at ?? 0;
      targets.push({
        path: note.path,
        exists: existsSync(note.path),
        seq: note.seq,
        updatedAt: iso(note.updatedAt),
        lagOps: head - seq,
        lagBytes: stats.appended - (await journal.appendedAt(seq)),
        lagSeconds: last && seq < head ? Math.max(0, (last.at - atCursor) / 1000) : 0,
      });
    }
    const summary = {
      journal: journal.location,
      format: journal.version,
      source: journal.source?.path ?? null,
      head,
      firstSeq: head > 0 ? 1 : null,
      firstAt: iso(first?.at),
      lastAt: iso(last?.at),
      ops: stats.ops,
      bytesHeld: stats.bytes,
      liveFiles: journal.fileStates().size,
      liveBytes,
      recorder: recording ? 'running' : 'stopped',
      targets,
    };
    const t = (ms: number) => formatTime(ms, utc);
    const lines = [
      `journal   ${summary.journal} (format ${summary.format})`,
      `source    ${summary.source ?? '(none recorded yet)'}`,
      `ops       ${head === 0 ? 'none' : `1..${head}: ${stats.ops.create} create, ${stats.ops.append} append, ${stats.ops.delete} delete, ${stats.ops.resync} resync`}`,
      ...(first && last ? [`recorded  ${t(first.at)} .. ${t(last.at)}`] : []),
      `held      ${formatBytes(stats.bytes)} of appended data; ${summary.liveFiles} live files, ${formatBytes(liveBytes)}`,
      `recorder  ${summary.recorder}`,
      ...(targets.length === 0 ? ['targets   none known (a replay registers its target)'] : targets.map((x) =>
        `target    ${x.path}${x.exists ? '' : ' (missing)'}: op ${x.seq}, ` +
        (x.lagOps === 0 ? 'up to date' : `behind ${x.lagOps} ops, ${formatBytes(x.lagBytes)}, ${formatSeconds(x.lagSeconds)}`) +
        ` (last replay ${t(note(x.updatedAt))})`)),
    ];
    out.result(summary, lines.join('\n'));
  } finally {
    await journal.close();
  }
}

const note = (iso: string | null) => (iso === null ? 0 : Date.parse(iso));
