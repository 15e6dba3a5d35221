// One source for the canvas fill patterns, shared by the report's inlined script and the live
// dashboard's page (served as a module), so both draw stripes and crosshatch the same way.
// Plain ES2017 without template literals: it is embedded in other String.raw scripts.
export const CANVAS_PATTERN_SOURCE = String.raw`function pattern(color, kind) {
    var size = 14;
    var tile = document.createElement('canvas');
    tile.width = size;
    tile.height = size;
    var g = tile.getContext('2d');
    g.fillStyle = color;
    g.fillRect(0, 0, size, size);
    g.strokeStyle = kind === 'stripes' ? 'rgba(255, 255, 255, 0.6)' : 'rgba(0, 0, 0, 0.45)';
    g.lineWidth = 2.5;
    g.beginPath();
    for (var o = -size; o <= size; o += size / 2) {
      g.moveTo(o, size);
      g.lineTo(o + size, 0);
      if (kind === 'crosshatch') { g.moveTo(o, 0); g.lineTo(o + size, size); }
    }
    g.stroke();
    return g.createPattern(tile, 'repeat');
  }`;
