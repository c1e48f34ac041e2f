import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The variable that marks an instance started by the start-process worker with the external task's id. */
export const STARTED_BY_EXTERNAL_TASK = 'startedByExternalTask';

/** The built-in workers' reads of runtime and history tables (they write only through commands). */
@Injectable()
export class BuiltInWorkersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The instance of `definitionKey` that the external task started, if a previous attempt got that
   * far. Looked up in history, which keeps the marker variable after the instance ended; only
   * instances started since the task was created are candidates.
   */
  async instanceStartedBy(externalTaskId: string, definitionKey: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT h.id FROM external_task t
         JOIN history_process_instance h ON h.definition_key = $2 AND h.start_time >= t.created
         JOIN history_variable v ON v.instance_id = h.id AND coalesce(v.task_id, '') = ''
           AND v.name = $3 AND v.value = to_jsonb($1::text)
       WHERE t.id = $1
       ORDER BY h.start_time LIMIT 1`,
      [externalTaskId, definitionKey, STARTED_BY_EXTERNAL_TASK],
    );
    return rows[0]?.id ?? null;
  }
}
