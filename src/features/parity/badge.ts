import { type Count, assessParity } from './parity-rule.ts';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The badge an organisation embeds on its own site: its latest share of women, the year and
 * the level in words. Plain SVG attributes only (no style element: it is also served under
 * our Content-Security-Policy). Colours pass AA contrast: white on blue France, grey on white.
 */
export function parityBadgeSvg(figure: (Count & { year: number }) | null): string {
  const assessment = assessParity(figure);
  const right = figure ? `${assessment.shareText} de femmes (${figure.year})` : 'Chiffres non publiés';
  const level = figure ? assessment.label : '';
  const title = figure ? `Index de la parité : ${right}, ${level.toLowerCase()}` : 'Index de la parité : chiffres non publiés';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="260" height="40" viewBox="0 0 260 40" role="img" aria-label="${escapeXml(title)}">
<title>${escapeXml(title)}</title>
<rect width="260" height="40" fill="#ffffff" stroke="#000091" stroke-width="2"/>
<rect width="96" height="40" fill="#000091"/>
<text x="48" y="17" fill="#ffffff" font-family="Marianne, Arial, sans-serif" font-size="11" font-weight="700" text-anchor="middle">Index de</text>
<text x="48" y="31" fill="#ffffff" font-family="Marianne, Arial, sans-serif" font-size="11" font-weight="700" text-anchor="middle">la parité</text>
<text x="178" y="${level ? 17 : 25}" fill="#161616" font-family="Marianne, Arial, sans-serif" font-size="12" font-weight="700" text-anchor="middle">${escapeXml(right)}</text>
${level ? `<text x="178" y="32" fill="#3a3a3a" font-family="Marianne, Arial, sans-serif" font-size="11" text-anchor="middle">${escapeXml(level)}</text>` : ''}
</svg>
`;
}
