const contentEditable = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable')!;

/**
 * Keeps React from measuring the editor's selection on every commit. Before each commit React
 * DOM saves the selection of the focused element when its `contentEditable` property reads
 * "true", as character offsets found by walking every node inside it (react-dom 19,
 * `commitBeforeMutationEffects`), and puts it back only if the commit moved focus. In the
 * 20,000-word article that walk took ~30 ms per commit, so a tag list update landing while a
 * reviewer typed held the next keystroke back by as much. React never renders inside the
 * editor and ProseMirror keeps its own selection, so the walk buys nothing here: the editor's
 * root reads as "inherit" to scripts while editable (the attribute, which the browser and
 * ProseMirror go by, is unchanged).
 */
export function hideEditableFromReact(editorRoot: HTMLElement): void {
  Object.defineProperty(editorRoot, 'contentEditable', {
    configurable: true,
    get(this: HTMLElement) {
      const value = contentEditable.get!.call(this) as string;
      return value === 'true' ? 'inherit' : value;
    },
    set(this: HTMLElement, value: string) {
      contentEditable.set!.call(this, value);
    },
  });
}
