import { buildPdf, textToBlocks } from '../../src/platform/pdf/simple-pdf.ts';
import type { TestClient } from './test-client.ts';

/** A real (small) PDF, as a member would upload. */
export function samplePdf(title = 'Dossier de candidature'): Buffer {
  return buildPdf(textToBlocks(`${title}\n\nNote d’intention, série de vingt images, biographie et budget prévisionnel.`), { title });
}

export const RUBRIC = {
  strengths: 'La série est cohérente et la lumière d’hiver donne une unité forte aux vingt images. La note d’intention dit clairement pourquoi ce territoire et pourquoi maintenant, et la biographie reste sobre et précise. Le rythme de la séquence tient jusqu’au bout.',
  improvements: 'Le budget ne détaille pas les frais de tirage ni les déplacements, alors que le jury le lira de près. Trois images se répètent (le port, deux fois la digue) : en retirer deux ferait respirer la série. La dernière page gagnerait à présenter le calendrier du projet.',
  advice: 'Cet appel valorise l’ancrage local : citez les partenaires sur place et la restitution prévue auprès des habitants. Gardez la note d’intention sous une page, comme demandé dans le règlement, et nommez le fichier comme le demande la plateforme de dépôt.',
  readiness: 'almost',
};

/** Deposits a dossier for a signed-in member through the real form. */
export async function submitDossierAs(client: TestClient, fields: Record<string, string | string[]> = {}, file: { fileName: string; type: string; content: Buffer } = { fileName: 'mon-dossier.pdf', type: 'application/pdf', content: samplePdf() }) {
  return client.postMultipart('/revue-de-dossier/demander', {
    disciplines: ['documentary'], languages: ['fr'], targetKind: 'residency', rules: 'oui', message: 'Regardez surtout la note d’intention.', ...fields,
  }, { dossier: file }, { page: '/revue-de-dossier/demander' });
}
