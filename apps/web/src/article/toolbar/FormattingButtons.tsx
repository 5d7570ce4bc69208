import type { Command, EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import {
  articleSchema,
  isSafeHref,
  liftBlock,
  makeHeading,
  makeParagraph,
  setLink,
  toggleEmphasis,
  toggleStrong,
  wrapInBlockquote,
  wrapInBulletList,
  wrapInOrderedList,
} from '@factcheck/editor';
import { activeBlockKind, isMarkActive } from './formatting-state.js';

/** Props of the formatting buttons. */
export interface FormattingButtonsProps {
  readonly view: EditorView | null;
  readonly state: EditorState;
  /** Tells the reviewer something went wrong (an unsafe link). */
  readonly onMessage: (message: string) => void;
}

interface FormattingButton {
  readonly key: string;
  readonly text: string;
  readonly label: string;
  readonly command: Command;
  readonly pressed?: boolean;
  readonly className?: string;
}

const HEADINGS = [1, 2, 3] as const;

/** Asks for a URL and links the selection to it; an empty answer removes the link. */
function promptForLink(view: EditorView, onMessage: (message: string) => void): void {
  const answer = window.prompt(
    'Link address (https://… or mailto:…). Leave empty to remove the link.',
    'https://',
  );
  if (answer === null) return;
  const href = answer.trim();
  if (href === '' || href === 'https://') {
    setLink(null)(view.state, view.dispatch, view);
  } else if (!isSafeHref(href)) {
    onMessage('That link was not added: only http(s) and mailto addresses are allowed.');
  } else {
    setLink(href)(view.state, view.dispatch, view);
  }
}

/** The edit-mode toolbar: block types, emphasis, link, quote, lists and lift. */
export function FormattingButtons({ view, state, onMessage }: FormattingButtonsProps) {
  const block = activeBlockKind(state);
  const { marks } = articleSchema;
  const buttons: FormattingButton[] = [
    {
      key: 'paragraph',
      text: '¶',
      label: 'Paragraph',
      command: makeParagraph,
      pressed: block === 'paragraph',
    },
    ...HEADINGS.map((level) => ({
      key: `h${level}`,
      text: `H${level}`,
      label: `Heading ${level}`,
      command: makeHeading(level),
      pressed: block === `heading-${level}`,
    })),
    {
      key: 'bold',
      text: 'B',
      label: 'Bold (Ctrl+B)',
      command: toggleStrong,
      pressed: isMarkActive(state, marks.strong),
      className: 'format-button--bold',
    },
    {
      key: 'italic',
      text: 'I',
      label: 'Italic (Ctrl+I)',
      command: toggleEmphasis,
      pressed: isMarkActive(state, marks.em),
      className: 'format-button--italic',
    },
  ];
  const structure: FormattingButton[] = [
    { key: 'quote', text: 'Quote', label: 'Block quote', command: wrapInBlockquote },
    { key: 'bullets', text: '• List', label: 'Bulleted list', command: wrapInBulletList },
    { key: 'numbers', text: '1. List', label: 'Numbered list', command: wrapInOrderedList },
    { key: 'lift', text: 'Lift', label: 'Lift out of list or quote', command: liftBlock },
  ];

  const render = ({ key, text, label, command, pressed, className }: FormattingButton) => (
    <button
      key={key}
      type="button"
      className={`format-button ${className ?? ''}`}
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={!view || !command(state)}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        if (!view) return;
        command(view.state, view.dispatch, view);
        view.focus();
      }}
      data-testid={`format-${key}`}
    >
      <span aria-hidden="true">{text}</span>
    </button>
  );

  return (
    <div className="toolbar__row toolbar__row--formatting" role="group" aria-label="Formatting">
      <div className="toolbar__group">{buttons.map(render)}</div>
      <div className="toolbar__group">
        <button
          type="button"
          className="format-button"
          aria-label="Link"
          title="Link the selection"
          aria-pressed={isMarkActive(state, marks.link)}
          disabled={!view || state.selection.empty}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (!view) return;
            promptForLink(view, onMessage);
            view.focus();
          }}
          data-testid="format-link"
        >
          <span aria-hidden="true">Link</span>
        </button>
        {structure.map(render)}
      </div>
    </div>
  );
}
