import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CommentRow {
  id: string;
  task_id: string | null;
  instance_id: string | null;
  user_id: string | null;
  time: Date;
  message: string;
}

/** All SQL on comment. */
@Injectable()
export class CommentRepository {
  constructor(private readonly dataSource: DataSource) {}

  byTask(taskId: string): Promise<CommentRow[]> {
    return this.dataSource.query(`SELECT * FROM comment WHERE task_id = $1 ORDER BY time, id`, [
      taskId,
    ]);
  }

  async insert(row: CommentRow): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO comment (id, task_id, instance_id, user_id, time, message) VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.id, row.task_id, row.instance_id, row.user_id, row.time, row.message],
    );
  }
}
