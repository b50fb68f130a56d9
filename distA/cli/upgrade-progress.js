export function showUpgradeProgress(out, progress) {
    if (progress.step === 'data')
        out.progress('upgrading the journal: writing data files', { value: progress.seq, total: progress.head, unit: 'ops' });
    else
        out.progress(`upgrading the journal: ${progress.records} records checksummed`);
}
//# sourceMappingURL=upgrade-progress.js.map