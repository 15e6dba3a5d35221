import { createHash } from 'node:crypto';

// The HTML report's document around its content, and the escaping every report string goes
// through on its way into it.

/** One page's script and style, as pages/assets.ts bundles them (the report's, the dashboard's). */
export interface PageAssets {
  script: string;
  style: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value -> HTML. Every string from the report goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * JSON that is safe inside <script type="application/json">: no "</script>" or "<!--" can end
 * or confuse the element, whatever the report's strings hold. Still valid JSON, and it parses
 * back to the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Code inlined in a <script>: the same defence for a rare "</script" in a library's string. */
export function scriptText(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const sha256 = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface PageParts {
  /** Already escaped. */
  title: string;
  style: string;
  body: string;
  /** JSON islands by element id, each already made safe by jsonForScript. */
  data: Record<string, string>;
  script: string;
}

/**
 * The document. Its Content-Security-Policy allows exactly the inlined script and style, by
 * hash, and nothing from anywhere: the file cannot reach the network even if a report string
 * slipped past the escaping, and nothing injected would run.
 */
export function pageShell({ title, style, body, data, script }: PageParts): string {
  const code = scriptText(script);
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(code)}`,
    `style-src ${sha256(style)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const islands = Object.entries(data)
    .map(([id, json]) => `<script type="application/json" id="${escapeHtml(id)}">${json}</script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${style}</style>
</head>
<body>
${body}
${islands}
<script>${code}</script>
</body>
</html>
`;
}
