/** `rdm-journal replay --to <target-dir> ...`: apply the journal to targets, each from its cursor. */
import path from 'node:path';
import { RdmJournalError } from '../errors.js';
import { Journal } from '../journal.js';
import { replay, resolveUntil, type TargetResult } from '../replayer.js';
import type { Output } from './output.js';
import { formatBytes } from './record.js';

export interface ReplayCommandOptions {
  targets: string[];
  journal: string;
  follow: boolean;
  noDelete: boolean;
  until?: string;
  out: Output;
}

export async function replayCommand({ targets, journal: journalDir, follow, noDelete, until, out }: ReplayCommandOptions): Promise<void> {
  const unique = new Set(targets.map((t) => path.resolve(t)));
  if (unique.size !== targets.length) throw new RdmJournalError('USAGE', 'the same --to target is given twice', { hint: 'give each target once' });
  if (follow) {
    // The journal is one process's LevelDB: a separate replay can never see a running recorder's
    // ops, and holding the journal would keep the recorder from starting.
    throw new RdmJournalError('USAGE', '--follow needs a journal shared between processes, which this version does not have',
      { hint: 'to record and replay live, run `rdm-journal backup SOURCE TARGET`; `replay` without --follow applies what a stopped recorder left' });
  }
  const journal = await Journal.open(journalDir);
  try {
    const untilSeq = until === undefined ? undefined : await resolveUntil(journal, until);
    const results = await replay({
      journal, targets: [...unique], until: untilSeq, noDelete,
      onProgress: (p) => out.progress(`${p.target}: op ${p.seq} of ${p.end}, ${formatBytes(p.bytes)} written`),
    });
    reportReplay(out, journal, results, untilSeq);
  } finally {
    await journal.close();
  }
}

export function reportReplay(out: Output, journal: Journal, results: TargetResult[], until?: number): void {
  const lines = results.map((r) =>
    r.ops === 0 ? `${r.target}: already at op ${r.to}` : `${r.target}: applied ops ${r.from + 1}..${r.to} (${r.ops} ops, ${formatBytes(r.bytes)})`);
  out.result({ journal: journal.location, head: journal.head, ...(until === undefined ? {} : { until }), targets: results }, lines.join('\n'));
}
