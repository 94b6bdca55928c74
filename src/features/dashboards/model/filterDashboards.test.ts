import { allTags, filterDashboards } from './filterDashboards';

const list = [
  { uid: 'a', title: 'Homebot overview', tags: ['homebot', 'overview'], file: 'a.yaml' },
  { uid: 'b', title: 'API health', tags: ['homebot', 'api'], file: 'b.yaml' },
  { uid: 'c', title: 'Prometheus self-monitoring', tags: ['prometheus'], file: 'c.yaml' },
];

describe('filterDashboards', () => {
  it('matches words in titles and tags, ignoring case', () => {
    expect(filterDashboards(list, 'HEALTH').map((d) => d.uid)).toEqual(['b']);
    expect(filterDashboards(list, 'homebot').map((d) => d.uid)).toEqual(['a', 'b']);
    expect(filterDashboards(list, 'homebot api').map((d) => d.uid)).toEqual(['b']);
  });

  it('filters by an exact tag', () => {
    expect(filterDashboards(list, '', 'prometheus').map((d) => d.uid)).toEqual(['c']);
    expect(allTags(list)).toEqual(['api', 'homebot', 'overview', 'prometheus']);
  });
});
