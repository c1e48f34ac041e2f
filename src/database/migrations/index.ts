import { Identity1763800000000 } from './1763800000000-identity.js';
import { Runtime1763800100000 } from './1763800100000-runtime.js';

/** Every migration, oldest first. Never edit one that has been committed: add a new one. */
export const migrations = [Identity1763800000000, Runtime1763800100000];
