import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirInUseError extends Error {
  constructor(dataDir: string, owner: string) {
    super(
      `The embedded database directory ${dataDir} is already in use by another Conveyor process (${owner}). ` +
        'Stop that process, point CONVEYOR_DATA_DIR at another directory, or set DATABASE_URL to use PostgreSQL.',
    );
    this.name = 'DataDirInUseError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/**
 * An exclusive lock on the embedded database directory: PGlite is single-process, and two
 * processes writing one data directory would corrupt it. A lock left by a dead process is taken over.
 */
export class DataDirLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string): DataDirLock {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'conveyor.lock');
    const owner: LockOwner = {
      pid: process.pid,
      host: os.hostname(),
      since: new Date().toISOString(),
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, JSON.stringify(owner), { flag: 'wx' });
        return new DataDirLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = readOwner(file);
        if (holder && isAlive(holder)) {
          throw new DataDirInUseError(
            dataDir,
            `pid ${holder.pid} on ${holder.host} since ${holder.since}`,
          );
        }
        fs.rmSync(file, { force: true });
      }
    }
    throw new DataDirInUseError(dataDir, 'another process took the lock at the same moment');
  }

  release(): void {
    fs.rmSync(this.file, { force: true });
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true; // cannot check another host: stay safe
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
