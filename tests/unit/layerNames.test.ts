import { describe, expect, it } from 'vitest';
import { createTextLayer, describeLayer, firstWords, shortLayerName } from '../../lib/story';

describe('layer names in the layer menu', () => {
  it('keeps short texts whole', () => {
    const layer = createTextLayer({ text: 'Kept on this device' });
    expect(shortLayerName(layer)).toBe('Text “Kept on this device”');
    expect(describeLayer(layer)).toBe('Text “Kept on this device”');
  });

  it('names a long text from its first words, cut at a word with an ellipsis', () => {
    const layer = createTextLayer({
      text: 'Summer sale, everything half price\nthis weekend only',
    });
    expect(shortLayerName(layer)).toBe('Text “Summer sale…”');
    // The whole name stays for the accessible name and tooltip.
    expect(describeLayer(layer)).toBe(
      'Text “Summer sale, everything half price this weekend only”',
    );
  });

  it('cuts inside one long word rather than showing nothing', () => {
    expect(firstWords('Supercalifragilisticexpialidocious', 10)).toBe('Supercalif…');
    expect(firstWords('  spaced\n\nout  ', 20)).toBe('spaced out');
  });

  it('caps the whole name of a very long text', () => {
    const layer = createTextLayer({ text: 'word '.repeat(60) });
    expect(describeLayer(layer).length).toBeLessThan(130);
    expect(describeLayer(layer)).toMatch(/…”$/);
  });
});
