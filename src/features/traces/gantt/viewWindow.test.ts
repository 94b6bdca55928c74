import { clampWindow, isWholeTrace, panWindow, zoomWindow } from './viewWindow';

describe('view window', () => {
  it('stays within the trace when panned past either end', () => {
    expect(panWindow({ startUs: 0, endUs: 100 }, -50, 1000)).toEqual({ startUs: 0, endUs: 100 });
    expect(panWindow({ startUs: 850, endUs: 950 }, 100, 1000)).toEqual({ startUs: 900, endUs: 1000 });
  });

  it('zooms around the centre and never past the whole trace', () => {
    expect(zoomWindow({ startUs: 0, endUs: 1000 }, 0.5, 1000)).toEqual({ startUs: 250, endUs: 750 });
    expect(isWholeTrace(zoomWindow({ startUs: 250, endUs: 750 }, 4, 1000), 1000)).toBe(true);
  });

  it('survives a zero-duration trace', () => {
    expect(clampWindow({ startUs: 0, endUs: 0 }, 0)).toEqual({ startUs: 0, endUs: 1 });
  });
});
