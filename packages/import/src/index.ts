/** @factcheck/import: articles in from text, Markdown, HTML and DOCX files. */
export {};
