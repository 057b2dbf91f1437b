// The main sections, in the order of the header navigation and the footer.
export interface NavigationEntry {
  label: string;
  href: string;
}

export const MAIN_NAVIGATION: readonly NavigationEntry[] = [
  { label: 'Aides', href: '/aides' },
  { label: 'Ressources', href: '/ressources' },
  { label: 'Entraide', href: '/entraide' },
  { label: 'Annuaire', href: '/annuaire' },
  { label: 'Index de la parité', href: '/index-parite' },
  { label: 'À propos', href: '/a-propos' },
];

export const LEGAL_LINKS: readonly NavigationEntry[] = [
  { label: 'Plan du site', href: '/plan-du-site' },
  { label: 'Accessibilité : non conforme', href: '/accessibilite' },
  { label: 'Mentions légales', href: '/mentions-legales' },
  { label: 'Données personnelles', href: '/donnees-personnelles' },
  { label: 'Conditions d’utilisation', href: '/conditions-d-utilisation' },
];

/** The service's open side, in the footer beside the main sections. */
export const SERVICE_LINKS: readonly NavigationEntry[] = [
  { label: 'Statistiques', href: '/stats' },
  { label: 'Données ouvertes et API', href: '/donnees-ouvertes' },
  { label: 'Lettre d’information', href: '/lettre-d-information' },
  { label: 'Nous écrire', href: '/nous-ecrire' },
];

export function isCurrentSection(currentPath: string, href: string): boolean {
  return currentPath === href || currentPath.startsWith(`${href}/`);
}

/** Pages one level down, listed in the site map. */
export const SECONDARY_PAGES: readonly NavigationEntry[] = [
  { label: 'Revue de dossier entre pairs', href: '/revue-de-dossier' },
  { label: 'Trouver une mentore', href: '/mentorat' },
  { label: 'Commanditaires : la charte', href: '/commanditaires' },
  { label: 'Webinaires et ateliers', href: '/ressources/ateliers' },
  { label: 'Chiffres clés de la parité', href: '/index-parite/chiffres-cles' },
  { label: 'Méthode de l’index de la parité', href: '/index-parite/methode' },
  { label: 'Données ouvertes de l’index', href: '/index-parite/donnees' },
  { label: 'Proposer une aide', href: '/aides/proposer' },
];
