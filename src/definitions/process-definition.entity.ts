import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('process_definition')
export class ProcessDefinitionEntity {
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ type: 'varchar' })
  key!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', nullable: true })
  category!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'deployment_id', type: 'varchar' })
  deploymentId!: string;

  @Column({ name: 'resource_name', type: 'varchar' })
  resourceName!: string;

  @Column({ name: 'version_tag', type: 'varchar', nullable: true })
  versionTag!: string | null;

  @Column({ name: 'history_time_to_live', type: 'integer', nullable: true })
  historyTimeToLive!: number | null;

  @Column({ name: 'startable_in_tasklist', type: 'boolean', default: true })
  startableInTasklist!: boolean;

  @Column({ name: 'has_start_form_key', type: 'boolean', default: false })
  hasStartFormKey!: boolean;

  @Column({ type: 'boolean', default: false })
  suspended!: boolean;

  @Column({ name: 'tenant_id', type: 'varchar', nullable: true })
  tenantId!: string | null;
}
