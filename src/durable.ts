/**
 * Making what is on disk survive a power cut, where LevelDB does not. LevelDB 1.20 (classic-level 3)
 * never syncs the MANIFEST it writes when it creates a database, and renames CURRENT without an
 * fsync of the directory: until a database's second open, a cut can leave CURRENT naming an empty
 * MANIFEST, and the database does not open ("no meta-nextfile entry in descriptor"). So a database
 * this process just created is synced whole (syncTree) before anything in it is acknowledged.
 */
import fs from 'node:fs';
import path from 'node:path';

/** fsync of a directory: makes its entries (names created, renamed, removed) durable. */
export function fsyncDirectory(dir: string): void {
  const fd = fs.openSync(dir, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * fsyncs every regular file directly in `dir` (a LevelDB database: its MANIFEST, CURRENT, log),
 * then `dir` itself, then its parent, where `dir`'s own name lives (it may have just been made).
 * Subdirectories are left alone: the journal's lock databases are rebuilt when damaged.
 */
export function syncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    let fd: number;
    try {
      fd = fs.openSync(path.join(dir, entry.name), fs.constants.O_RDONLY);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // an obsolete file LevelDB removed meanwhile
      throw err;
    }
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
  fsyncDirectory(dir);
  fsyncDirectory(path.dirname(dir));
}

/** LevelDB's own files, by name: CURRENT and the MANIFEST it names, the lock, the info log, logs, tables. */
const LEVELDB_FILE = /^(?:CURRENT|LOCK|LOG|LOG\.old|MANIFEST-\d+|\d+\.(?:log|ldb|sst|dbtmp))$/;

/**
 * Whether the LevelDB database in `dir` holds no key: `entries` (its directory's, less files of
 * our own) are all LevelDB's, with no table and every write-ahead log empty. A database whose
 * creation was cut short (by a power cut before syncTree, or a kill) is such: nothing can be lost
 * by creating it again. Anything else (another program's file, a table, a log with records) is not.
 */
export function holdsNoData(dir: string, entries: readonly string[] = fs.readdirSync(dir)): boolean {
  return entries.every((name) => LEVELDB_FILE.test(name) && !/\.(?:ldb|sst)$/.test(name) &&
    (!name.endsWith('.log') || fs.statSync(path.join(dir, name)).size === 0));
}

/** LevelDB's open failed because CURRENT or the MANIFEST it names is damaged or gone (not locked, not I/O). */
export function isDamagedDatabase(err: unknown): boolean {
  // Walks the causes: an open error may arrive wrapped (a journal's election failure is a JOURNAL_* error).
  for (let cause = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; cause && depth < 4; cause = cause.cause as typeof cause, depth++) {
    if (cause.code === 'LEVEL_CORRUPTION' || (cause.code === 'LEVEL_IO_ERROR' && /No such file/.test(String(cause.message)))) return true;
  }
  return false;
}

/** Makes a database holding no key that LevelDB cannot open new again: its CURRENT goes, its LOCK stays. */
export function forgetDamagedDatabase(dir: string): void {
  fs.rmSync(path.join(dir, 'CURRENT'), { force: true });
}

/** A LevelDB handle as openLevelDurably needs it: level@10's, or the journal's shared one. */
export interface LevelHandle { open(): Promise<void>; close(): Promise<void> }

/**
 * Opens the LevelDB in `dir`, power-cut safe: a database this open creates is synced whole before
 * it is returned (LevelDB leaves it unopenable until its second open). With `create`, a database
 * that does not open because its creation was cut short (CURRENT or its MANIFEST damaged) and that
 * holds no key (`holdsNoData`; names in `ignore` are the caller's own files beside LevelDB's) loses
 * its CURRENT and is made again: nothing can be lost, and its LOCK stays, so no other opener is
 * affected. Anything else is thrown as LevelDB reported it, for the caller to name.
 */
export async function openLevelDurably<D extends LevelHandle>(dir: string, make: (createIfMissing: boolean) => D,
  { create, ignore = new Set<string>() }: { create: boolean; ignore?: ReadonlySet<string> }): Promise<D> {
  const open = async (isNew: boolean) => {
    const db = make(isNew);
    await db.open();
    try {
      if (isNew) syncTree(dir);
    } catch (err) {
      await db.close();
      throw err;
    }
    return db;
  };
  const isNew = create && !fs.existsSync(path.join(dir, 'CURRENT'));
  try {
    return await open(isNew);
  } catch (err) {
    if (!create || isNew || !isDamagedDatabase(err) || !holdsNoData(dir, fs.readdirSync(dir).filter((name) => !ignore.has(name)))) throw err;
  }
  forgetDamagedDatabase(dir);
  return open(true);
}
