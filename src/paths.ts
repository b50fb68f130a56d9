/** Where paths really are: a backup must never be written into the database it copies. */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

export function isWithin(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

/** realpath of the longest existing prefix, with the rest appended: where the path would really be. */
export function realPathOf(p: string): string {
  const absolute = path.resolve(p);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realPathOf(parent), path.basename(absolute));
  }
}

/** Whether two directories are the same or one holds the other, symlinks and `..` resolved. */
export function overlaps(a: string, b: string): boolean {
  const realA = realPathOf(a);
  const realB = realPathOf(b);
  return isWithin(realA, realB) || isWithin(realB, realA);
}

/**
 * `mkdir -p`, one component at a time from the deepest existing one. Node's recursive mkdir loops
 * forever where mkdir fails with ENOENT under a parent that exists (`/proc/x`); here any failure
 * is thrown, after at most one mkdir per missing component.
 */
export function makeDirectories(where: string, mode?: number): void {
  const missing: string[] = [];
  for (let dir = path.resolve(where); !existsSync(dir); dir = path.dirname(dir)) {
    missing.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir, { mode });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
