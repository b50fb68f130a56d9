const HINTS = {
    // The journal (journal/open.ts, journal/journal.ts)
    'journal-not-directory': () => 'point --journal (or $RDM_JOURNAL) at a directory, or at a path that does not exist yet',
    'journal-missing': () => 'run `rdm-journal record SOURCE` first, or point --journal (or $RDM_JOURNAL) at an existing journal',
    'journal-not-empty': () => 'choose an empty or new directory for --journal',
    'journal-not-creatable': () => 'point --journal (or $RDM_JOURNAL) at a path you can write to',
    'journal-held-by-older': () => 'an older rdm-journal is using it: stop that process, or use another --journal',
    'journal-not-a-journal': () => 'it is not an rdm-journal journal; choose another --journal',
    'journal-of-another-source': () => 'give this source its own journal with --journal DIR',
    'journal-recorded-by-another': () => 'one recorder per journal: stop the other one, or give this source its own --journal',
    'journal-needs-upgrade': ({ journal }) => `run \`rdm-journal upgrade --journal ${journal}\` once (the next \`record\` also does it); its ops are kept as they are`,
    'journal-upgrade-interrupted': ({ journal }) => `run \`rdm-journal upgrade --journal ${journal}\` to finish it (the next \`record\` also does)`,
    'file-name-not-a-component': () => 'give a name as `rdm-journal files` lists it (p00000001.pack)',
    // Capture (capture/)
    'source-network-fs': () => 'run `rdm-journal record` on the machine that owns the disk; the target may be remote, the source may not',
    'source-gone': () => 'every byte written before that is in the journal; if the directory is moved back, restart `rdm-journal record`; ' +
        'a re-created directory is a new source and needs a new journal',
    'watch-lost': () => 'run `rdm-journal record` again: it reconciles the source with the journal; ' +
        'if this recurs, check the recorder\'s limits (ulimit -n) and free memory',
    // Replay (replay/)
    'resync-with-until': () => '--resync and --until do not combine: for the state at an earlier point, replay --until into a new directory',
    'before-horizon': ({ horizon }) => `give a point from op ${horizon} on (\`rdm-journal status\` shows the restorable range)`,
    'cursor-expired': ({ target }) => `rebuild it from what the journal holds: rdm-journal replay --resync --to ${target}`,
    'past-until': () => 'a target is never rewound: replay --until into a new directory',
    'kept-file-changed': () => 'put the kept file back as it was, or rebuild without --no-delete (which removes the files the source deleted)',
    'not-a-target': () => 'give a directory written by `rdm-journal replay` or `backup`',
    'target-not-directory': () => 'give a directory path for --to',
    // Shipping (ship/)
    'replica-not-found': () => 'check the bucket and prefix; `rdm-journal ship --to URL` creates a replica',
    'replica-corrupt': () => 'the object was damaged or written by another program; ship the journal to a new prefix (`rdm-journal ship --to URL`) and replay from there',
    // Upkeep (upkeep/)
    'target-of-another-journal': () => 'verify it with the journal it was replayed from (--journal)',
    'prune-running': () => 'one prune at a time: run this one again once the other (`rdm-journal prune`, or `record --retain`) is done',
    'prune-blocked': () => 'replay those targets first (rdm-journal replay --to DIR), or prune with --force: they then must be rebuilt with replay --resync',
};
/** The hint to print for a domain error: the command line's wording of its case, or its own. */
export function commandLineHint(err) {
    const word = err.detail === undefined ? undefined : HINTS[err.detail];
    return word ? word(err.facts) : err.hint;
}
/** The cases worded here (a test checks that every `detail` the core sets is one of them). */
export const HINTED_DETAILS = new Set(Object.keys(HINTS));
//# sourceMappingURL=hints.js.map