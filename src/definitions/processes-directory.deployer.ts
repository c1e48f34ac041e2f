import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppConfig } from '../config/app-config.js';
import { DeployCommand } from './deploy.command.js';

/**
 * Deploys the BPMN files of CONVEYOR_PROCESSES_DIR at start, with duplicate filtering: an
 * unchanged file is not a new version, a changed one is.
 */
@Injectable()
export class ProcessesDirectoryDeployer implements OnApplicationBootstrap {
  private readonly logger = new Logger('Processes');

  constructor(
    private readonly config: AppConfig,
    private readonly deploy: DeployCommand,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const files = await this.bpmnFiles();
    if (files.length === 0) return;
    const result = await this.deploy.execute({
      name: 'processes',
      source: 'conveyor:processes-directory',
      tenantId: null,
      enableDuplicateFiltering: true,
      deployChangedOnly: true,
      resources: await Promise.all(
        files.map(async (file) => ({
          name: file,
          content: await fs.readFile(path.join(this.config.processesDir, file)),
        })),
      ),
    });
    const versions = result.definitions?.map((d) => `${d.key} v${d.version}`).join(', ');
    this.logger.log(
      versions ? `Deployed ${versions}` : `Processes unchanged (${files.length} files)`,
    );
  }

  private async bpmnFiles(): Promise<string[]> {
    try {
      const names = await fs.readdir(this.config.processesDir);
      return names.filter((name) => /\.bpmn(20\.xml)?$/i.test(name)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
