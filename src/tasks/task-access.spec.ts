import type { Role } from '../auth/roles.js';
import type { CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import {
  assertMayChange,
  operatingScope,
  personalScope,
  type TaskAccess,
  type TaskChange,
} from './task-access.js';
import type { TaskRow } from './task.repository.js';

const caller = (userId: string, roles: Role[], team: string[] = [userId]): CallerInfo => ({
  userId,
  roles: new Set<Role>(['employee', ...roles]),
  groupIds: ['sales'],
  teamUserIds: team,
  teamGroupIds: ['sales'],
});
const ivan = caller('ivan', []);
const olga = caller('olga', ['manager'], ['olga', 'ivan', 'petr']);
const anna = caller('anna', ['analyst']);
const admin = caller('root', ['admin']);

const task = (assignee: string | null): TaskRow => ({ id: 't1', assignee }) as TaskRow;
const OWN: TaskAccess = { visible: true, inTeam: true, own: true };
const TEAM: TaskAccess = { visible: true, inTeam: true, own: false };
const SEEN: TaskAccess = { visible: true, inTeam: false, own: false };

function outcome(who: CallerInfo, row: TaskRow, access: TaskAccess, change: TaskChange): string {
  try {
    assertMayChange(who, row, access, change);
    return 'allowed';
  } catch (error) {
    if (!(error instanceof ConveyorError) || error.code !== ErrorCode.Forbidden) throw error;
    expect(error.message).not.toMatch(/is not allowed to/);
    return 'forbidden';
  }
}

describe('assertMayChange', () => {
  it('lets an employee claim a task they are a candidate of for themselves only', () => {
    expect(outcome(ivan, task(null), OWN, { kind: 'claim', userId: 'ivan' })).toBe('allowed');
    expect(outcome(ivan, task(null), OWN, { kind: 'claim', userId: 'petr' })).toBe('forbidden');
  });

  it('lets an employee pass on only a task assigned to them', () => {
    for (const change of [
      { kind: 'unclaim' },
      { kind: 'assign', userId: 'sergey' },
      { kind: 'delegate', userId: 'sergey' },
    ] as TaskChange[]) {
      expect(outcome(ivan, task('ivan'), OWN, change)).toBe('allowed');
      expect(outcome(ivan, task('petr'), OWN, change)).toBe('forbidden');
      expect(outcome(ivan, task(null), OWN, change)).toBe('forbidden');
    }
  });

  it('lets an employee complete their task or an unassigned one they are a candidate of', () => {
    expect(outcome(ivan, task('ivan'), OWN, { kind: 'complete' })).toBe('allowed');
    expect(outcome(ivan, task(null), OWN, { kind: 'resolve' })).toBe('allowed');
    expect(outcome(ivan, task('petr'), OWN, { kind: 'complete' })).toBe('forbidden');
  });

  it('lets a manager operate on the team’s tasks, handing them to team members only', () => {
    expect(outcome(olga, task('ivan'), TEAM, { kind: 'assign', userId: 'petr' })).toBe('allowed');
    expect(outcome(olga, task('ivan'), TEAM, { kind: 'assign', userId: null })).toBe('allowed');
    expect(outcome(olga, task('ivan'), TEAM, { kind: 'complete' })).toBe('allowed');
    expect(outcome(olga, task('ivan'), TEAM, { kind: 'assign', userId: 'sergey' })).toBe(
      'forbidden',
    );
    expect(outcome(olga, task(null), TEAM, { kind: 'claim', userId: 'sergey' })).toBe('forbidden');
  });

  it('refuses an analyst who merely sees a task, and allows an admin anything', () => {
    expect(outcome(anna, task(null), SEEN, { kind: 'claim', userId: 'anna' })).toBe('forbidden');
    expect(outcome(anna, task(null), SEEN, { kind: 'complete' })).toBe('forbidden');
    expect(outcome(admin, task('x'), SEEN, { kind: 'assign', userId: 'y' })).toBe('allowed');
  });
});

describe('scopes', () => {
  it('takes the read-everything away from an analyst, and reduces anyone to their own work', () => {
    expect([...operatingScope(anna).roles]).toEqual(['employee']);
    expect(operatingScope(admin)).toBe(admin);
    expect(personalScope(olga)).toMatchObject({ teamUserIds: ['olga'], teamGroupIds: ['sales'] });
    expect([...personalScope(olga).roles]).toEqual(['employee']);
  });
});
