import { DeploymentEntity, DeploymentResourceEntity } from '../definitions/deployment.entity.js';
import { ProcessDefinitionEntity } from '../definitions/process-definition.entity.js';
import { GroupEntity } from '../identity/group.entity.js';
import { MembershipEntity } from '../identity/membership.entity.js';
import { UserEntity } from '../identity/user.entity.js';

/** Every entity, for the app's data source and the TypeORM CLI alike. Runtime tables use plain SQL repositories. */
export const entities = [
  UserEntity,
  GroupEntity,
  MembershipEntity,
  DeploymentEntity,
  DeploymentResourceEntity,
  ProcessDefinitionEntity,
];
