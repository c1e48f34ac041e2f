import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('identity_user')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'first_name', type: 'varchar', nullable: true })
  firstName!: string | null;

  @Column({ name: 'last_name', type: 'varchar', nullable: true })
  lastName!: string | null;

  @Column({ type: 'varchar', nullable: true })
  email!: string | null;

  @Column({ name: 'password_hash', type: 'varchar', nullable: true })
  passwordHash!: string | null;

  /** The user's manager: a manager's team is everyone below them (see AuthRepository.loadCaller). */
  @Column({ name: 'manager_id', type: 'varchar', length: 64, nullable: true })
  managerId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
