/**
 * The first line of a text, cut at a word boundary near `max` characters with an ellipsis: what the
 * app and the command line show in place of a missing title, so an untitled report is still
 * recognisable.
 */
export function leadLine(text: string, max = 110): string {
  const line = (text.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`;
}
