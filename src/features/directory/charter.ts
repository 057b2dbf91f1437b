/** The commissioners' charter, version CHARTER_VERSION (a new version asks signatories to sign again). */
export const CHARTER_COMMITMENTS: readonly { title: string; text: string }[] = [
  {
    title: 'Considérer les photographes femmes et minorités de genre',
    text: 'Pour chaque commande, exposition ou acquisition, nous regardons le travail de photographes femmes et minorités de genre avant de choisir, et nous suivons la part de femmes parmi les photographes avec qui nous travaillons.',
  },
  {
    title: 'Rémunérer justement et à temps',
    text: 'Nous proposons un devis écrit qui distingue la prise de vue et la cession de droits, nous respectons les tarifs convenus, et nous payons dans les délais légaux, sans attendre la publication.',
  },
  {
    title: 'Prévenir et traiter le harcèlement',
    text: 'Nous appliquons un code de conduite contre le harcèlement sexiste et sexuel sur nos productions, nous désignons une personne à qui le signaler, et nous prenons chaque signalement au sérieux.',
  },
  {
    title: 'Respecter les personnes contactées',
    text: 'Nous n’écrivons aux photographes de l’annuaire que pour des propositions de travail réelles, et nous répondons au questionnaire qui demande si la mise en relation a abouti.',
  },
];
