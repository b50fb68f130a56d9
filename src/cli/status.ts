/**
 * `rdm-journal status`: the journal's extent, its source, and whether a recorder is running.
 * Constant time (it reads the head, the first and last ops and a lock), and it works while record
 * and replay run: the journal is shared, so status joins whichever process hosts it.
 */
import { Journal } from '../journal.js';
import type { Output } from './output.js';

export interface StatusOptions { journal: string; out: Output }

export async function status({ journal: journalDir, out }: StatusOptions): Promise<void> {
  const journal = await Journal.open(journalDir);
  try {
    const head = await journal.refresh();
    const first = head > 0 ? await journal.readOp(1) : null;
    const last = head > 0 ? await journal.readOp(head) : null;
    const recording = await journal.isRecording();
    const summary = {
      journal: journal.location,
      source: journal.source?.path ?? null,
      head,
      firstAt: first ? new Date(first.at).toISOString() : null,
      lastAt: last ? new Date(last.at).toISOString() : null,
      recorder: recording ? 'running' : 'stopped',
    };
    out.result(summary, [
      `journal   ${summary.journal}`,
      `source    ${summary.source ?? '(none recorded yet)'}`,
      `ops       ${head === 0 ? 'none' : `1..${head}, recorded ${summary.firstAt} .. ${summary.lastAt}`}`,
      `recorder  ${summary.recorder}`,
    ].join('\n'));
  } finally {
    await journal.close();
  }
}
