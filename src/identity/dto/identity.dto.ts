import { IsString, MaxLength, MinLength } from 'class-validator';

/** GET /identity/groups */
export class GroupInfoQueryDto {
  @IsString({ message: 'No user id was supplied' })
  @MinLength(1, { message: 'No user id was supplied' })
  userId!: string;
}

/** POST /identity/verify */
export class VerifyUserDto {
  @IsString({ message: 'Username and password are required' }) @MaxLength(64) username!: string;
  @IsString({ message: 'Username and password are required' }) @MaxLength(256) password!: string;
}

/** Camunda's answer of GET /identity/groups: the user's groups and the other members of them. */
export interface GroupInfoDto {
  groups: { id: string; name: string }[];
  groupUsers: {
    id: string;
    firstName: string | null;
    lastName: string | null;
    displayName: string;
  }[];
}

/** Camunda's AuthenticationResult as its REST API serializes it. */
export interface VerifyResultDto {
  authenticatedUser: string;
  authenticated: boolean;
}
