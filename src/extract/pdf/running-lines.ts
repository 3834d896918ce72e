/** Recognises page headers and footers: document symbols, page numbers and job numbers in the page margins. */

// Tokens of UN running heads and feet: job numbers ("V.18-04626", "18-04626", "(F)"), page numbers ("2", "2/14",
// "Page"), document symbols ("CTOC/COP/2018/1").
const RUNNING_TOKEN = [
  /^(?:[A-Z]\.)?\d{2}-\d{5}$/,
  /^\([A-Z]\)$/,
  /^\d{1,4}(?:\/\d{1,4})?$/,
  /^(?:page|p\.|of|sur|de)$/i,
  /^[A-Z][A-Z0-9]*(?:\/[A-Za-z0-9.\-()]+)+$/,
];

/** Whether every token of `text` is a page number, job number or document symbol. */
export function looksLikeRunningText(text: string): boolean {
  const tokens = text
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
  return tokens.length > 0 && tokens.every((token) => RUNNING_TOKEN.some((pattern) => pattern.test(token)));
}

/** A line's text with its digits masked, to find the same header on several pages ("Page 2" = "Page 3"). */
export function runningKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}
