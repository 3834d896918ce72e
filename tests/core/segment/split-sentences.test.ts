import { describe, expect, it } from 'vitest';
import { en } from '../../../src/core/segment/languages/en.js';
import { fr } from '../../../src/core/segment/languages/fr.js';
import { de } from '../../../src/core/segment/languages/de.js';
import { languageDataFor } from '../../../src/core/segment/languages/index.js';
import type { LanguageData } from '../../../src/core/segment/languages/language-data.js';
import { splitSentences } from '../../../src/core/segment/split-sentences.js';
import { expectWellFormed } from './expect-well-formed.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function sentences(text: string, language: LanguageData): string[] {
  return splitSentences(text, language).map((piece) => piece.text);
}

describe('splitSentences, English', () => {
  it.each([
    // document symbols
    [
      'Recalling its resolution A/RES/70/1. The Assembly decided.',
      ['Recalling its resolution A/RES/70/1.', 'The Assembly decided.'],
    ],
    [
      'See CTOC/COP/WG.4/2017/4 and E/CN.4/2005/L.10/Add.17 for details.',
      ['See CTOC/COP/WG.4/2017/4 and E/CN.4/2005/L.10/Add.17 for details.'],
    ],
    [
      'The letter (S/2019/123) was circulated. Draft A/73/L.5 was adopted.',
      ['The letter (S/2019/123) was circulated.', 'Draft A/73/L.5 was adopted.'],
    ],
    // numbers
    [
      'The budget is $1,000.5 million, up 3.5 per cent. It was approved.',
      ['The budget is $1,000.5 million, up 3.5 per cent.', 'It was approved.'],
    ],
    [
      'The meeting was held on 15.10.2018. The report followed.',
      ['The meeting was held on 15.10.2018.', 'The report followed.'],
    ],
    [
      'The session ended in 2015. The next one starts in 2016.',
      ['The session ended in 2015.', 'The next one starts in 2016.'],
    ],
    // paragraph labels and references
    ['12. The Committee notes the report. It welcomes it.', ['12. The Committee notes the report.', 'It welcomes it.']],
    [
      'As stated in para. 12 of the report, see also paras. 14-16 and paragraph 3 (a).',
      ['As stated in para. 12 of the report, see also paras. 14-16 and paragraph 3 (a).'],
    ],
    [
      'The Council adopted the agenda; 2. Requests the Secretary-General to report.',
      ['The Council adopted the agenda;', '2. Requests the Secretary-General to report.'],
    ],
    ['I. Introduction of the item by the Chair.', ['I. Introduction of the item by the Chair.']],
    ['c. Training workshops for journalists.', ['c. Training workshops for journalists.']],
    [
      'The matter is dealt with in chapter IV. The conclusions follow.',
      ['The matter is dealt with in chapter IV.', 'The conclusions follow.'],
    ],
    ['The list is in annex I. The Committee agreed.', ['The list is in annex I.', 'The Committee agreed.']],
    // abbreviations
    [
      'Mr. Smith, Mrs. Jones, Ms. Brown and Dr. Lee attended.',
      ['Mr. Smith, Mrs. Jones, Ms. Brown and Dr. Lee attended.'],
    ],
    [
      'Some States, e.g. Chile, and others, i.e. Peru, spoke.',
      ['Some States, e.g. Chile, and others, i.e. Peru, spoke.'],
    ],
    [
      'See No. 5 and Nos. 6-8, art. 3 and arts. 4-5, vol. II, p. 12 and pp. 13-15.',
      ['See No. 5 and Nos. 6-8, art. 3 and arts. 4-5, vol. II, p. 12 and pp. 13-15.'],
    ],
    [
      'Issued as A/70/1/Corr. 1 and Add. 2, Rev. 3, on 5 Jan. 2015 and 3 Dec. 2016.',
      ['Issued as A/70/1/Corr. 1 and Add. 2, Rev. 3, on 5 Jan. 2015 and 3 Dec. 2016.'],
    ],
    [
      'Paper, ink, etc. were bought. Costs rose, etc. The budget was cut.',
      ['Paper, ink, etc. were bought.', 'Costs rose, etc.', 'The budget was cut.'],
    ],
    [
      'Acme Inc. and Beta Ltd. signed. Both are U.S. firms.',
      ['Acme Inc. and Beta Ltd. signed.', 'Both are U.S. firms.'],
    ],
    ['Finance Ltd. (Umutanguha) was cited.', ['Finance Ltd. (Umutanguha) was cited.']],
    [
      'The meeting starts at 10 a.m. and ends at 1 p.m. The Chair opens it.',
      ['The meeting starts at 10 a.m. and ends at 1 p.m.', 'The Chair opens it.'],
    ],
    [
      'To be held on Tuesday at 10 a.m. 13. In-depth review follows.',
      ['To be held on Tuesday at 10 a.m.', '13. In-depth review follows.'],
    ],
    ['He visited St. Petersburg. He left.', ['He visited St. Petersburg.', 'He left.']],
    // initials
    [
      'The chronicle by G.O. Dyhrenfurth was read. J. Smith agreed with G. O. Dyhrenfurth.',
      ['The chronicle by G.O. Dyhrenfurth was read.', 'J. Smith agreed with G. O. Dyhrenfurth.'],
    ],
    [
      'At 0940 hours on 25 Rajab A.H. 1436, mortars were seen.',
      ['At 0940 hours on 25 Rajab A.H. 1436, mortars were seen.'],
    ],
    // ellipses
    [
      'The text reads "the parties ... shall cooperate". It entered into force.',
      ['The text reads "the parties ... shall cooperate".', 'It entered into force.'],
    ],
    ['The list goes on… and on. It ended… The end.', ['The list goes on… and on.', 'It ended…', 'The end.']],
    [
      'Members "agree to carry out the decisions [...] Charter". It followed.',
      ['Members "agree to carry out the decisions [...] Charter".', 'It followed.'],
    ],
    // closing quotes and brackets
    ['He said "No." Then he left.', ['He said "No."', 'Then he left.']],
    ['She replied: “Never.” The room was silent.', ['She replied: “Never.”', 'The room was silent.']],
    ['(See para. 12 above.) The Committee agreed.', ['(See para. 12 above.)', 'The Committee agreed.']],
    [
      'The Local Customary Law (Declaration) (No 4.) Order was abolished.',
      ['The Local Customary Law (Declaration) (No 4.) Order was abolished.'],
    ],
    ['Was it adopted? Yes! It was.', ['Was it adopted?', 'Yes!', 'It was.']],
    // a line break is white space
    [
      'The Council met.\nIt adopted the agenda\nwithout a vote. It rose.',
      ['The Council met.', 'It adopted the agenda\nwithout a vote.', 'It rose.'],
    ],
    // lower case never starts a sentence; punctuation neither
    [
      'The costs (printing, translation, etc.), as well as travel, rose.',
      ['The costs (printing, translation, etc.), as well as travel, rose.'],
    ],
    ['It was noted. a New post.', ['It was noted.', 'a New post.']],
  ])('%j', (input, expected) => {
    const pieces = splitSentences(input, en);
    expectWellFormed(input, pieces);
    expect(pieces.map((piece) => piece.text)).toEqual(expected);
  });
});

