import type { CockpitTask } from '../api/cockpit-types.js';

export interface TaskGroup {
  /** The assignee's or the group's id; null: nobody (unassigned, or no candidate group). */
  id: string | null;
  tasks: CockpitTask[];
}

export interface OverdueGroups {
  byAssignee: TaskGroup[];
  byGroup: TaskGroup[];
}

/**
 * Overdue tasks per employee (the assignee) and per candidate group (a task with several candidate
 * groups counts in each). Largest groups first, then by name; "nobody" last.
 */
export function groupOverdueTasks(tasks: readonly CockpitTask[]): OverdueGroups {
  const byAssignee = new Map<string | null, CockpitTask[]>();
  const byGroup = new Map<string | null, CockpitTask[]>();
  const add = (groups: Map<string | null, CockpitTask[]>, id: string | null, task: CockpitTask) => {
    const list = groups.get(id) ?? [];
    list.push(task);
    groups.set(id, list);
  };
  for (const task of tasks) {
    add(byAssignee, task.assignee, task);
    const groups = new Set(task.candidateGroups ?? []);
    if (groups.size === 0) add(byGroup, null, task);
    for (const group of groups) add(byGroup, group, task);
  }
  return { byAssignee: sorted(byAssignee), byGroup: sorted(byGroup) };
}

function sorted(groups: Map<string | null, CockpitTask[]>): TaskGroup[] {
  return [...groups.entries()]
    .map(([id, tasks]) => ({ id, tasks }))
    .sort((a, b) => {
      if (a.id === null || b.id === null) return a.id === null ? 1 : -1;
      return b.tasks.length - a.tasks.length || a.id.localeCompare(b.id);
    });
}
