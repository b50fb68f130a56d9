/** Progress of an upgrade, shown by `upgrade` and by `record` when it upgrades the journal it opens. */
import type { UpgradeProgress } from '../journal/journal.js';
import type { Output } from './output.js';

export function showUpgradeProgress(out: Output, progress: UpgradeProgress): void {
  if (progress.step === 'data') out.progress('upgrading the journal: writing data files', { value: progress.seq, total: progress.head, unit: 'ops' });
  else out.progress(`upgrading the journal: ${progress.records} records checksummed`);
}
