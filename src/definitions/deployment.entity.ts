import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('deployment')
export class DeploymentEntity {
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ type: 'varchar', nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', nullable: true })
  source!: string | null;

  @Column({ name: 'tenant_id', type: 'varchar', nullable: true })
  tenantId!: string | null;

  @Column({ name: 'deployment_time', type: 'timestamptz' })
  deploymentTime!: Date;
}

@Entity('deployment_resource')
export class DeploymentResourceEntity {
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ name: 'deployment_id', type: 'varchar' })
  deploymentId!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'varchar' })
  checksum!: string;
}
