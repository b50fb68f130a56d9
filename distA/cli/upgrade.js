/** `rdm-journal upgrade`: bring an older journal to the current format in place (resuming one that was interrupted). */
import { Journal } from '../journal/journal.js';
import { showUpgradeProgress } from './upgrade-progress.js';
export async function upgrade({ journal: dir, out }) {
    const journal = await Journal.open(dir, { upgrade: true, onUpgradeProgress: (progress) => showUpgradeProgress(out, progress) });
    try {
        const from = journal.upgradedFromVersion ?? journal.version;
        out.result({ journal: journal.location, from, to: journal.version }, from === journal.version ? `journal ${journal.location} is already format ${from}`
            : `journal ${journal.location}: format ${from} -> ${journal.version} (${journal.head} ops; their bytes moved to data files, every record checksummed)`);
    }
    finally {
        await journal.close();
    }
}
//# sourceMappingURL=upgrade.js.map