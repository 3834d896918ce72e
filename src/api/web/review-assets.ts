/**
 * The review pages' static assets: their only stylesheet, served from one URL so the Content-Security-Policy needs no
 * inline style, and an icon, so browsers asking for one get it instead of a 404.
 */

/** Where the stylesheet is served. */
export const REVIEW_STYLESHEET_PATH = '/review/assets/review.css';

/** The stylesheet; the row classes are `RowClass` of row-class.ts, the editor's ids those of render-editor-page.ts. */
export const REVIEW_STYLESHEET = `
:root { color-scheme: light; --line: #d0d4da; --muted: #5b6470; --bad: #b42318; --ok: #067647; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, sans-serif; color: #1d2127; background: #fff; }
main { padding: 0 1.5rem 3rem; max-width: 110rem; }
h1 { font-size: 1.5rem; margin: 1rem 0 .75rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .35rem; }
a { color: #1849a9; }
.top {
  display: flex; justify-content: space-between; padding: .5rem 1.5rem;
  border-bottom: 1px solid var(--line); background: #f6f7f9;
}
.languages { display: flex; gap: .75rem; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: start; vertical-align: top; }
th { background: #f0f2f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted, .empty-side { color: var(--muted); font-style: italic; }
.parity-ok { color: var(--ok); font-weight: 600; }
.parity-bad { color: var(--bad); font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.exports a { margin-right: 1rem; }
.pager { display: flex; gap: 1rem; align-items: center; margin: .5rem 0; }
.filters { margin: .5rem 0 1rem; display: flex; gap: 1rem; flex-wrap: wrap; }
progress { width: 20rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; width: 45%; }
table.alignment td.conf { width: 4.5rem; }
table.units td.text { white-space: normal; width: auto; }
table.units td.text p { margin: 0 0 .3rem; }
ul.gaps li[data-missing] a { color: var(--bad); }
tr.group th { background: #e8ecf2; }
tr.group .shape { font-weight: normal; color: var(--muted); margin-left: .75rem; }
tr.missing td, tr.extra td { background: #fef3f2; }
tr.split td, tr.merge td, tr.many td { background: #fffaeb; }
tr.low-confidence td.conf { color: var(--bad); font-weight: 600; }
tr.number-mismatch td.text { box-shadow: inset 3px 0 0 #f79009; }
tr.untranslated td, tr.length-outlier td.conf { background: #f4f3ff; }
tr.group.split th, tr.group.merge th, tr.group.many th { background: #fedf89; }
tr.group.missing th, tr.group.extra th { background: #fecdca; }
tr.group.number-mismatch th { box-shadow: inset 4px 0 0 #f79009; }
tr.numbering-shift td.text { box-shadow: inset -3px 0 0 #7a5af8; }
tr.group.numbering-shift th { box-shadow: inset -4px 0 0 #7a5af8; }
.legend span { display: inline-block; padding: 0 .4rem; margin-right: .5rem; border: 1px solid var(--line); }
.legend .missing, .legend .extra { background: #fef3f2; }
.legend .split, .legend .merge { background: #fffaeb; }
.legend .number-mismatch { box-shadow: inset 3px 0 0 #f79009; }
.legend .low-confidence { color: var(--bad); }
.legend .numbering-shift { box-shadow: inset -3px 0 0 #7a5af8; }
ul.problems { margin: .25rem 0 .75rem; padding-left: 1.25rem; }
.tokens code { background: #f0f2f5; padding: 0 .25rem; margin-right: .25rem; }
.top nav.site { display: flex; gap: 1rem; }
:focus-visible { outline: 3px solid #1849a9; outline-offset: 2px; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
button {
  font: inherit; padding: .25rem .6rem; border: 1px solid #6b7585; border-radius: 4px;
  background: #fff; color: #1d2127; cursor: pointer;
}
button:hover { background: #eef1f5; }
button.primary { background: #1849a9; border-color: #1849a9; color: #fff; }
button:disabled { opacity: .6; cursor: not-allowed; }
kbd {
  font: .8em ui-monospace, monospace; border: 1px solid #8a94a3; border-radius: 3px;
  padding: 0 .25rem; background: #f6f7f9; color: #1d2127;
}
.open-editor a { font-weight: 600; }
.toolbar {
  display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; position: sticky; top: 0; z-index: 1;
  background: #fff; padding: .5rem 0; border-bottom: 1px solid var(--line);
}
.toolbar [role="group"] { display: flex; flex-wrap: wrap; gap: .35rem; }
.editor-status { min-height: 1.45em; margin: .25rem 0; }
.error-message:empty { display: none; }
.error-message { color: var(--bad); }
.conflict { border: 2px solid var(--bad); background: #fef3f2; padding: .25rem 1rem .75rem; margin: .5rem 0; }
.conflict[hidden] { display: none; }
.conflict-message { font-weight: 600; color: var(--bad); }
table.editor-table tr.bead { cursor: pointer; scroll-margin-top: 12rem; }
table.editor-table tr.bead th.num { background: #f6f7f9; font-weight: normal; width: 4.5rem; }
table.editor-table tr[aria-current="true"] { outline: 3px solid #1849a9; outline-offset: -3px; }
table.editor-table tr[aria-current="true"] th.num { background: #1849a9; color: #fff; }
table.editor-table tr[aria-current="true"] th.num .muted { color: #fff; }
table.editor-table[aria-busy="true"] { opacity: .7; }
.sentence + .sentence { border-left: 2px solid #98a2b3; padding-left: .3rem; }
td.edited-side { box-shadow: inset 0 -3px 0 #12b76a; }
td.review { white-space: nowrap; }
.review-status { padding: 0 .35rem; border-radius: 3px; border: 1px solid var(--line); }
.review-status-approved { background: #dcfae6; color: #054f31; border-color: #75e0a7; }
.review-status-rejected { background: #fee4e2; color: #7a271a; border-color: #fda29b; }
.edited-mark { font-size: .85em; color: var(--muted); font-style: italic; }
dialog.editor-dialog {
  width: min(60rem, 92vw); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem;
}
dialog::backdrop { background: rgba(16, 24, 40, .45); }
.split-sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.split-point { display: block; margin: .3rem 0; }
textarea { width: 100%; font: inherit; padding: .3rem; }
.dialog-buttons { display: flex; gap: .5rem; }
.shortcuts dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(24rem, 1fr)); gap: .25rem 1.5rem; }
.shortcuts dl div { display: flex; gap: .75rem; }
.shortcuts dt { min-width: 8rem; }
.shortcuts dd { margin: 0; }
form.upload { max-width: 48rem; }
form.upload p > label, form.upload legend { display: block; font-weight: 600; }
form.upload fieldset { border: 1px solid var(--line); margin: 1rem 0; }
form.upload fieldset label { margin-right: 1.5rem; }
form.upload input[type="text"], form.upload select { font: inherit; padding: .3rem; width: 100%; max-width: 30rem; }
form.upload .muted { display: block; }
`;

/** Where the icon is served. */
export const REVIEW_ICON_PATH = '/review/assets/icon.svg';

/** The icon: a blue square with two white bars, the two columns of a review page. */
export const REVIEW_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1849a9"/>' +
  '<rect x="3" y="4" width="4" height="8" fill="#fff"/><rect x="9" y="4" width="4" height="8" fill="#fff"/></svg>';