describe('splitSentences, French', () => {
  it.each([
    // guillemets with (narrow) non-breaking spaces
    [`«${NBSP}Non.${NBSP}» Puis il est parti.`, [`«${NBSP}Non.${NBSP}»`, 'Puis il est parti.']],
    ['« Non. » Puis il est parti.', ['« Non. »', 'Puis il est parti.']],
    [
      `Il a dit «${NBSP}Vraiment${NBSP}?${NBSP}» puis il est parti.`,
      [`Il a dit «${NBSP}Vraiment${NBSP}?${NBSP}» puis il est parti.`],
    ],
    [`Pourquoi${NNBSP}? Parce que${NBSP}! Voilà.`, [`Pourquoi${NNBSP}?`, `Parce que${NBSP}!`, 'Voilà.']],
    [`«${NBSP}Non${NBSP}!${NBSP}». Puis il part.`, [`«${NBSP}Non${NBSP}!${NBSP}».`, 'Puis il part.']],
    [
      "sur le thème << L'innovation en Afrique. >> Le Conseil a décidé.",
      ["sur le thème << L'innovation en Afrique. >>", 'Le Conseil a décidé.'],
    ],
    // abbreviations
    [
      'M. Dupont et MM. Martin et Durand, Mme Leroy et Mlle Petit sont venus.',
      ['M. Dupont et MM. Martin et Durand, Mme Leroy et Mlle Petit sont venus.'],
    ],
    [
      "Voir l'art. 3 du texte et les art. 4 et 5. Le Conseil a décidé.",
      ["Voir l'art. 3 du texte et les art. 4 et 5.", 'Le Conseil a décidé.'],
    ],
    [
      'Certains pays, p. ex. le Chili, ont parlé. Cf. le rapport.',
      ['Certains pays, p. ex. le Chili, ont parlé.', 'Cf. le rapport.'],
    ],
    [
      'Voir par. 12 et suiv., chap. II, vol. 3, p. 14 et pp. 15-16.',
      ['Voir par. 12 et suiv., chap. II, vol. 3, p. 14 et pp. 15-16.'],
    ],
    [
      'Le 5 janv. 2015, le 3 févr. 2016 et le 2 déc. 2017, il a parlé.',
      ['Le 5 janv. 2015, le 3 févr. 2016 et le 2 déc. 2017, il a parlé.'],
    ],
    [
      'Papier, encre, etc. ont été achetés. Les coûts ont augmenté, etc. Le budget a baissé.',
      ['Papier, encre, etc. ont été achetés.', 'Les coûts ont augmenté, etc.', 'Le budget a baissé.'],
    ],
    ['Il y avait env. 20 personnes. Elles sont parties.', ['Il y avait env. 20 personnes.', 'Elles sont parties.']],
    // numbers, symbols, labels
    [
      'Le montant est de 1 000,5 millions, soit 3,5 %. Il est approuvé.',
      ['Le montant est de 1 000,5 millions, soit 3,5 %.', 'Il est approuvé.'],
    ],
    [
      'Voir le document CTOC/COP/WG.4/2017/4. Le Groupe a conclu.',
      ['Voir le document CTOC/COP/WG.4/2017/4.', 'Le Groupe a conclu.'],
    ],
    [
      "12. Le Comité prend note du rapport, conformément à l'article 5 a). Il l'approuve.",
      ["12. Le Comité prend note du rapport, conformément à l'article 5 a).", "Il l'approuve."],
    ],
    [
      'IV.G. Évaluation des activités opérationnelles de développement',
      ['IV.G. Évaluation des activités opérationnelles de développement'],
    ],
    // tokenised text, as in the development data
    [
      'Il a baissé sa tête ; puis il est parti . Le lendemain , il est revenu .',
      ['Il a baissé sa tête ; puis il est parti .', 'Le lendemain , il est revenu .'],
    ],
    ['la réfraction ( pesanteur ) . » Ensuite', ['la réfraction ( pesanteur ) . »', 'Ensuite']],
    ['une moyenne de 8839,8 m. La moyenne suivante', ['une moyenne de 8839,8 m.', 'La moyenne suivante']],
    ['PAR G. O. DYHRENFURTH Avec 3 illustrations', ['PAR G. O. DYHRENFURTH Avec 3 illustrations']],
    [
      'Le livre de Mrs. Monica Jackson a paru. Il est illustré.',
      ['Le livre de Mrs. Monica Jackson a paru.', 'Il est illustré.'],
    ],
    [
      'Ils partirent à 15 h. 30 du camp. Ils arrivèrent à 18 h. Le soir tomba.',
      ['Ils partirent à 15 h. 30 du camp.', 'Ils arrivèrent à 18 h.', 'Le soir tomba.'],
    ],
    // ellipses
    [
      'Il hésita… puis repartit. Il revint… Le soir tomba.',
      ['Il hésita… puis repartit.', 'Il revint…', 'Le soir tomba.'],
    ],
  ])('%j', (input, expected) => {
    const pieces = splitSentences(input, fr);
    expectWellFormed(input, pieces);
    expect(pieces.map((piece) => piece.text)).toEqual(expected);
  });
});

