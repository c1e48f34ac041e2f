import type { UserProfileDto } from './dto/user.dto.js';
import type { UserRow } from './user.repository.js';

export function toUserProfileDto(row: UserRow): UserProfileDto {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    managerId: row.manager_id,
  };
}

/** Camunda's display name: first and last name, or the id when the user has neither. */
export function displayNameOf(row: Pick<UserRow, 'id' | 'first_name' | 'last_name'>): string {
  const name = [row.first_name, row.last_name].filter((part) => part).join(' ');
  return name || row.id;
}
