/** A synthetic French/English report of `paragraphs` numbered paragraphs, three sentences each, for load tests. */

const FRENCH = [
  "Le Secrétariat a reçu {n} demandes d'assistance émanant d'États Membres au cours de la période considérée.",
  'Les dépenses totales se sont élevées à {n} milliers de dollars, selon les chiffres disponibles.',
  'Une assistance législative a été fournie à {n} États, principalement en Afrique et en Asie.',
];
const ENGLISH = [
  'The Secretariat received {n} requests for assistance from Member States during the reporting period.',
  'Total expenditure amounted to {n} thousand dollars, according to the available figures.',
  'Legislative assistance was provided to {n} States, mainly in Africa and Asia.',
];

/** Builds the two texts; `seed` changes the numbers so that two pairs never share a content hash. */
export function makeLargePair(paragraphs: number, seed = 0): { fr: string; en: string } {
  const build = (sentences: string[], title: string): string => {
    const lines = [title, ''];
    for (let p = 1; p <= paragraphs; p++) {
      lines.push(`${p}. ${sentences.map((s, i) => s.replace('{n}', String(p * 7 + i + seed * 100_000))).join(' ')}`);
    }
    return `${lines.join('\n')}\n`;
  };
  return { fr: build(FRENCH, 'Rapport du Secrétariat'), en: build(ENGLISH, 'Report of the Secretariat') };
}
