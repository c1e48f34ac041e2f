import { GroupEntity } from '../identity/group.entity.js';
import { MembershipEntity } from '../identity/membership.entity.js';
import { UserEntity } from '../identity/user.entity.js';

/** Every entity, for the app's data source and the TypeORM CLI alike. */
export const entities = [UserEntity, GroupEntity, MembershipEntity];
