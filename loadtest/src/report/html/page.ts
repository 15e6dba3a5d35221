import { createHash } from 'node:crypto';
import { scriptText } from './escape.js';

export interface PageParts {
  title: string;
  styles: string;
  body: string;
  /** Already made safe for a <script type="application/json"> (see jsonForScript). */
  dataJson: string;
  /** Classic scripts, run in order after the data. */
  scripts: string[];
}

const sha256 = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The document around the content. Its Content-Security-Policy allows exactly the inlined
 * scripts and style and nothing from anywhere: the file cannot reach the network even if a
 * report string slipped past the escaping, and anything injected would not run.
 */
export function page({ title, styles, body, dataJson, scripts }: PageParts): string {
  const code = scripts.map(scriptText);
  const csp = [
    "default-src 'none'",
    `script-src ${code.map(sha256).join(' ')}`,
    `style-src ${sha256(styles)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${styles}</style>
</head>
<body>
<main>
${body}
</main>
<script type="application/json" id="report-data">${dataJson}</script>
${code.map((c) => `<script>${c}</script>`).join('\n')}
</body>
</html>
`;
}
