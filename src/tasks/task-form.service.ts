import { Injectable } from '@nestjs/common';
import { BusinessCalendar } from '../calendar/business-calendar.js';
import { Clock } from '../common/clock.js';
import { DefinitionCache } from '../definitions/definition-cache.js';
import { engineExpressions } from '../engine/engine-expressions.js';
import { parseFormData, type FormField, type FormOptions } from './forms/index.js';
import type { TaskRow } from './task.repository.js';

interface SourceActivity {
  behaviour?: { extensionElements?: { values?: unknown[] } };
}

/** A user task's camunda:formData fields, read from its definition's parsed BPMN. */
@Injectable()
export class TaskFormService {
  constructor(
    private readonly definitions: DefinitionCache,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  async fieldsOf(task: Pick<TaskRow, 'definition_id' | 'activity_id'>): Promise<FormField[]> {
    const { source } = await this.definitions.get(task.definition_id);
    const activity = source.getActivityById(task.activity_id) as SourceActivity | undefined;
    return parseFormData(activity?.behaviour?.extensionElements?.values ?? []);
  }

  /** Form options for a task whose process variables are `current`: `${…}` defaults evaluated. */
  optionsFor(current: Record<string, unknown>): FormOptions {
    const expressions = engineExpressions(() => this.clock.now(), this.calendar);
    const context = { environment: { variables: current } };
    return { resolveDefault: (expression) => expressions.resolveExpression(expression, context) };
  }
}
