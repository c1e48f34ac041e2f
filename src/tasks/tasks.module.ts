import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { RuntimeModule } from '../runtime/runtime.module.js';
import { AssignTaskCommand } from './assign-task.command.js';
import { CommentRepository } from './comment.repository.js';
import { CompleteTaskCommand } from './complete-task.command.js';
import { TaskController } from './task.controller.js';
import { TaskService } from './task.service.js';

@Module({
  imports: [RuntimeModule, IdentityModule],
  controllers: [TaskController],
  providers: [TaskService, AssignTaskCommand, CompleteTaskCommand, CommentRepository],
})
export class TasksModule {}
