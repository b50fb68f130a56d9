/**
 * Names of the files the engine keeps in a database directory, and the order they are recorded in.
 * Pack files (`p<number>.pack`) sort by the number parsed from the name, never by string order,
 * and tolerate any width; every other regular file sorts after them, by name.
 */
const PACK_NAME = /^p(\d+)\.pack$/;

export function packNumber(name: string): number | null {
  const match = PACK_NAME.exec(name);
  return match ? Number(match[1]) : null;
}

export function compareFileNames(a: string, b: string): number {
  const pa = packNumber(a);
  const pb = packNumber(b);
  if (pa !== null && pb !== null) return pa - pb || (a < b ? -1 : a > b ? 1 : 0);
  if (pa !== null) return -1;
  if (pb !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A file name a journal may carry: one path component, never `.`/`..`, no `/` or NUL.
 * Names come from readdir on the recorder side and from an untrusted journal on the replay side.
 */
export function isSafeFileName(name: unknown): name is string {
  return typeof name === 'string' && name.length > 0 && Buffer.byteLength(name, 'utf8') <= 255 &&
    name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\0');
}