describe('splitSentences, German', () => {
  it.each([
    [
      'Das gilt z. B. für Herrn Dr. Müller. Er kam am 3. Oktober an.',
      ['Das gilt z. B. für Herrn Dr. Müller.', 'Er kam am 3. Oktober an.'],
    ],
    ['Siehe Nr. 5, S. 12, Bd. 3 usw. Dann folgt der Rest.', ['Siehe Nr. 5, S. 12, Bd. 3 usw.', 'Dann folgt der Rest.']],
    ['Er sagte »Nein.« Dann ging er.', ['Er sagte »Nein.«', 'Dann ging er.']],
    ['Das ist i. d. R. so. Dann nicht.', ['Das ist i. d. R. so.', 'Dann nicht.']],
    ['Leiter H. Tichy, S. Jöchler und Pasang. Sie kamen.', ['Leiter H. Tichy, S. Jöchler und Pasang.', 'Sie kamen.']],
  ])('%j', (input, expected) => {
    expect(sentences(input, de)).toEqual(expected);
  });
});

describe('splitSentences, edges', () => {
  it('returns nothing for an empty text', () => {
    expect(splitSentences('', en)).toEqual([]);
  });

  it('returns one blank piece for a text of only white space', () => {
    expect(splitSentences(` \n${NBSP}`, en)).toEqual([{ raw: ` \n${NBSP}`, text: '', range: { start: 0, end: 3 } }]);
  });

  it('gives leading white space to the first piece and trailing white space to the last', () => {
    const input = '  One. Two.  \n';
    const pieces = splitSentences(input, en);
    expect(pieces.map((piece) => piece.raw)).toEqual(['  One. ', 'Two.  \n']);
    expect(pieces.map((piece) => piece.range)).toEqual([
      { start: 0, end: 7 },
      { start: 7, end: 14 },
    ]);
  });

  it('splits an unknown language with the generic data', () => {
    expect(sentences('Dr. Pérez llegó. Habló.', languageDataFor('es'))).toEqual(['Dr. Pérez llegó.', 'Habló.']);
  });

  it('keeps splitting after an unbalanced quotation mark or bracket', () => {
    expect(sentences('He said "no. The Council met (see. It rose. It left.', en)).toEqual([
      'He said "no.',
      'The Council met (see.',
      'It rose.',
      'It left.',
    ]);
  });
});
