import { describe, expect, it } from 'vitest';
import {
  countXmlForbiddenChars,
  escapeXmlAttribute,
  escapeXmlText,
  replaceXmlForbiddenChars,
} from '../../../src/core/export/xml-text.js';
import { readXml, textOf } from './read-xml.js';

// Written from XML 1.0 §2.2 production [2] independently of the implementation's regular expression.
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

describe('replaceXmlForbiddenChars', () => {
  it.each([
    ['vertical tab becomes a space', 'Nations\u000BUnies', 'Nations Unies'],
    ['form feed becomes a space', 'fin\u000Cdébut', 'fin début'],
    ['U+0001 becomes U+FFFD', 'en\u0001ligne', 'en\uFFFDligne'],
    ['NUL becomes U+FFFD', 'a\u0000b', 'a\uFFFDb'],
    ['U+001F becomes U+FFFD', 'a\u001Fb', 'a\uFFFDb'],
    ['U+FFFE becomes U+FFFD', 'a\uFFFEb', 'a\uFFFDb'],
    ['U+FFFF becomes U+FFFD', 'a\uFFFFb', 'a\uFFFDb'],
    ['a lone high surrogate becomes U+FFFD', 'a\uD83Db', 'a\uFFFDb'],
    ['a lone low surrogate becomes U+FFFD', 'a\uDE42b', 'a\uFFFDb'],
    ['a high surrogate at the end becomes U+FFFD', 'a\uD83D', 'a\uFFFD'],
    ['an emoji (a surrogate pair) stays', 'a🙂b', 'a🙂b'],
    ['tab, LF and CR stay', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['NBSP and guillemets stay', '«\u00A0oui\u00A0»', '«\u00A0oui\u00A0»'],
    ['DEL and C1 controls stay (allowed, only discouraged)', 'a\u007F\u0085b', 'a\u007F\u0085b'],
  ])('%s', (_rule, input, expected) => {
    expect(replaceXmlForbiddenChars(input)).toBe(expected);
    expect(replaceXmlForbiddenChars(input)).toHaveLength(input.length);
  });

  it('replaces, never drops, every forbidden BMP code unit, and a strict parser accepts the result', () => {
    // Each code unit is followed by "x" so that U+DBFF U+DC00 do not pair up into one valid character.
    const all = Array.from({ length: 0x10000 }, (_, code) => `${String.fromCharCode(code)}x`).join('');
    const replaced = replaceXmlForbiddenChars(all);
    expect(replaced).toHaveLength(all.length);
    for (let code = 0; code < 0x10000; code += 1) {
      const out = replaced.charCodeAt(2 * code);
      if (isXmlChar(code)) expect(out).toBe(code);
      else expect(out === 0xfffd || (out === 0x20 && (code === 0xb || code === 0xc))).toBe(true);
    }
    const parsed = textOf(readXml(`<a>${escapeXmlText(all)}</a>`).root);
    expect(parsed).toBe(replaced);
  });

  it('counts what it replaces', () => {
    expect(countXmlForbiddenChars('a\u000Bb\u0001c\uD800\uFFFF🙂\t')).toBe(4);
    expect(countXmlForbiddenChars('Nations Unies')).toBe(0);
  });
});

describe('the strict reader used by these tests', () => {
  it('rejects a forbidden character written raw, so the round trips above can fail', () => {
    expect(() => readXml('<a>en\u0001ligne</a>')).toThrow();
  });
});

describe('escapeXmlText', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    [']]>', ']]&gt;'],
    ['"', '"'],
    ["'", "'"],
    ['a\r\nb', 'a&#13;\nb'],
    ['\u000B', ' '],
    ['AT&T <b>', 'AT&amp;T &lt;b&gt;'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeXmlText(input)).toBe(expected);
  });

  it.each(['AT&T <b> & ]]> "x"', 'ligne 1\r\nligne 2\rligne 3', '«\u00A0traite & trafic\u00A0»'])(
    'reads back %j unchanged',
    (input) => {
      expect(textOf(readXml(`<a>${escapeXmlText(input)}</a>`).root)).toBe(input);
    },
  );
});

describe('escapeXmlAttribute', () => {
  it.each([
    ['"', '&quot;'],
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['\t', '&#9;'],
    ['\n', '&#10;'],
    ['\r', '&#13;'],
    ['\u0001', '\uFFFD'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeXmlAttribute(input)).toBe(expected);
  });

  it('reads back tabs, line breaks and quotes unchanged despite attribute-value normalisation', () => {
    const value = 'a\tb\nc\r\nd "e" & <f>';
    expect(readXml(`<a v="${escapeXmlAttribute(value)}"/>`).root.attributes.v).toBe(value);
  });
});
