import { validateDashboardSearch } from '../dashboards/dashboardSearch';
import { validateEmbedSearch } from './embedSearch';

describe('validateEmbedSearch', () => {
  it('reads theme, flags and variables', () => {
    expect(validateEmbedSearch({ theme: 'light', transparent: '', 'var-job': ['a', 'b'], viewPanel: 'x' })).toEqual({
      theme: 'light',
      transparent: true,
      hideTitle: undefined,
      'var-job': ['a', 'b'],
    });
  });

  it('ignores unknown themes and keys present with no value', () => {
    expect(validateEmbedSearch({ theme: 'neon', transparent: undefined, hideTitle: 'false' })).toMatchObject({ theme: undefined, transparent: undefined, hideTitle: undefined });
  });
});

describe('kiosk flag on dashboards', () => {
  it('is on for ?kiosk and kiosk=true, off when absent, undefined or false', () => {
    expect(validateDashboardSearch({ kiosk: '' }).kiosk).toBe(true);
    expect(validateDashboardSearch({ kiosk: 'true' }).kiosk).toBe(true);
    expect(validateDashboardSearch({}).kiosk).toBeUndefined();
    expect(validateDashboardSearch({ kiosk: undefined }).kiosk).toBeUndefined();
    expect(validateDashboardSearch({ kiosk: 'false' }).kiosk).toBeUndefined();
  });
});
