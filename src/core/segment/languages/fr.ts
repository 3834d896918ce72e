import type { LanguageData } from './language-data.js';

/** French sentence-splitting data, tuned on UN usage. */
export const fr: LanguageData = {
  code: 'fr',
  abbreviations: [
    'M.', 'MM.', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Me', 'Mgr', 'Dr', 'Drs', 'Pr', 'St', 'Ste', 'S. E.', 'S.E.',
    'LL. EE.', 'p. ex.', 'par ex.', 'cf.', 'c.-à-d.', 'c-à-d.', 'env.', 'suiv.', 'sqq.', 'ibid.', 'op. cit.',
    'loc. cit.', 'et al.', 'resp.', 'gén.', 'col.', 'lt.', 'cap.', 'sén.', 'dép.', 'prof.', 'ca.',
    // English titles kept in French texts ("Mrs. Monica Jackson")
    'Mr.', 'Mrs.', 'Ms.', 'Dr.',
  ],
  terminalAbbreviations: [
    'etc.', 'Cie', 'Ltd.', 'Inc.', 'S.A.', 'S.A.R.L.', 'É.-U.', 'ONU.', 'av. J.-C.', 'apr. J.-C.', 'J.-C.',
    'éd.', 'éds.', 'coll.', 'min.', 'max.',
  ],
  numberAbbreviations: [
    'art.', 'arts.', 'no', 'nos', 'no.', 'n°', 'par.', 'paras.', 'al.', 'alin.', 'chap.', 'sect.', 'p.', 'pp.',
    'vol.', 'vols.', 't.', 'fasc.', 'fig.', 'tabl.', 'annexe.', 'app.', 'n.', 'ann.', 'Corr.', 'Add.', 'Rev.',
    'Suppl.', 'rect.', 'tél.', 'Tél.', 'réf.', 'Réf.', 'ss.', 'pt.', 'ord.', 'sous-par.', 'subdiv.', 'livr.',
    // "à 15 h. 30"
    'h.',
  ],
  monthAbbreviations: [
    'janv.', 'févr.', 'fév.', 'avr.', 'juill.', 'juil.', 'sept.', 'oct.', 'nov.', 'déc.',
  ],
  labelWords: [
    'annexe', 'appendice', 'chapitre', 'partie', 'section', 'tableau', 'figure', 'catégorie', 'groupe',
    'classe', 'type', 'option', 'phase', 'plan', 'liste', 'article', 'point', 'titre', 'volume', 'niveau',
    'vitamine', 'hépatite', 'colonne', 'ligne', 'encadré', 'formulaire', 'modèle', 'scénario', 'étape',
  ],
  ordinalFollowers: [],
};
