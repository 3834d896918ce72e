import type { LanguageData } from './language-data.js';

/** The fallback for languages without their own data: titles and Latin abbreviations shared by many languages. */
export const generic: LanguageData = {
  code: 'und',
  abbreviations: ['Dr.', 'Prof.', 'St.', 'e.g.', 'i.e.', 'cf.', 'ca.', 'vs.', 'ibid.', 'op. cit.', 'et al.'],
  terminalAbbreviations: ['etc.', 'Inc.', 'Ltd.'],
  numberAbbreviations: ['No.', 'Nos.', 'no.', 'n°', 'art.', 'Art.', 'p.', 'pp.', 'vol.', 'Corr.', 'Add.', 'Rev.'],
  monthAbbreviations: [],
  labelWords: [],
  ordinalFollowers: [],
};
