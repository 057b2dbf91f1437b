// The oldest Node.js the service runs on. Node 20 left support in April 2026 and pg-boss and
// sanitize-html need 22.12; package.json's `engines` says the same (a test keeps them equal).
export const MINIMUM_NODE_VERSION = '22.12.0';
export const RECOMMENDED_NODE_MAJOR = 24;

function parts(version: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = version.replace(/^v/, '').split('.').map((part) => Number.parseInt(part, 10) || 0);
  return [major, minor, patch];
}

export function isSupportedNodeVersion(version: string): boolean {
  const current = parts(version);
  const minimum = parts(MINIMUM_NODE_VERSION);
  for (let index = 0; index < 3; index += 1) {
    if (current[index]! !== minimum[index]!) return current[index]! > minimum[index]!;
  }
  return true;
}

/** What a person starting the service on an old Node reads, in French, before anything else runs. */
export function unsupportedNodeMessage(version: string): string {
  return [
    `Elles font la culture ne démarre pas : Node.js ${version.replace(/^v/, '')} est trop ancien.`,
    `Il faut Node.js ${MINIMUM_NODE_VERSION} ou plus récent ; la version recommandée est Node.js ${RECOMMENDED_NODE_MAJOR} LTS (fichier .nvmrc).`,
    `Installez-la (par exemple « nvm install » dans ce dossier), puis relancez la commande.`,
  ].join('\n');
}
