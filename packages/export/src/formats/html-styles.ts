/**
 * The inline style sheet of the `html` export. Highlights follow the app (apps/web/src/styles/
 * highlights.css): each label adds its own tint and its own line to one shared background, so text
 * under several tags shows every tint blended and every line stacked, and the label stays readable
 * without colour (solid, double, dotted line). Print keeps the backgrounds and never cuts a
 * highlight or a note in two. System fonts only: the file makes no requests. The font stacks name a
 * font for Arabic-script text (Urdu) and one for emoji after the Latin ones, Noto fonts that the pdf
 * export's machine has (scripts/ensure-system-packages.sh), so Chromium never prints boxes for them
 * and does not search every installed font for each run of such text.
 */

/** The CSS of the `html` export. */
export const HTML_EXPORT_STYLES = `
:root {
  --ink: #1c2430;
  --ink-soft: #4a5566;
  --rule: #d5dbe3;
  --paper: #ffffff;
  --allegation: #c62828;
  --allegation-tint: rgba(229, 57, 53, 0.16);
  --denial: #1557b0;
  --denial-tint: rgba(30, 120, 229, 0.15);
  --rumour: #a15c00;
  --rumour-tint: rgba(255, 176, 0, 0.26);
  color-scheme: light;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
* { box-sizing: border-box; }
body {
  margin: 2rem auto;
  max-width: 46rem;
  padding: 0 1.25rem;
  color: var(--ink);
  background: var(--paper);
  font: 16px/1.6 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'Noto Color Emoji', sans-serif;
}
header.export-header { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; padding-bottom: 1rem; }
.kicker { margin: 0; color: var(--ink-soft); font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; }
header.export-header h1 { margin: 0.25rem 0 0.75rem; font-size: 1.7rem; line-height: 1.25; }
dl.export-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 1rem; font-size: 0.9rem; }
dl.export-meta dt { color: var(--ink-soft); }
dl.export-meta dd { margin: 0; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; }
.legend h2 { font-size: 0.95rem; margin: 0 0 0.25rem; }
.legend ul { list-style: none; margin: 0; padding: 0; font-size: 0.9rem; }
.legend li { margin: 0.2rem 0; }
article.article-text { font-family: Georgia, 'Times New Roman', 'Noto Serif', 'Noto Naskh Arabic', 'Noto Color Emoji', serif; font-size: 1.08rem; line-height: 1.75; }
article.article-text h1, article.article-text h2, article.article-text h3,
article.article-text h4, article.article-text h5, article.article-text h6 { font-family: inherit; line-height: 1.3; }
article.article-text blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
article.article-text pre { white-space: pre-wrap; background: #f4f6f8; padding: 0.75rem; border-radius: 4px; }
article.article-text a { color: inherit; }
/* A long export's blocks and notes are styled and laid out only once scrolled to. Printing lays out
   everything anyway; the pdf export would otherwise lay the whole article out for the screen first. */
article.article-text > *, section.notes { content-visibility: auto; contain-intrinsic-size: auto 8rem; }

.tag {
  --a-line: none; --d-line: none; --r-line: none;
  --a-tint: none; --d-tint: none; --r-tint: none;
  --a-y: 0px; --d-y: 0px; --r-y: 0px;
  --pad: 4px;
  color: inherit;
  background-color: transparent;
  padding-bottom: var(--pad);
  background-image: var(--a-line), var(--d-line), var(--r-line), var(--a-tint), var(--d-tint), var(--r-tint);
  background-repeat: no-repeat, no-repeat, repeat-x, no-repeat, no-repeat, no-repeat;
  background-size: 100% 2px, 100% 5px, 6px 3px, 100% calc(100% - var(--pad)), 100% calc(100% - var(--pad)), 100% calc(100% - var(--pad));
  background-position: 0 calc(100% - var(--a-y)), 0 calc(100% - var(--d-y)), 0 calc(100% - var(--r-y)), 0 0, 0 0, 0 0;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.tag--allegation { --a-line: linear-gradient(var(--allegation), var(--allegation)); --a-tint: linear-gradient(var(--allegation-tint), var(--allegation-tint)); --pad: 3px; }
.tag--denial { --d-line: linear-gradient(to bottom, var(--denial) 0 1.5px, transparent 1.5px 3.5px, var(--denial) 3.5px 5px); --d-tint: linear-gradient(var(--denial-tint), var(--denial-tint)); --pad: 6px; }
.tag--rumour { --r-line: radial-gradient(circle, var(--rumour) 1.2px, transparent 1.6px); --r-tint: linear-gradient(var(--rumour-tint), var(--rumour-tint)); --pad: 4px; }
.tag--allegation.tag--denial { --d-y: 3px; --pad: 9px; }
.tag--allegation.tag--rumour { --r-y: 3px; --pad: 7px; }
.tag--denial.tag--rumour { --r-y: 6px; --pad: 10px; }
.tag--allegation.tag--denial.tag--rumour { --d-y: 3px; --r-y: 9px; --pad: 13px; }
/* Several tags on one stretch (also of one label) get a hairline over the text. */
mark.tag--overlap { box-shadow: inset 0 1px 0 rgba(28, 36, 48, 0.35); }
/* Note numbers are generated content, so the article's text stays exactly the txt export. */
mark.tag[data-notes]::after {
  content: attr(data-notes);
  font: 600 0.68em/1 system-ui, sans-serif;
  vertical-align: super;
  color: var(--ink-soft);
  margin-left: 1px;
}
.legend .tag { padding-left: 3px; padding-right: 3px; border-radius: 2px; }

.label-name { font-weight: 600; }
.label-name--allegation { color: var(--allegation); }
.label-name--denial { color: var(--denial); }
.label-name--rumour { color: var(--rumour); }
ol.notes-list, ul.unanchored-list { padding-left: 2rem; font-size: 0.92rem; }
ol.notes-list > li, ul.unanchored-list > li { margin: 0 0 0.75rem; }
.note-head { margin: 0; }
.note-status { font-style: italic; color: var(--ink-soft); }
blockquote.note-quote { margin: 0.25rem 0 0; padding-left: 0.75rem; border-left: 3px solid var(--rule); white-space: pre-line; }
.back-link { font-size: 0.8rem; color: var(--ink-soft); }
.note-review { margin: 0.35rem 0 0; }
.note-review p { margin: 0.15rem 0; }
.note-decided { font-weight: 600; }
.note-review h3 { font-size: 0.85rem; margin: 0.4rem 0 0.1rem; color: var(--ink-soft); }
ul.note-evidence, ol.note-thread { margin: 0.15rem 0; padding-left: 1.25rem; }
.stance { font-weight: 600; }
.evidence-url { overflow-wrap: anywhere; }
.evidence-by, .comment-head { color: var(--ink-soft); }
.comment-head { margin: 0; font-size: 0.85rem; }
.comment-text { margin: 0 0 0.3rem; white-space: pre-line; }
li.comment--reply { margin-left: 1rem; }
.empty { color: var(--ink-soft); font-style: italic; }

@media (forced-colors: active) {
  mark.tag { text-decoration: underline; }
  mark.tag--denial { text-decoration-style: double; }
  mark.tag--rumour { text-decoration-style: dotted; }
}

@page { margin: 18mm 16mm 20mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  article.article-text { font-size: 11.5pt; }
  a { color: inherit; text-decoration: none; }
  .back-link { display: none; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  p, blockquote, li { orphans: 3; widows: 3; }
  .legend, ol.notes-list > li, ul.unanchored-list > li, dl.export-meta { break-inside: avoid; }
  /* Gradient layers print as one image per line box and make PDFs of long articles huge and
     slow, so print draws each label's cue with its own vector property, which still stack. */
  .tag {
    background-image: none;
    padding-bottom: 0;
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
  .tag--allegation { background-color: var(--allegation-tint); border-bottom: 2px solid var(--allegation); }
  .tag--denial { background-color: var(--denial-tint); text-decoration: underline double var(--denial); text-underline-offset: 3px; }
  .tag--rumour { background-color: var(--rumour-tint); border-top: 2px dotted var(--rumour); }
  .tag--overlap { background-color: rgba(28, 36, 48, 0.12); box-shadow: none; }
  .legend .tag--rumour::after { content: ' (dotted line above)'; font-size: 0.8em; }
}
`;
