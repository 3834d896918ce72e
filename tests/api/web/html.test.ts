import { describe, expect, it } from 'vitest';
import { escapeHtml, html, SafeHtml, type HtmlValue } from '../../../src/api/web/html.js';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['"quoted" \'single\'', '&quot;quoted&quot; &#39;single&#39;'],
    ['&amp; stays visible as typed', '&amp;amp; stays visible as typed'],
    ['Conférence des Parties — 3 juin', 'Conférence des Parties — 3 juin'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('html', () => {
  it('escapes interpolated text in content and attributes', () => {
    const hostile = '"><img src=x onerror=alert(1)>';
    const out = html`<a title="${hostile}">${hostile}</a>`.value;
    expect(out).not.toContain('<img');
    expect(out).toBe(
      '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>',
    );
  });

  it('does not escape nested html twice, and joins lists', () => {
    const items = ['a<b', 'c&d'].map((text) => html`<li>${text}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}</ul>`;
    expect(list.value).toBe('<ul><li>a&lt;b</li><li>c&amp;d</li></ul>');
  });

  it.each([
    [null, ''],
    [undefined, ''],
    [false, ''],
    [0, '0'],
    [1.5, '1.5'],
  ] satisfies Array<[HtmlValue, string]>)('renders %j as %j', (value, expected) => {
    expect(html`${value}`.value).toBe(expected);
  });

  it('returns SafeHtml that prints as its markup', () => {
    const out = html`<b>${'x'}</b>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(String(out)).toBe('<b>x</b>');
  });
});
