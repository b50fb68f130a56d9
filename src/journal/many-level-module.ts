/** many-level's host and guest, loaded only by a process that shares a journal (see level-module.ts for why a module). */
export { ManyLevelGuest, ManyLevelHost } from 'many-level';
