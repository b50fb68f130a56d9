/**
 * The source directory a recorder watches: it must exist, be a directory, and sit on a local
 * filesystem, because inotify only sees writes made through this machine's kernel.
 */
import { accessSync, constants, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { RdmJournalError, isErrnoException } from '../errors.js';
import { fsid } from '../native/index.js';
import type { SourceIdentity } from '../journal/journal.js';

/** Filesystems whose files other hosts can change without this kernel (and inotify) seeing it. */
const REMOTE_FILESYSTEMS = new Set([
  'nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', '9p', 'ceph', 'afs', 'glusterfs', 'lustre', 'gpfs', 'beegfs',
  'gfs2', 'ocfs2', 'davfs', 'fuse.sshfs', 'fuse.glusterfs', 'fuse.rclone', 'fuse.s3fs', 'fuse.gcsfuse',
  'fuse.juicefs', 'fuse.cephfs', 'fuse.davfs2',
]);

export interface MountPoint { mountPoint: string; fsType: string }

export function checkSource(dir: string, mountinfo = '/proc/self/mountinfo'): SourceIdentity {
  const given = path.resolve(dir);
  let real: string;
  try {
    real = realpathSync(given);
  } catch (err) {
    if (isErrnoException(err, 'ENOENT') || isErrnoException(err, 'ENOTDIR')) {
      throw new RdmJournalError('SOURCE_NOT_FOUND', `source ${given} does not exist`,
        { hint: 'give the path of the database directory (DB.rdm)' });
    }
    throw new RdmJournalError('IO_ERROR', `source ${given} cannot be reached: ${(err as Error).message}`,
      { hint: 'run the recorder as a user who can read the database directory and its parents', cause: err });
  }
  const stats = statSync(real);
  if (!stats.isDirectory()) {
    throw new RdmJournalError('SOURCE_NOT_DIRECTORY', `source ${given} is not a directory`,
      { hint: 'give the database directory (DB.rdm), not a pack file inside it' });
  }
  try {
    accessSync(real, constants.R_OK | constants.X_OK);
  } catch (err) {
    throw new RdmJournalError('IO_ERROR', `source ${real} cannot be read: ${(err as Error).message}`,
      { hint: 'run the recorder as a user who can read the database directory (the engine\'s user)', cause: err });
  }
  const mount = findMount(real, readMountInfo(mountinfo));
  if (mount && REMOTE_FILESYSTEMS.has(mount.fsType)) {
    throw new RdmJournalError('SOURCE_NETWORK_FS',
      `source ${real} is on a ${mount.fsType} filesystem (mounted at ${mount.mountPoint}); inotify cannot see writes made by other hosts`,
      { hint: 'record on the machine that owns the disk; the target may be remote, the source may not', detail: 'source-network-fs' });
  }
  return { path: real, dev: stats.dev, ino: stats.ino, fsid: filesystemId(real) };
}

export function readMountInfo(file: string): MountPoint[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return []; // no /proc: nothing to check against; inotify will still work on a local disk
  }
  const mounts: MountPoint[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const dash = fields.indexOf('-');
    const mountPoint = fields[4];
    const fsType = fields[dash + 1];
    if (dash < 0 || mountPoint === undefined || fsType === undefined) continue;
    mounts.push({ mountPoint: unescapeMountField(mountPoint), fsType });
  }
  return mounts;
}

/** The mount holding `real`: the longest mount point that is a prefix of it; the last one wins ties. */
export function findMount(real: string, mounts: readonly MountPoint[]): MountPoint | undefined {
  let best: MountPoint | undefined;
  for (const mount of mounts) {
    const inside = real === mount.mountPoint || mount.mountPoint === '/' ||
      real.startsWith(mount.mountPoint.endsWith('/') ? mount.mountPoint : mount.mountPoint + '/');
    if (inside && (!best || mount.mountPoint.length >= best.mountPoint.length)) best = mount;
  }
  return best;
}

function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** The suffix of an RDM database directory: the engine's tools name `DB.rdm` as `DB`. */
export const DATABASE_SUFFIX = '.rdm';

/**
 * A database named as `rdm-hot-backup` names it: `DB` for the directory `DB.rdm`. The path as given
 * wins when it exists; `<path>.rdm` is taken only when the path does not exist and it does.
 * `suffixed` says the suffix was added (`backup` then names its target the same way).
 */
export function resolveDatabaseName(dir: string): { dir: string; suffixed: boolean } {
  const exists = (where: string) => {
    try {
      statSync(where);
      return true;
    } catch {
      return false; // absent or unreachable: checkSource says which, for the path it is given
    }
  };
  if (dir.endsWith(DATABASE_SUFFIX) || exists(dir)) return { dir, suffixed: false };
  const withSuffix = dir.replace(/\/+$/, '') + DATABASE_SUFFIX;
  return exists(withSuffix) ? { dir: withSuffix, suffixed: true } : { dir, suffixed: false };
}

/**
 * The source's filesystem id (statfs f_fsid): ext4 and btrfs derive it from the filesystem's
 * UUID, so it outlives device renumbering across reboots, which st_dev does not. Null when the
 * filesystem gives none (then `dev` is compared) or it cannot be read.
 */
function filesystemId(real: string): string | null {
  try {
    return fsid(real);
  } catch {
    return null;
  }
}
