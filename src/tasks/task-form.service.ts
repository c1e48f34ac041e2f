import { Injectable } from '@nestjs/common';
import { DefinitionCache } from '../definitions/definition-cache.js';
import { parseFormData, type FormField } from './forms/index.js';
import type { TaskRow } from './task.repository.js';

interface SourceActivity {
  behaviour?: { extensionElements?: { values?: unknown[] } };
}

/** A user task's camunda:formData fields, read from its definition's parsed BPMN. */
@Injectable()
export class TaskFormService {
  constructor(private readonly definitions: DefinitionCache) {}

  async fieldsOf(task: Pick<TaskRow, 'definition_id' | 'activity_id'>): Promise<FormField[]> {
    const { source } = await this.definitions.get(task.definition_id);
    const activity = source.getActivityById(task.activity_id) as SourceActivity | undefined;
    return parseFormData(activity?.behaviour?.extensionElements?.values ?? []);
  }
}
