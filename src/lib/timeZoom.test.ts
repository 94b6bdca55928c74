import { pixelToTime, shiftRange, zoomOut, zoomToSelection } from './timeZoom';

describe('time zoom', () => {
  it('zooms to a dragged selection in either direction, as absolute times', () => {
    expect(zoomToSelection(5000, 2000)).toEqual({ from: '2000', to: '5000' });
    expect(zoomToSelection(2000.4, 5000.6)).toEqual({ from: '2000', to: '5001' });
  });

  it('ignores a click (a selection under a second)', () => {
    expect(zoomToSelection(1000, 1500)).toBeNull();
  });

  it('zooms out around the centre, keeping the end at or before now', () => {
    expect(zoomOut({ fromMs: 10_000, toMs: 20_000 }, 100_000)).toEqual({ from: '5000', to: '25000' });
    expect(zoomOut({ fromMs: 10_000, toMs: 20_000 }, 22_000)).toEqual({ from: '2000', to: '22000' });
  });

  it('shifts by half the window', () => {
    expect(shiftRange({ fromMs: 10_000, toMs: 20_000 }, -1)).toEqual({ from: '5000', to: '15000' });
    expect(shiftRange({ fromMs: 10_000, toMs: 20_000 }, 1)).toEqual({ from: '15000', to: '25000' });
  });

  it('maps pixels to times inside the plot area, clamped at its edges', () => {
    const range = { fromMs: 0, toMs: 1000 };
    expect(pixelToTime(60, 10, 100, range)).toBe(500);
    expect(pixelToTime(0, 10, 100, range)).toBe(0);
    expect(pixelToTime(500, 10, 100, range)).toBe(1000);
  });
});
