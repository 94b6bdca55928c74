import { useRef, useState } from 'react';
import { useTimeRange } from '../../app/useTimeRange';
import { useResolvedTheme } from '../../app/theme';
import { embedSnippet, embedUrl, shareUrl, type ShareTarget } from './shareLinks';
import { CopyField } from './CopyField';
import './embed.css';

export interface SharedPanel {
  dashboardUid: string;
  panelId: string;
  title: string;
}

/**
 * "Share" for any view: a link with relative or frozen absolute time and, for a panel, the
 * `<iframe>` snippet for wikis. A native <dialog> gives focus trapping and Escape for free.
 */
export function ShareButton({ target, panel, label = 'Share' }: { target: ShareTarget; panel?: SharedPanel; label?: string }) {
  const accessibleName = panel ? `Share panel ${panel.title}` : undefined;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-label={accessibleName}
        onClick={() => {
          setOpen(true);
          dialogRef.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialogRef} className="share-dialog" aria-label={panel ? `Share panel ${panel.title}` : 'Share this view'} onClose={() => setOpen(false)}>
        {open && <ShareContent target={target} panel={panel} onClose={() => dialogRef.current?.close()} />}
      </dialog>
    </>
  );
}

function ShareContent({ target, panel, onClose }: { target: ShareTarget; panel?: SharedPanel; onClose: () => void }) {
  const { range, resolved } = useTimeRange();
  const systemTheme = useResolvedTheme();
  const [absolute, setAbsolute] = useState(false);
  const [theme, setTheme] = useState<'light' | 'dark'>(systemTheme);
  const [transparent, setTransparent] = useState(false);
  const [width, setWidth] = useState(600);
  const [height, setHeight] = useState(300);
  const origin = location.origin;
  const link = shareUrl(target, { origin, absolute, resolved });
  const embed = panel ? embedUrl(target.search, { origin, absolute, resolved, dashboardUid: panel.dashboardUid, panelId: panel.panelId, theme, transparent, width, height }) : '';

  return (
    <div className="share-content">
      <h2>{panel ? `Share “${panel.title}”` : 'Share this view'}</h2>
      <fieldset>
        <legend>Time range</legend>
        <label>
          <input type="radio" name="share-time" checked={!absolute} onChange={() => setAbsolute(false)} /> Relative ({range.from} to {range.to})
        </label>
        <label>
          <input type="radio" name="share-time" checked={absolute} onChange={() => setAbsolute(true)} disabled={!resolved} /> Absolute (frozen to what is on screen)
        </label>
      </fieldset>
      <CopyField label="Link" value={link} />
      {panel && (
        <fieldset>
          <legend>Embed in a wiki page</legend>
          <div className="embed-options">
            <label>
              Theme{' '}
              <select value={theme} onChange={(e) => setTheme(e.target.value as 'light' | 'dark')}>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </label>
            <label>
              <input type="checkbox" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} /> Transparent background
            </label>
            <label>
              Width <input type="number" min={100} max={4000} value={width} onChange={(e) => setWidth(Number(e.target.value) || 600)} />
            </label>
            <label>
              Height <input type="number" min={100} max={4000} value={height} onChange={(e) => setHeight(Number(e.target.value) || 300)} />
            </label>
          </div>
          <CopyField label="Embed URL" value={embed} />
          <CopyField label="Snippet" value={embedSnippet(embed, { width, height, title: panel.title })} multiline />
          <p className="hint">The wiki's origin must be listed in embedding.allowedOrigins in Sightline's config, or browsers refuse the frame.</p>
        </fieldset>
      )}
      <div className="share-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
