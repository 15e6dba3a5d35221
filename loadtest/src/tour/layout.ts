// How the tour lays its text out in a terminal: headers, and paragraphs wrapped at a width.

/** "━━ Step 3 of 10 · Trigger opening ━━━━━…", as wide as the text around it. */
export function header(title: string, width: number): string {
  return `━━ ${title} ${'━'.repeat(Math.max(3, width - title.length - 4))}`;
}

/**
 * Wraps each line of `text` at `width`. A wrapped line goes on under its first word: after its
 * own indentation, and after a short label such as "Answer: ".
 */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const leading = /^\s*/.exec(paragraph)?.[0] ?? '';
      const label = /^\s*([A-Z][\w ]{0,10}: )/.exec(paragraph)?.[1] ?? '';
      const indent = ' '.repeat(leading.length + label.length);
      const lines: string[] = [];
      let line = leading;
      for (const word of paragraph.slice(leading.length).split(' ')) {
        if (line.trim() && line.length + 1 + word.length > width) {
          lines.push(line);
          line = `${indent}${word}`;
        } else line = line.trim() ? `${line} ${word}` : `${line}${word}`;
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}
