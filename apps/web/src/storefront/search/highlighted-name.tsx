export interface TextSpan {
  start: number;
  end: number;
}

/** A product name with the parts the search matched in <mark> (the text, and so the accessible name, unchanged). */
export function HighlightedName({ name, spans = [] }: { name: string; spans?: readonly TextSpan[] }) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, Math.min(span.start, name.length));
    const end = Math.min(Math.max(span.end, start), name.length);
    if (start > at) parts.push({ text: name.slice(at, start), marked: false });
    if (end > start) parts.push({ text: name.slice(start, end), marked: true });
    at = Math.max(at, end);
  }
  if (at < name.length) parts.push({ text: name.slice(at), marked: false });
  return (
    <>
      {parts.map((part, index) =>
        part.marked ? (
          <mark key={index} className="rounded-sm bg-orange-100 font-semibold text-inherit">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
