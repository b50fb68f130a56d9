/**
 * The journal's locks: `recorder.lock` (one recorder per journal, whichever process hosts it) and
 * `prune.lock` (one prune at a time). Each is a tiny LevelDB holding no key; what counts is the
 * fcntl lock LevelDB takes on its LOCK file, which the kernel drops when its process dies, however
 * it dies (SIGKILL included): a dead holder never holds a journal.
 *
 * Taking a lock opens its LevelDB (`takeLock`); asking whether one is held (`lockHeld`) does not:
 * it asks the kernel (F_OFD_GETLK through the native binding), so a `status` or an election never
 * holds the lock for a moment, and a recorder starting meanwhile never finds it taken by a reader.
 *
 * Invariant: this process never probes a lock it holds or is taking. Closing the probe's descriptor
 * would drop every fcntl lock this process holds on that file (POSIX close semantics), so locks
 * taken here are remembered (`heldHere`) and answered without a probe.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Level } from 'level';
import { isLevelLocked } from '../errors.js';
import { isDamagedDatabase } from '../durable.js';
import { lockHolder } from '../native/index.js';

/** A tiny LevelDB whose lock says "a recorder is recording into this journal". */
export const RECORDER_LOCK = 'recorder.lock';
/** A tiny LevelDB whose lock says "a prune is rewriting the `pruned` record". */
export const PRUNE_LOCK = 'prune.lock';
export type LockName = typeof RECORDER_LOCK | typeof PRUNE_LOCK;

/** How often a lock held by another process is tried again while waiting for it. */
const RETRY_MS = 20;

/** Lock databases this process holds or is taking, by path: never probed (see the invariant). */
const heldHere = new Set<string>();

export interface JournalLock {
  /** Releases the lock (closes its LevelDB). */
  close(): Promise<void>;
}

/**
 * Takes the journal's lock `name`, waiting up to `waitMs` while another process holds it; null
 * when it still does then. Errors other than "held" (a full disk, permissions) are thrown as they are.
 */
export async function takeLock(journalDir: string, name: LockName, waitMs: number): Promise<JournalLock | null> {
  const location = path.join(journalDir, name);
  for (const started = Date.now(); ;) {
    const lock = await tryLock(location);
    if (lock) return lock;
    if (Date.now() - started >= waitMs) return null;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/** One attempt: the lock, or null when a process (this one included) holds it. */
async function tryLock(location: string): Promise<JournalLock | null> {
  if (heldHere.has(location)) return null;
  heldHere.add(location); // before the open: a probe from here meanwhile would drop what LevelDB takes
  try {
    const db = await openLockDatabase(location);
    return { close: async () => { try { await db.close(); } finally { heldHere.delete(location); } } };
  } catch (err) {
    heldHere.delete(location);
    if (isLevelLocked(err)) return null;
    throw err;
  }
}

/**
 * Whether some process (this one included) holds the journal's lock `name` now. Takes nothing and
 * creates nothing; a lock that was never created is not held.
 */
export function lockHeld(journalDir: string, name: LockName): boolean {
  const location = path.join(journalDir, name);
  if (heldHere.has(location)) return true;
  return lockHolder(path.join(location, 'LOCK')) !== null;
}

/**
 * Opens one lock database (taking its lock). They hold no key: one a cut left damaged (CURRENT or
 * MANIFEST truncated, as LevelDB does not sync a new database) is made again, keeping its LOCK
 * file, so a process that holds the lock meanwhile keeps holding it. `level` is loaded here, when a
 * lock is taken: readers that only ask never load it for this.
 */
async function openLockDatabase(location: string): Promise<Level> {
  const { Level } = await import('./level-module.js');
  try {
    const lock = new Level(location);
    await lock.open();
    return lock;
  } catch (err) {
    if (!isDamagedDatabase(err)) throw err;
  }
  for (const name of readdirSync(location)) {
    if (name !== 'LOCK') rmSync(path.join(location, name), { force: true }); // force: another opener may be rebuilding it too
  }
  const lock = new Level(location);
  await lock.open();
  return lock;
}
