import { clampWindow, isWholeTrace, moveEdge, panWindow, zoomWindow } from './viewWindow';

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

  it('moves one edge and keeps the other, never crossing it or leaving the trace', () => {
    const view = { startUs: 200, endUs: 600 };
    expect(moveEdge(view, 'start', 100, 1000)).toEqual({ startUs: 100, endUs: 600 });
    expect(moveEdge(view, 'end', 900, 1000)).toEqual({ startUs: 200, endUs: 900 });
    expect(moveEdge(view, 'start', -50, 1000)).toEqual({ startUs: 0, endUs: 600 });
    expect(moveEdge(view, 'end', 5000, 1000)).toEqual({ startUs: 200, endUs: 1000 });
    // Dragged past the other edge: the window keeps a 1/500 sliver.
    expect(moveEdge(view, 'start', 800, 1000)).toEqual({ startUs: 598, endUs: 600 });
    expect(moveEdge(view, 'end', 0, 1000)).toEqual({ startUs: 200, endUs: 202 });
  });
});
