import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../src/core/align/align-documents.js';
import { parseDocument } from '../../src/core/parse/parse-document.js';
import { buildParityReport } from '../../src/core/qa/parity-report.js';
import { segmentDocument } from '../../src/core/segment/segment-document.js';
import { extractHtml } from '../../src/extract/extract-html.js';

function parse(html: string, language: string) {
  return parseDocument(extractHtml(html, 'test.html', language).text, { language, format: 'markdown' });
}

const FRENCH_HEADER =
  '<p>Nations Unies<br>E/CN.7/2024/999<br>Distr. générale<br>12 mars 2024<br>Français<br>Original : anglais</p>' +
  '<p><b>Rapport du Secrétariat</b></p>';

describe('extractHtml', () => {
  it('reads <br> as a line break: header lines stay lines, and the front matter is read', () => {
    const doc = parse(
      `<html><body>${FRENCH_HEADER}<p>1. Le Comité a adopté son ordre du jour.</p></body></html>`,
      'fr',
    );
    expect(doc.blocks.filter((b) => b.kind === 'header').map((b) => b.text)).toEqual([
      'Nations Unies',
      'E/CN.7/2024/999',
      'Distr. générale',
      '12 mars 2024',
      'Français',
      'Original : anglais',
    ]);
    expect(doc.meta).toMatchObject({ symbol: 'E/CN.7/2024/999', date: '2024-03-12', originalLanguage: 'en' });
  });

  it('never glues the words on either side of a <br>', () => {
    expect(extractHtml('<p>one<br/>two<br >three</p>', 'a.html', 'en').text).toBe('one\ntwo\nthree\n');
  });

  it.each([
    [
      '<sup> calls and <sup> footnote paragraphs',
      '<p>1. Adopted at its session<sup>1</sup>.</p><hr><p><sup>1</sup> See E/2024/1.</p>',
    ],
    [
      'pandoc: <a href="#fn1"> calls and <section class="footnotes">',
      '<p>1. Adopted at its session' +
        '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>.</p>' +
        '<section class="footnotes" role="doc-endnotes"><hr /><ol><li id="fn1"><p>See E/2024/1.' +
        '<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>',
    ],
    [
      '<ol class="footnotes">',
      '<p>1. Adopted at its session<sup><a href="#fn1">1</a></sup>.</p><ol class="footnotes"><li id="fn1">See ' +
        'E/2024/1.</li></ol>',
    ],
    [
      'Word: #_ftn1 calls, MsoFootnoteReference and <div id=ftn1>',
      '<p class=MsoNormal>1. Adopted at its session<a style="mso-footnote-id:ftn1" href="#_ftn1" name="_ftnref1">' +
        '<span class=MsoFootnoteReference><span style="mso-special-character:footnote"></span>[1]</span></a>.</p>' +
        '<div style="mso-element:footnote-list"><hr align=left size=1 width="33%">' +
        '<div style="mso-element:footnote" id=ftn1>' +
        '<p class=MsoFootnoteText><a style="mso-footnote-id:ftn1" href="#_ftnref1" name="_ftn1">' +
        '<span class=MsoFootnoteReference><span style="mso-special-character:footnote"></span>[1]</span></a>' +
        ' See E/2024/1.</p>' +
        '</div></div>',
    ],
  ])('reads footnotes as footnotes: %s', (_case, body) => {
    const text = extractHtml(`<html><body><p>Report</p>${body}</body></html>`, 'a.html', 'en').text;
    const doc = parseDocument(text, { language: 'en', format: 'markdown' });
    const paragraph = doc.blocks.find((b) => b.path === '1');
    expect(paragraph?.text).toBe('Adopted at its session.');
    expect(doc.blocks.filter((b) => b.kind === 'footnote').map((b) => [b.path, b.text])).toEqual([
      ['fn:1', 'See E/2024/1.'],
    ]);
  });

  it('keeps a superscript that is no footnote call ("1<sup>er</sup>", "m<sup>2</sup>")', () => {
    const text = extractHtml('<p>Le 1<sup>er</sup> mars, 20 m<sup>2</sup>.</p>', 'a.html', 'fr').text;
    expect(text).toBe('Le 1er mars, 20 m2.\n');
  });

  it('lets the parity report count and compare HTML footnotes', () => {
    const fr = segmentDocument(
      parse(
        `<body>${FRENCH_HEADER}<p>1. Adopté à sa session<sup>1</sup>.</p><p>2. Le Comité a clos la session.</p>` +
          '<hr><p><sup>1</sup> Voir E/2024/1.</p></body>',
        'fr',
      ),
    );
    const en = segmentDocument(
      parse(
        '<body><p>United Nations<br>E/CN.7/2024/999<br>Distr.: General<br>12 March 2024<br>Original: English</p>' +
          '<p><b>Report of the Secretariat</b></p><p>1. Adopted at its session<sup>1</sup>.</p>' +
          '<p>2. The Committee closed the session.</p><hr><p><sup>1</sup> See E/2024/1.</p></body>',
        'en',
      ),
    );
    const report = buildParityReport(alignDocuments(fr, en));
    expect(report.counts.source.footnotes).toBe(1);
    expect(report.counts.target.footnotes).toBe(1);
    expect(report.footnotes.match).toBe(true);
    expect(report.splitsAndMerges).toEqual([]);
  });
});
