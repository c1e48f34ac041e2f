import { Module } from '@nestjs/common';
import { EngineInfoController } from './engine-info.controller.js';

@Module({ controllers: [EngineInfoController] })
export class EngineInfoModule {}
