import cluster from 'node:cluster';
import { Injectable } from '@nestjs/common';

/** What a cluster's primary sends each worker once every worker listens (and to a replacement). */
export const ALL_WORKERS_LISTENING = 'conveyor:all-workers-listening';

/**
 * Whether this process may be reported ready. A cluster's first worker listens alone while it
 * migrates the database, and the others boot after it: clients that connected then would all
 * stay on the first worker (keep-alive), leaving the others idle. So a worker is ready once the
 * primary says every worker listens. A process outside a cluster is always ready.
 */
@Injectable()
export class ClusterReadiness {
  private listening = !cluster.isWorker;

  constructor() {
    if (this.listening) return;
    process.on('message', (message) => {
      if (message === ALL_WORKERS_LISTENING) this.listening = true;
    });
  }

  get allWorkersListening(): boolean {
    return this.listening;
  }
}
