import { Module } from '@nestjs/common';
import { TaskRepository } from './task.repository.js';

@Module({ providers: [TaskRepository], exports: [TaskRepository] })
export class TasksRepositoriesModule {}
