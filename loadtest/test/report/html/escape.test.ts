import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, scriptText } from '../../../src/report/html/escape.js';

describe('escape', () => {
  it('when text holds markup characters, then all five are escaped', () => {
    // Arrange
    const text = `<a href="x" title='y'>&</a>`;

    // Act
    const html = escapeHtml(text);

    // Assert
    expect(html).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('when JSON holds a closing script tag, then it cannot end the element and still parses back', () => {
    // Arrange
    const value = { url: '</script><!-- & \u2028' };

    // Act
    const json = jsonForScript(value);

    // Assert
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('when library code holds "</script" or "<!--", then both are defused', () => {
    // Arrange
    const code = 'var a = "</SCRIPT>"; var b = "<!--";';

    // Act
    const safe = scriptText(code);

    // Assert
    expect(safe).toBe('var a = "<\\/SCRIPT>"; var b = "<\\!--";');
  });
});
