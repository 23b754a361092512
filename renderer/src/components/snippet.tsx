/** Text with search matches marked. Built from parts as text nodes: document text is never HTML. */
import type { SnippetPart } from '../../../shared/contract.ts';

export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
