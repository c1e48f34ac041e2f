import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { OptionalListParam } from '../../history/query/list-param.js';
import { IdentityId } from './identity-id.js';

export const MIN_PASSWORD_LENGTH = 8;
const PASSWORD_POLICY = `The password must have at least ${MIN_PASSWORD_LENGTH} characters`;

export const USER_SORT_KEYS = ['userId', 'firstName', 'lastName', 'email'] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];

/** Filters of GET /user and /user/count (`…Like` take SQL wildcards, as in Camunda). */
export class UserQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() id?: string;
  @OptionalListParam() idIn?: string[];
  @IsOptional() @IsString() firstName?: string;
  @IsOptional() @IsString() firstNameLike?: string;
  @IsOptional() @IsString() lastName?: string;
  @IsOptional() @IsString() lastNameLike?: string;
  @IsOptional() @IsString() email?: string;
  @IsOptional() @IsString() emailLike?: string;
  @IsOptional() @IsString() memberOfGroup?: string;
  @IsOptional() @IsIn(USER_SORT_KEYS) sortBy?: UserSortKey;
}

/** Camunda's profile fields plus Conveyor's `managerId` (absent: unchanged; null: no manager). */
class ProfileFields {
  @IsOptional() @IsString() @MaxLength(255) firstName?: string | null;
  @IsOptional() @IsString() @MaxLength(255) lastName?: string | null;
  @IsOptional() @IsEmail() @MaxLength(255) email?: string | null;
  @IsOptional() @IdentityId() managerId?: string | null;
}

export class NewUserProfileDto extends ProfileFields {
  @IdentityId() id!: string;
}

/** PUT /user/{id}/profile: the path names the user; an `id` in the body must be the same. */
export class UserProfileUpdateDto extends ProfileFields {
  @IsOptional() @IsString() id?: string;
}

export class NewPasswordDto {
  @IsString({ message: PASSWORD_POLICY })
  @MinLength(MIN_PASSWORD_LENGTH, { message: PASSWORD_POLICY })
  @MaxLength(256)
  password!: string;
}

/** POST /user/create */
export class CreateUserDto {
  // IsObject: ValidateNested alone accepts an array of profiles (which then failed as a 500).
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => NewUserProfileDto)
  profile!: NewUserProfileDto;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => NewPasswordDto)
  credentials!: NewPasswordDto;
}

/** PUT /user/{id}/credentials: the caller confirms with their own current password, as in Camunda. */
export class UserCredentialsDto extends NewPasswordDto {
  @IsString({ message: 'authenticatedUserPassword is required' })
  @MaxLength(256)
  authenticatedUserPassword!: string;
}

/** Camunda's UserProfileDto, with the manager. */
export interface UserProfileDto {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  managerId: string | null;
}
