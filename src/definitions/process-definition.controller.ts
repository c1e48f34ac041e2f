import { AnyUser } from '../auth/access.decorator.js';
import { Controller, Get, Param, Query } from '@nestjs/common';
import type { CountDto } from '../common/query/count.dto.js';
import { DefinitionsService } from './definitions.service.js';
import { ProcessDefinitionQueryDto } from './dto/definition-query.dto.js';
import { toProcessDefinitionDto, type ProcessDefinitionDto } from './dto/process-definition.dto.js';

/** Reads of process definitions; starting instances and statistics live in the runtime module. */
@AnyUser()
@Controller('engine-rest/process-definition')
export class ProcessDefinitionController {
  constructor(private readonly definitions: DefinitionsService) {}

  @Get()
  async list(@Query() query: ProcessDefinitionQueryDto): Promise<ProcessDefinitionDto[]> {
    return (await this.definitions.listDefinitions(query)).map(toProcessDefinitionDto);
  }

  @Get('count')
  async count(@Query() query: ProcessDefinitionQueryDto): Promise<CountDto> {
    return { count: await this.definitions.countDefinitions(query) };
  }

  @Get('key/:key')
  async getByKey(@Param('key') key: string): Promise<ProcessDefinitionDto> {
    return toProcessDefinitionDto(await this.definitions.getLatestByKey(key));
  }

  @Get('key/:key/xml')
  async xmlByKey(@Param('key') key: string): Promise<{ id: string; bpmn20Xml: string }> {
    return this.definitions.getXml(await this.definitions.getLatestByKey(key));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ProcessDefinitionDto> {
    return toProcessDefinitionDto(await this.definitions.getDefinition(id));
  }

  @Get(':id/xml')
  async xml(@Param('id') id: string): Promise<{ id: string; bpmn20Xml: string }> {
    return this.definitions.getXml(await this.definitions.getDefinition(id));
  }
}
