// Kept apart from the schemas so that the command line can list roles without loading zod.
export const ROLES = ['sales', 'marketing', 'leadership', 'revops', 'other'] as const;
export type Role = (typeof ROLES)[number];
