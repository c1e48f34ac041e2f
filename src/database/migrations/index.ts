import { Identity1763800000000 } from './1763800000000-identity.js';
import { Runtime1763800100000 } from './1763800100000-runtime.js';
import { SubscriptionLocals1763800150000 } from './1763800150000-subscription-locals.js';
import { Notifications1763800400000 } from './1763800400000-notifications.js';
import { Access1763800500000 } from './1763800500000-access.js';
import { TasklistOrder1763800600000 } from './1763800600000-tasklist-order.js';
import { RuntimeTables1763800700000 } from './1763800700000-runtime-tables.js';

/** Every migration, oldest first. Never edit one that has been committed: add a new one. */
export const migrations = [
  Identity1763800000000,
  Runtime1763800100000,
  SubscriptionLocals1763800150000,
  Notifications1763800400000,
  Access1763800500000,
  TasklistOrder1763800600000,
  RuntimeTables1763800700000,
];
