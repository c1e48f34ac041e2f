import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('identity_group')
export class GroupEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'varchar', nullable: true })
  type!: string | null;
}
