/** Where paths really are: a backup must never be written into the database it copies. */
import { realpathSync } from 'node:fs';
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
