/** `rdm-journal upgrade`: index an older journal in place; its ops stay as they are. */
import { Journal } from '../journal/journal.js';
import type { Output } from './output.js';

export async function upgrade({ journal: dir, out }: { journal: string; out: Output }): Promise<void> {
  const before = await Journal.open(dir);
  const from = before.version;
  await before.close();
  const journal = await Journal.open(dir, { upgrade: true });
  try {
    out.result({ journal: journal.location, from, to: journal.version },
      from === journal.version ? `journal ${journal.location} is already format ${from}` : `journal ${journal.location}: format ${from} -> ${journal.version} (${journal.head} ops indexed)`);
  } finally {
    await journal.close();
  }
}
