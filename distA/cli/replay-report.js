import { formatBytes } from './format.js';
export function reportReplay(out, journal, results, until) {
    const lines = results.map((r) => (r.rebuilt ? `${r.target}: rebuilt at op ${r.rebuilt.seq} (${r.rebuilt.files} files, ${formatBytes(r.rebuilt.bytes)}); ` : `${r.target}: `) +
        (r.ops === 0 ? `${r.rebuilt ? 'nothing more to apply' : `already at op ${r.to}`}` : `applied ops ${r.from + 1}..${r.to} (${r.ops} ops, ${formatBytes(r.bytes)})`));
    out.result({ journal: journal.location, head: journal.head, ...(until === undefined ? {} : { until }), targets: results }, lines.join('\n'));
}
//# sourceMappingURL=replay-report.js.map