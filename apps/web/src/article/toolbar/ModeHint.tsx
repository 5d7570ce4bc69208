/** One line telling the reviewer what the current mode lets them do. */
export function ModeHint({ review }: { readonly review: boolean }) {
  return (
    <p className={`mode-hint mode-hint--${review ? 'review' : 'edit'}`} data-testid="mode-hint">
      {review ? (
        <>
          Select text, then press <kbd>1</kbd>, <kbd>2</kbd> or <kbd>3</kbd> (or a button) to tag it. Click a
          highlight for details.
        </>
      ) : (
        <>
          You are editing the article text; colleagues see your changes live. Switch “Edit text” off to tag
          again.
        </>
      )}
    </p>
  );
}
