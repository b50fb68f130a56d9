/**
 * LevelDB's class, for `await import('./level-module.js')` where a command may not need it (status
 * asks the kernel whether a recorder runs and never opens LevelDB twice). A module of our own rather
 * than `await import('level')`: the bundle (dist/cli/bin.js, built by esbuild) gives a dynamically
 * imported CommonJS package only a `default` export, but keeps an ES module's named ones.
 */
export { Level } from 'level';
