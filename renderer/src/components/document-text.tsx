/**
 * The document as a person reads it, and the ground truth for annotations: each paragraph is one
 * text node holding exactly `text.slice(start, end)` (no trimming, no entity decoding, no
 * typographic fixes), with its offset in `data-start`; paragraphs come in chunks of `CHUNK`
 * (`div.doc-chunk`), which change no offset. `white-space: pre-wrap` keeps single line
 * breaks and double spaces visible; `dir="auto"` lets each paragraph take its own direction.
 * The article is also the scrolling pane, focusable so the keyboard can scroll it. `children` are
 * drawn over the text (the annotation toolbar, the caret), after every paragraph, so they never
 * shift an offset.
 */
import { useMemo, type ReactNode, type Ref } from 'react';
import { t } from '../i18n/t.ts';
import { toParagraphs } from '../lib/paragraphs.ts';

/**
 * Paragraphs per chunk: the annotation screen skips the layout and paint of chunks out of view
 * (`content-visibility: auto`, annotate-text.css), and Chromium observes each such element in
 * every frame that renders: 2.3-3.8 ms a frame for a 1 MB report's ~900 paragraphs, 0.1-0.4 ms for
 * its ~60 chunks of 16, with no more paint or pre-paint per change (measured in session 5).
 */
export const CHUNK = 16;

interface Props {
  text: string;
  language: string;
  direction: 'ltr' | 'rtl';
  ref?: Ref<HTMLElement>;
  children?: ReactNode;
}

export function DocumentText({ text, language, direction, ref, children }: Props) {
  // The same elements every render: React skips them, so redrawing the overlays never walks the text.
  const paragraphs = useMemo(() => {
    const all = toParagraphs(text).map((p) => (
      <p key={p.start} dir="auto" data-start={p.start}>
        {p.text}
      </p>
    ));
    const chunks = [];
    for (let i = 0; i < all.length; i += CHUNK) {
      chunks.push(
        <div key={i} className="doc-chunk">
          {all.slice(i, i + CHUNK)}
        </div>,
      );
    }
    return chunks;
  }, [text]);
  return (
    <article ref={ref} className="doc-text" aria-label={t('doc.text')} lang={language} dir={direction} tabIndex={0}>
      {paragraphs}
      {children}
    </article>
  );
}
