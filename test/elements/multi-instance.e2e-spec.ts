import { startTestApp, type TestApp } from '../support/test-app.js';
import { ElementsRest, fixture, list } from './elements-rest.js';

/** Multi-instance user tasks over camunda:collection with camunda:elementVariable. */
describe('elements: multi-instance user tasks', () => {
  let t: TestApp;
  let api: ElementsRest;
  beforeAll(async () => {
    t = await startTestApp();
    api = new ElementsRest(t.http);
    await api.deployOk(fixture('multi-instance.parallel'), 'multi-instance.parallel.bpmn');
    await api.deployOk(fixture('multi-instance.sequential'), 'multi-instance.sequential.bpmn');
  });
  afterAll(() => t.close());

  describe('parallel', () => {
    it('creates one task per element, assigned to it, and continues once all are done', async () => {
      // when
      const instance = await api.start('multi_instance_parallel', {
        businessKey: 'budget-2026',
        variables: { approvers: list(['anna', 'boris', 'viktor']) },
      });

      // then
      const tasks = await api.instanceTasks(instance.id);
      expect(tasks.map((x) => x.taskDefinitionKey)).toEqual([
        'approveBudget',
        'approveBudget',
        'approveBudget',
      ]);
      expect(tasks.map((x) => x.assignee).sort()).toEqual(['anna', 'boris', 'viktor']);
      for (const task of tasks) expect(task.name).toBe(`Согласовать бюджет (${task.assignee})`);
      expect((await api.tasks({ assignee: 'boris', processInstanceId: instance.id })).length).toBe(
        1,
      );

      // when all but one are done, the flow still waits
      const [last, ...others] = tasks;
      for (const task of others) await api.completeOk(task.id);
      const remaining = await api.instanceTasks(instance.id);
      expect(remaining.map((x) => x.id)).toEqual([last.id]);

      // when the last one is done, the flow continues exactly once
      await api.completeOk(last.id);
      const next = await api.instanceTasks(instance.id);
      expect(next.map((x) => x.taskDefinitionKey)).toEqual(['confirmBudget']);
      // the element variable is local to each iteration
      expect(await api.variables(instance.id)).not.toHaveProperty('approver');

      await api.completeOk(next[0].id);
      await api.expectEnded(instance.id);
      const path = await api.path(instance.id);
      expect(path.filter((id) => id === 'approveBudget')).toHaveLength(3);
      expect(path.filter((id) => id === 'confirmBudget')).toHaveLength(1);
    });

    it('skips the activity for an empty collection', async () => {
      const instance = await api.start('multi_instance_parallel', {
        variables: { approvers: list([]) },
      });
      const tasks = await api.instanceTasks(instance.id);
      expect(tasks.map((x) => x.taskDefinitionKey)).toEqual(['confirmBudget']);
      await api.completeOk(tasks[0].id);
      await api.expectEnded(instance.id);
    });
  });

  describe('sequential', () => {
    it('creates one task at a time, in the order of the collection', async () => {
      // given
      const signers = ['ivanov', 'petrov', 'sidorova'];
      const instance = await api.start('multi_instance_sequential', {
        businessKey: 'contract-2025-88',
        variables: { signers: list(signers) },
      });

      // then each signer gets the task only after the previous one signed
      for (const signer of signers) {
        const tasks = await api.instanceTasks(instance.id);
        expect(tasks).toHaveLength(1);
        expect(tasks[0]).toMatchObject({
          taskDefinitionKey: 'signContract',
          assignee: signer,
          name: `Подписать договор: ${signer}`,
        });
        await api.completeOk(tasks[0].id);
      }

      const [archive] = await api.instanceTasks(instance.id);
      expect(archive.taskDefinitionKey).toBe('archiveContract');
      await api.completeOk(archive.id);
      await api.expectEnded(instance.id);
      const signed = (await api.history(instance.id)).filter(
        (a) => a.activityId === 'signContract',
      );
      expect(signed.map((a) => a.assignee)).toEqual(signers);
    });
  });
});
