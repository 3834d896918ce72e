import type { LanguageData } from './language-data.js';

/** English sentence-splitting data, tuned on UN usage. */
export const en: LanguageData = {
  code: 'en',
  abbreviations: [
    'Mr.', 'Mrs.', 'Ms.', 'Messrs.', 'Mmes.', 'Dr.', 'Drs.', 'Prof.', 'Amb.', 'H.E.', 'Hon.', 'Sr.',
    'St.', 'Gen.', 'Lt.', 'Col.', 'Capt.', 'Maj.', 'Sgt.', 'Gov.', 'Sen.', 'Rep.', 'Pres.', 'Mt.', 'Ft.',
    'e.g.', 'i.e.', 'e. g.', 'i. e.', 'cf.', 'viz.', 'vs.', 'v.', 'approx.', 'ca.', 'incl.', 'esp.', 'resp.',
    'Ph.D.', 'ibid.', 'op. cit.', 'et al.',
  ],
  terminalAbbreviations: [
    'etc.', 'Inc.', 'Ltd.', 'Co.', 'Corp.', 'Bros.', 'Jr.', 'Esq.', 'plc.', 'a.m.', 'p.m.', 'U.S.', 'U.S.A.',
    'U.K.', 'U.N.', 'D.C.', 'B.C.', 'A.D.', 'cont.', 'misc.', 'ed.', 'eds.', 'Dept.',
  ],
  numberAbbreviations: [
    'No.', 'Nos.', 'no.', 'para.', 'paras.', 'subpara.', 'subparas.', 'art.', 'arts.', 'p.', 'pp.', 'vol.',
    'vols.', 'Corr.', 'Add.', 'Rev.', 'Suppl.', 'Amend.', 'chap.', 'chaps.', 'ch.', 'sect.', 'sec.', 'fig.',
    'figs.', 'tab.', 'annex.', 'app.', 'n.', 'nn.', 'fn.', 'l.', 'll.', 'op.', 'ser.', 'Ser.', 'reg.', 'r.',
    'rr.', 's.', 'ss.', 'cl.', 'pt.', 'pts.', 'ver.', 'est.', 'min.', 'max.', 'tel.', 'Tel.',
  ],
  monthAbbreviations: [
    'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
  ],
  labelWords: [
    'annex', 'appendix', 'chapter', 'part', 'section', 'table', 'figure', 'schedule', 'category', 'group',
    'class', 'type', 'option', 'phase', 'plan', 'list', 'article', 'item', 'title', 'volume', 'tier', 'level',
    'grade', 'vitamin', 'hepatitis', 'column', 'row', 'box', 'form', 'model', 'scenario', 'step', 'stage',
  ],
  ordinalFollowers: [],
};
