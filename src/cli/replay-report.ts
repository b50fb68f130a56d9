/** What `replay` and `backup` print when they are done: per target, what was rebuilt and applied. */
import type { Journal } from '../journal/journal.js';
import type { TargetResult } from '../replay/replayer.js';
import { formatBytes } from './format.js';
import type { Output } from './output.js';

export function reportReplay(out: Output, journal: Journal, results: TargetResult[], until?: number): void {
  const lines = results.map((r) => (r.rebuilt ? `${r.target}: rebuilt at op ${r.rebuilt.seq} (${r.rebuilt.files} files, ${formatBytes(r.rebuilt.bytes)}); ` : `${r.target}: `) +
    (r.ops === 0 ? `${r.rebuilt ? 'nothing more to apply' : `already at op ${r.to}`}` : `applied ops ${r.from + 1}..${r.to} (${r.ops} ops, ${formatBytes(r.bytes)})`));
  out.result({ journal: journal.location, head: journal.head, ...(until === undefined ? {} : { until }), targets: results }, lines.join('\n'));
}
