import packageJson from '../package.json';

/** SyncPlan's version, as package.json gives it: what `syncplan --version` prints and reports name. */
export const APP_VERSION: string = packageJson.version;
