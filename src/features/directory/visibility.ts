import { DIRECTORY_FIELDS, type DirectoryField, type DirectoryProfileRow, type FieldAudience } from '../../db/schema/index.ts';

/**
 * Who sees what in the directory, in one place: every page, search filter, export and API
 * goes through `visibleProfile`. A field is shown to the audiences its owner chose; a field
 * she keeps private never leaves the database, not even as a search filter.
 */
export type Audience = 'anonymous' | 'member' | 'commissioner';

export const AUDIENCE_LABELS: Record<FieldAudience, string> = {
  private: 'Moi seulement',
  commissioners: 'Commanditaires vérifiés',
  public: 'Tout le monde',
};

export function canSee(fieldAudience: FieldAudience, audience: Audience): boolean {
  if (fieldAudience === 'public') return true;
  if (fieldAudience === 'commissioners') return audience === 'commissioner';
  return false;
}

export const DEFAULT_AUDIENCES: Record<DirectoryField, FieldAudience> = Object.fromEntries(DIRECTORY_FIELDS.map((field) => [field, 'private'])) as Record<DirectoryField, FieldAudience>;

export interface VisibleProfile {
  userId: number;
  displayName: string;
  pronouns?: string | null;
  region?: string | null;
  specialties?: string[];
  languages?: string[];
  bio?: string | null;
  website?: string | null;
  availableForCommissions?: boolean;
}

/** The profile as this audience may see it, or null when she is not shown to it at all. */
export function visibleProfile(profile: DirectoryProfileRow, audience: Audience): VisibleProfile | null {
  if (!profile.listed || profile.status !== 'published' || !canSee(profile.nameAudience, audience)) return null;
  const shown = (field: DirectoryField) => canSee(profile.audiences[field] ?? 'private', audience);
  return {
    userId: profile.userId,
    displayName: profile.displayName,
    ...(shown('pronouns') ? { pronouns: profile.pronouns } : {}),
    ...(shown('region') ? { region: profile.region } : {}),
    ...(shown('specialties') ? { specialties: profile.specialties } : {}),
    ...(shown('languages') ? { languages: profile.languages } : {}),
    ...(shown('bio') ? { bio: profile.bio } : {}),
    ...(shown('website') ? { website: profile.website } : {}),
    ...(shown('availability') ? { availableForCommissions: profile.availableForCommissions } : {}),
  };
}
