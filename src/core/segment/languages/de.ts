import type { LanguageData } from './language-data.js';

/** German sentence-splitting data. */
export const de: LanguageData = {
  code: 'de',
  abbreviations: [
    'Hr.', 'Hrn.', 'Fr.', 'Frl.', 'Dr.', 'Prof.', 'Dipl.-Ing.', 'St.', 'z. B.', 'z.B.', 'd. h.', 'd.h.',
    'u. a.', 'u.a.', 'o. ä.', 'o.ä.', 'u. ä.', 'u.ä.', 'i. d. R.', 'i.d.R.', 'z. T.', 'z.T.', 'ca.', 'bzw.',
    'vgl.', 'sog.', 'ggf.', 'evtl.', 'inkl.', 'zzgl.', 'bspw.', 'insb.', 'gem.', 'lt.', 'u.', 'v.', 'zit.',
    'Ihr.', 'Ew.', 'Exz.', 'hl.', 'a. a. O.', 'ebd.', 's.', 'Mr.', 'Mrs.', 'Ms.',
  ],
  terminalAbbreviations: [
    'usw.', 'etc.', 'u. dgl.', 'usf.', 'GmbH.', 'AG.', 'e.V.', 'n. Chr.', 'v. Chr.', 'Chr.', 'Mio.', 'Mrd.',
    'Tsd.', 'Std.', 'Min.', 'Hg.', 'Hrsg.', 'Aufl.',
  ],
  numberAbbreviations: [
    'Nr.', 'Nrn.', 'S.', 'Bd.', 'Bde.', 'Abs.', 'Art.', 'Ziff.', 'Kap.', 'Abschn.', 'Abb.', 'Tab.', 'Anl.',
    'Anh.', 'Bl.', 'Sp.', 'Jg.', 'Jh.', 'Rn.', 'Rz.', 'lit.', 'Tel.', 'Fn.', 'Anm.', 'Bsp.',
  ],
  monthAbbreviations: [
    'Jan.', 'Febr.', 'Feb.', 'Apr.', 'Aug.', 'Sept.', 'Sep.', 'Okt.', 'Nov.', 'Dez.',
  ],
  labelWords: [
    'anlage', 'anhang', 'kapitel', 'teil', 'abschnitt', 'tabelle', 'abbildung', 'kategorie', 'gruppe',
    'klasse', 'typ', 'option', 'phase', 'plan', 'liste', 'artikel', 'punkt', 'titel', 'band', 'stufe',
    'vitamin', 'hepatitis', 'spalte', 'zeile', 'modell', 'szenario', 'schritt',
  ],
  ordinalFollowers: [
    'Januar', 'Jänner', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober',
    'November', 'Dezember', 'Jan.', 'Feb.', 'Febr.', 'Apr.', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.',
    'Jahrhundert', 'Jahrhunderts', 'Jahrtausend', 'Jahrestag', 'Sitzung', 'Tagung', 'Session', 'Mal',
    'Platz', 'Stock', 'Jahrgang', 'Klasse', 'Auflage', 'Ausgabe', 'Bundesliga', 'Lebensjahr', 'Geburtstag',
  ],
};
