/** Roles as the admin page offers them, least to most. */
export const ROLE_CHOICES = ["viewer", "clerk", "admin"] as const;

export type RoleChoice = (typeof ROLE_CHOICES)[number];

/** A user as the admin page receives it from the server. */
export interface UserListItem {
  id: string;
  email: string;
  name: string;
  role: RoleChoice;
  disabled: boolean;
  createdAt: string;
}
