import { Access } from '../auth/access.decorator.js';
import {
  Body,
  Catch,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { CamundaExceptionFilter } from '../common/errors/camunda-exception.filter.js';
import type { CountDto } from '../common/query/count.dto.js';
import { AppConfig } from '../config/app-config.js';
import { DefinitionsService } from './definitions.service.js';
import { DeleteDeploymentCommand } from './delete-deployment.command.js';
import { DeployCommand } from './deploy.command.js';
import { DeploymentQueryDto } from './dto/definition-query.dto.js';
import {
  toDeploymentDto,
  toDeploymentResourceDto,
  toDeploymentWithDefinitionsDto,
  type DeploymentDto,
  type DeploymentResourceDto,
  type DeploymentWithDefinitionsDto,
} from './dto/deployment.dto.js';

interface DeploymentForm {
  'deployment-name'?: string;
  'deployment-source'?: string;
  'tenant-id'?: string;
  'enable-duplicate-filtering'?: string;
  'deploy-changed-only'?: string;
}

/** An oversized upload is the caller's mistake like any other invalid deployment: a 400, nothing stored. */
@Catch(PayloadTooLargeException)
class OversizedUploadFilter implements ExceptionFilter {
  constructor(private readonly config: AppConfig) {}

  catch(_: PayloadTooLargeException, host: ArgumentsHost): void {
    new CamundaExceptionFilter().catch(
      new ConveyorError(
        ErrorCode.InvalidRequest,
        `A deployment resource exceeds the maximum size of ${this.config.maxDeploymentBytes} bytes`,
      ),
      host,
    );
  }
}

@Access('admin', 'analyst', 'manager')
@Controller('engine-rest/deployment')
@UseFilters(OversizedUploadFilter)
export class DeploymentController {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly deploy: DeployCommand,
    private readonly deleteDeployment: DeleteDeploymentCommand,
  ) {}

  @Access('admin', 'analyst')
  @Post('create')
  @HttpCode(200)
  @UseInterceptors(AnyFilesInterceptor())
  async create(
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Body() form: DeploymentForm,
  ): Promise<DeploymentWithDefinitionsDto> {
    const result = await this.deploy.execute({
      name: form['deployment-name'] ?? null,
      source: form['deployment-source'] ?? null,
      tenantId: form['tenant-id'] ?? null,
      enableDuplicateFiltering: form['enable-duplicate-filtering'] === 'true',
      deployChangedOnly: form['deploy-changed-only'] === 'true',
      resources: (files ?? []).map((file) => ({ name: file.originalname, content: file.buffer })),
    });
    return toDeploymentWithDefinitionsDto(result.deployment, result.definitions);
  }

  @Get()
  async list(@Query() query: DeploymentQueryDto): Promise<DeploymentDto[]> {
    return (await this.definitions.listDeployments(query)).map(toDeploymentDto);
  }

  @Get('count')
  async count(@Query() query: DeploymentQueryDto): Promise<CountDto> {
    return { count: await this.definitions.countDeployments(query) };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<DeploymentDto> {
    return toDeploymentDto(await this.definitions.getDeployment(id));
  }

  @Get(':id/resources')
  async resources(@Param('id') id: string): Promise<DeploymentResourceDto[]> {
    return (await this.definitions.listResources(id)).map(toDeploymentResourceDto);
  }

  @Get(':id/resources/:resourceId')
  async resource(
    @Param('id') id: string,
    @Param('resourceId') resourceId: string,
  ): Promise<DeploymentResourceDto> {
    return toDeploymentResourceDto(await this.definitions.getResource(id, resourceId));
  }

  @Access('admin', 'analyst')
  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id') id: string, @Query('cascade') cascade?: string): Promise<void> {
    await this.deleteDeployment.execute(id, cascade === 'true');
  }
}
