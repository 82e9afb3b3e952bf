import { describe, expect, it } from 'vitest';
import { batchLabel, shareBatches, whatsappLink } from '../../lib/share/share';

const file = (name: string, mb: number) =>
  new File([new Uint8Array(mb * 1024 * 1024)], name, { type: 'video/mp4' });

describe('shareBatches', () => {
  it('keeps a few small files in one share', () => {
    const files = [file('a.mp4', 5), file('b.mp4', 5)];
    expect(shareBatches(files)).toEqual([files]);
  });

  it('splits above 10 files', () => {
    const files = Array.from({ length: 12 }, (_, i) => file(`${i}.mp4`, 0));
    expect(shareBatches(files).map((b) => b.length)).toEqual([10, 2]);
  });

  it('splits above 50 MB, keeping the order', () => {
    const files = [file('1.mp4', 15), file('2.mp4', 15), file('3.mp4', 15), file('4.mp4', 15)];
    const batches = shareBatches(files);
    expect(batches.map((b) => b.map((f) => f.name))).toEqual([
      ['1.mp4', '2.mp4', '3.mp4'],
      ['4.mp4'],
    ]);
  });

  it('labels several shares by their files', () => {
    const batches = shareBatches([file('1.mp4', 30), file('2.mp4', 30), file('3.mp4', 10)]);
    expect(batches.map((_, i) => batchLabel(batches, i))).toEqual([
      'Share 1 of 3',
      'Share 2–3 of 3',
    ]);
    expect(batchLabel([[file('x.png', 0)]], 0)).toBe('Share');
  });
});

describe('whatsappLink', () => {
  it('carries the caption as text, encoded', () => {
    expect(whatsappLink('Sale: 30% off & more!')).toBe(
      'https://wa.me/?text=Sale%3A%2030%25%20off%20%26%20more!',
    );
  });
});
