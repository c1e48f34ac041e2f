import { str } from '../elements/elements-rest.js';
import { camundaDate, ProcessSteps, type TaskRow } from './process-steps.js';

export const CONVEYOR = 'sales-conveyor';
export const COLD_CALL_MANAGER = 'petrov';

/** A planned piece of work, as the planning form takes it. */
export interface WorkPlan {
  executor: string;
  type: 'deal' | 'service';
  title: string;
  start: Date;
  due: Date;
}

/** The planning form's fields for a plan; dates in Camunda's format with their offset. */
export const planForm = (plan: WorkPlan) => ({
  workExecutor: str(plan.executor),
  workType: str(plan.type),
  workTitle: str(plan.title),
  workStart: str(camundaDate(plan.start)),
  workDue: str(camundaDate(plan.due)),
});

export const coldCallForm = (callResult: 'interested' | 'notInterested') => ({
  clientName: str('ООО «Кухни Плюс»'),
  clientPhone: str('+7 495 555-12-34'),
  clientEmail: str('zakaz@kuhni-plus.ru'),
  contactPerson: str('Сергей Орлов, закупки'),
  clientRole: str('wholesale'),
  callResult: str(callResult),
  callNotes: str('Открывают второй салон, интересуются оптовыми ценами'),
});

/** The steps of «Конвейер продаж»: the cold call, then plan → notify → work, stage after stage. */
export class ConveyorSteps extends ProcessSteps {
  async startConveyor(businessKey: string): Promise<string> {
    return this.start(CONVEYOR, businessKey, { coldCallManager: str(COLD_CALL_MANAGER) });
  }

  /**
   * The one who finished the last stage plans the next: the planning task is theirs; then the
   * executor is told «Внимание: новая работа» and gets the work task. Returns that task.
   */
  async plan(
    instanceId: string,
    businessKey: string,
    planner: string,
    plan: WorkPlan,
  ): Promise<TaskRow> {
    await this.complete(instanceId, 'planNextWork', planForm(plan), planner);
    const notice = await this.notification(businessKey, 'notifyNewWork');
    expect(notice).toMatchObject({ channel: 'in-app', to: plan.executor });
    return this.soleTask(instanceId, 'doWork');
  }

  async finishStage(
    instanceId: string,
    executor: string,
    stageResult: string,
    stageOutcome: 'next' | 'close',
  ): Promise<void> {
    await this.complete(
      instanceId,
      'doWork',
      { stageResult: str(stageResult), stageOutcome: str(stageOutcome) },
      executor,
    );
  }
}
