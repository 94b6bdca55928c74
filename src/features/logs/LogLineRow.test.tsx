// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lokiStreamsToLines } from '../../datasources/loki';
import { LogLineRow } from './LogLineRow';

const [line] = lokiStreamsToLines([
  { stream: { service_name: 'scanner-cli' }, values: [['1795353661706972768', '\u001b[1;31mERROR\u001b[0m webhook <img src=x onerror=alert(1)> timeout']] },
]);

describe('LogLineRow', () => {
  it('renders markup in a line as text, strips ANSI codes and marks the search term', async () => {
    const onToggle = vi.fn();
    const { container } = render(<LogLineRow line={line} terms={['timeout']} expanded={false} selected={false} utc duplicates={2} onToggle={onToggle} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('ERROR webhook <img src=x onerror=alert(1)> timeout');
    expect(container.textContent).not.toContain('\u001b');
    expect(container.querySelector('mark')?.textContent).toBe('timeout');
    expect(screen.getByTitle('2 more identical lines folded')).toHaveTextContent('×3');
    expect(container.querySelector('time')).toHaveTextContent(/^2026-11-22 13:21:01\.706 UTC$/);
    await userEvent.click(screen.getByRole('button', { name: /^Show details of the line at/ }));
    expect(onToggle).toHaveBeenCalledWith(line.id);
  });
});
