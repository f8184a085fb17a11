const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * Cuts user text to at most `max` characters as a reader counts them (grapheme clusters), the last one
 * being "…" when anything was cut. Slicing UTF-16 code units could split an emoji into a lone surrogate,
 * which PostgreSQL refuses inside JSON, or break a flag, a family emoji or an accented letter.
 */
export function truncateText(text: string, max: number): string {
  if (max < 1) return "";
  // Short by code units is short by graphemes too: skip the segmenter for the common case.
  if (text.length <= max) return text;
  const kept: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    kept.push(segment);
    if (kept.length > max)
      return `${kept
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
  }
  return text;
}
