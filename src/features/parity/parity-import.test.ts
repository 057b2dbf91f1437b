import { describe, expect, it } from 'vitest';
import { parseOrganizationDetails, parseOrganizationFigures, parseOrganizationPrizes, parsePrizeLaureates, readCsv } from './parity-import.ts';
import { readParityReference } from './parity-seed.commands.ts';

const WIDE_HEADER = 'id,Organization type,Name,City,annee,nb_femmes_directrices,nb_total_directeurs,nb_femmes_exposees,nb_total_exposes,nb_femmes_laureates,nb_total_laureates,nb_femmes_candidates,nb_total_candidats,nb_femmes_publiees,nb_total_publies,nb_femmes_iconographes,nb_total_iconographes,nb_femmes_enseignantes,nb_total_enseignants,nb_femmes_etudiantes,nb_total_etudiants,titre';

describe('import of the wide figures file', () => {
  it('turns each pair of columns into a figure row, keeping zeros and skipping blanks', () => {
    const parsed = parseOrganizationFigures('f.csv', `${WIDE_HEADER}\n4,Structure,Le Jeu de Paume,Paris,2022,1,2,28,94,,,,,,,,,,,,,\n77,Journal/Magazine,9 Lives magazine,Créteil,2022,,,,,,,,,611,1035,0,0,,,,,\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.organizations).toEqual([
      { referenceKey: 'org:4', name: 'Le Jeu de Paume', type: 'exhibition_venue', city: 'Paris', parentKey: null },
      { referenceKey: 'org:77', name: '9 Lives magazine', type: 'press', city: 'Créteil', parentKey: null },
    ]);
    expect(parsed.figures).toEqual([
      { referenceKey: 'org:4', year: 2022, metric: 'directors', women: 1, total: 2 },
      { referenceKey: 'org:4', year: 2022, metric: 'exhibited_artists', women: 28, total: 94 },
      { referenceKey: 'org:77', year: 2022, metric: 'published_photographers', women: 611, total: 1035 },
      { referenceKey: 'org:77', year: 2022, metric: 'picture_editors', women: 0, total: 0 },
    ]);
  });

  it('reports malformed rows with their line and still loads the others', () => {
    const text = [
      WIDE_HEADER,
      '4,Structure,Le Jeu de Paume,Paris,2022,1,2,28,94,,,,,,,,,,,,,',
      '5,Festival,Trop de femmes,,2022,3,2,,,,,,,,,,,,,,,',
      '6,Festival,Moitié de paire,,2022,1,,,,,,,,,,,,,,,,',
      '7,Cirque,Type inconnu,,22,1,1,,,,,,,,,,,,,,,',
      '8,Festival,Pas un nombre,,2022,un,2,,,,,,,,,,,,,,,',
      '9,Festival,Trop court',
    ].join('\n');
    const parsed = parseOrganizationFigures('f.csv', text);
    expect(parsed.organizations.map((organization) => organization.referenceKey)).toEqual(['org:4']);
    expect(parsed.errors).toEqual([
      { file: 'f.csv', line: 3, message: 'directors : Le nombre de femmes (3) dépasse l’effectif total (2).' },
      { file: 'f.csv', line: 4, message: 'directors : Il manque le nombre de femmes ou l’effectif total.' },
      { file: 'f.csv', line: 5, message: 'Type d’organisation inconnu : « Cirque ». Année invalide : « 22 ».' },
      { file: 'f.csv', line: 6, message: 'directors : Effectifs invalides : « un » et « 2 ».' },
      { file: 'f.csv', line: 7, message: '3 colonnes au lieu de 22.' },
    ]);
  });

  it('takes a prize row’s title as its name', () => {
    const parsed = parseOrganizationFigures('f.csv', `${WIDE_HEADER}\n81,Prix,Union des Photographes Professionnels (UPP),,2022,,,,,1,2,49,107,,,,,,,,,Prix UPP\n`);
    expect(parsed.organizations[0]).toMatchObject({ name: 'Prix UPP', type: 'prize' });
    expect(parsed.figures.map((figure) => figure.metric)).toEqual(['laureates', 'candidates']);
  });
});

describe('import of the prize files', () => {
  it('puts an unquoted comma back into the organisation name (the Hyères row)', () => {
    const text = "organization_ID,name,titre,annee,nb_femmes_laureates,nb_total_laureates\n86,Festival international de mode, de photographie et d'accessoires de mode d'Hyères,Grand prix du jury Photographie,2021,1,2\n";
    const parsed = parsePrizeLaureates('p.csv', text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.figures).toEqual([{ referenceKey: 'prize:86:Grand prix du jury Photographie', year: 2021, metric: 'laureates', women: 1, total: 2 }]);
    const prizes = parseOrganizationPrizes('p.csv', "organization_id,name,titre\n86,Festival international de mode, de photographie et d'accessoires de mode d'Hyères,Grand prix du jury Photographie\n");
    expect(prizes.organizations).toEqual([
      { referenceKey: 'org:86', name: "Festival international de mode, de photographie et d'accessoires de mode d'Hyères", type: 'festival', city: null, parentKey: null },
      { referenceKey: 'prize:86:Grand prix du jury Photographie', name: 'Grand prix du jury Photographie', type: 'prize', city: null, parentKey: 'org:86' },
    ]);
  });

  it('adds up the rows of one prize and year (one row per grant)', () => {
    const text = 'Organization ID,Organization type,name,annee,nb_femmes_laureates,nb_total_laureates\nnew,prix,Bourse,2000,1,1\nnew,prix,Bourse,2000,0,1\n';
    expect(parsePrizeLaureates('p.csv', text).figures).toEqual([{ referenceKey: 'prize:Bourse', year: 2000, metric: 'laureates', women: 1, total: 2 }]);
  });

  it('refuses a laureate row without counts or with more women than laureates', () => {
    const text = 'Organization ID,Organization type,name,annee,nb_femmes_laureates,nb_total_laureates\nnew,prix,Nadar,2001,0,2\nnew,prix,Nadar,2002,,\nnew,prix,Nadar,2003,2,1\n';
    const parsed = parsePrizeLaureates('p.csv', text);
    expect(parsed.figures).toEqual([{ referenceKey: 'prize:Nadar', year: 2001, metric: 'laureates', women: 0, total: 2 }]);
    expect(parsed.errors.map((error) => error.line)).toEqual([3, 4]);
  });

  it('refuses a file that is not CSV at all', () => {
    expect(readCsv('x.csv', 'a,"b\n1,2').errors[0]?.message).toMatch(/^Fichier CSV illisible/);
  });

  it('checks our details file: regions, networks and websites from fixed lists', () => {
    const { details, errors } = parseOrganizationDetails('d.csv', 'reference,type,city,region,network,website\norg:1,,,Bretagne,Diagonal,https://exemple.fr\norg:2,,,Atlantide,,javascript:alert(1)\n');
    expect(details.get('org:1')).toEqual({ type: null, city: null, region: 'Bretagne', network: 'Diagonal', website: 'https://exemple.fr' });
    expect(errors).toEqual([{ file: 'd.csv', line: 3, message: 'Région inconnue : « Atlantide ». Adresse de site invalide : « javascript:alert(1) ».' }]);
  });
});

describe('the reference files shipped with the project', () => {
  it('hold 76 organisation-year rows, 41 prizes and 319 yearly laureate counts, without error', async () => {
    const reference = await readParityReference();
    expect(reference.errors).toEqual([]);
    const fromPrizeFiles = reference.organizations.filter((organization) => organization.referenceKey.startsWith('prize:'));
    expect(fromPrizeFiles).toHaveLength(41);
    const organizationYears = new Set(reference.figures.filter((figure) => figure.referenceKey.startsWith('org:')).map((figure) => `${figure.referenceKey}/${figure.year}`));
    expect(organizationYears.size).toBe(76);
    expect(reference.rows['prizes-independent-laureates.csv']! + reference.rows['prizes-of-organizations-laureates.csv']!).toBe(319);
    // The Lagardère grant has two rows (two grants) in four years: they add up to one yearly count.
    expect(reference.figures.filter((figure) => figure.referenceKey.startsWith('prize:'))).toHaveLength(315);
    expect(reference.figures.find((figure) => figure.referenceKey === 'prize:Bourse Photographe Lagardère' && figure.year === 2000)).toMatchObject({ women: 1, total: 2 });
    expect(reference.organizations.find((organization) => organization.referenceKey === 'org:86')?.name).toBe("Festival international de mode, de photographie et d'accessoires de mode d'Hyères");
  });
});
