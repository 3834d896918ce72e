/**
 * XML 1.0 text helpers: the one place where export formats escape markup and replace characters XML cannot carry.
 */

/** What replaces a character XML 1.0 forbids when nothing more specific fits. */
export const XML_REPLACEMENT_CHARACTER = '\uFFFD';

// XML 1.0 (Fifth Edition) §2.2 Characters, production [2]:
//   Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// Anything else (C0 controls but tab/LF/CR, U+FFFE, U+FFFF, unpaired surrogates) may not appear in a
// document at all, not even as a character reference (§4.1 WFC: Legal Character). With the `u` flag an
// unpaired surrogate is its own code point, so it falls outside the class and is matched.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// U+000B (vertical tab) is Word's manual line break (Shift+Enter) and U+000C (form feed) its page break:
// both separate words, so they become a space. U+FFFD there would glue "Nations\vUnies" into one token
// "Nations�Unies" for every tokenizer and TM matcher downstream.
const WORD_SEPARATORS = /[\v\f]/g;

/**
 * Replaces every character XML 1.0 §2.2 forbids: U+000B and U+000C by a space, the rest by U+FFFD; never drops one.
 */
export function replaceXmlForbiddenChars(text: string): string {
  // Replacing, not deleting, keeps the text's length and word boundaries, and U+FFFD shows a reader
  // (and a QA check) that something was there.
  return text.replace(WORD_SEPARATORS, ' ').replace(FORBIDDEN, XML_REPLACEMENT_CHARACTER);
}

/** Counts the characters {@link replaceXmlForbiddenChars} would replace. */
export function countXmlForbiddenChars(text: string): number {
  // FORBIDDEN covers U+000B and U+000C too.
  return text.match(FORBIDDEN)?.length ?? 0;
}

/** Escapes text for element content, after replacing characters XML 1.0 forbids. */
export function escapeXmlText(text: string): string {
  return replaceXmlForbiddenChars(text).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Escapes text for a double-quoted attribute value, after replacing characters XML 1.0 forbids. */
export function escapeXmlAttribute(text: string): string {
  return replaceXmlForbiddenChars(text).replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  // §2.4: ">" must be escaped when it ends "]]>"; escaping it always is simpler and equally valid.
  '>': '&gt;',
  // §2.11: a parser turns a literal CR (and CR LF) into LF; only a character reference keeps it.
  '\r': '&#13;',
};

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  // §3.3.3 attribute-value normalisation turns literal tab and LF into spaces; references survive it.
  '\t': '&#9;',
  '\n': '&#10;',
};
