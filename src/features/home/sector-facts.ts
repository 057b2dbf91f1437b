// Figures from public sources, quoted with their source wherever they are shown.
export interface SectorFact {
  figure: string;
  text: string;
  source: { label: string; url: string };
}

export const SECTOR_FACTS: readonly SectorFact[] = [
  {
    figure: '58 %',
    text: 'des élèves des écoles de photographie étaient des femmes en 2021.',
    source: { label: 'ministère de la Culture, présentation d’Elles font la culture (2021)', url: 'https://ellesfontlaculture.beta.gouv.fr/a_propos' },
  },
  {
    figure: 'Moins d’un tiers',
    text: 'des photographes exerçant comme artistes sont des femmes.',
    source: { label: 'ministère de la Culture, présentation d’Elles font la culture (2021)', url: 'https://ellesfontlaculture.beta.gouv.fr/a_propos' },
  },
  {
    figure: '+40 %',
    text: 'de revenus pour les hommes photographes par rapport aux femmes, selon les chiffres du ministère de la Culture.',
    source: { label: '20 Minutes, 26 juin 2020', url: 'https://www.20minutes.fr/arts-stars/culture/2808611-20200626-sexisme-plafond-verre-etude-devoile-parcours-combattantes-femmes-photographes' },
  },
];
