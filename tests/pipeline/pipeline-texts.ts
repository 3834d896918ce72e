/** Texts for the pipeline's checks: a real pair from corpora/ and a Spanish text no side may hold. */
import { readFileSync } from 'node:fs';
import { corporaDir } from '../../harness/corpora-forms.js';
import type { DocumentFile } from '../../src/pipeline/segment-file.js';

const corpusFile = (name: string): Uint8Array => readFileSync(`${corporaDir}report-structure/${name}`);

/** The French side of corpora/report-structure. */
export const french: DocumentFile = { bytes: corpusFile('fr.txt'), name: 'fr.txt', language: 'fr' };
/** The English side of corpora/report-structure. */
export const english: DocumentFile = { bytes: corpusFile('en.txt'), name: 'en.txt', language: 'en' };

/** A Spanish report paragraph, long enough (over 200 letters) for the language check to decide. */
export const spanish: DocumentFile = {
  bytes: new TextEncoder().encode(
    '1. La Comisión examinó el informe del Secretario General sobre la cooperación internacional contra el ' +
      'problema mundial de las drogas y tomó nota de las recomendaciones que figuran en él.\n\n' +
      '2. Varios oradores destacaron la importancia de la asistencia técnica a los países en desarrollo y ' +
      'pidieron que se reforzaran los programas regionales durante el próximo bienio.\n',
  ),
  name: 'es.txt',
  language: 'fr',
};
