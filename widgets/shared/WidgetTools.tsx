/**
 * "Reset to defaults" and "Copy link" under every widget. Copying falls back to showing the link,
 * selected, where the clipboard is refused (an insecure origin, a denied permission).
 */
import { useState } from 'react';
import type { UrlStateTools } from './useUrlState';

export interface WidgetToolsProps {
  readonly tools: UrlStateTools;
  /** Runs after the settings return to their defaults (a live widget starts a fresh run). */
  readonly afterReset?: () => void;
}

export function WidgetTools({ tools, afterReset }: WidgetToolsProps) {
  const [said, setSaid] = useState<string | null>(null);
  const [shownLink, setShownLink] = useState<string | null>(null);
  const copy = async (): Promise<void> => {
    const link = tools.link();
    try {
      await navigator.clipboard.writeText(link);
      setShownLink(null);
      setSaid('Link copied.');
    } catch {
      setShownLink(link);
      setSaid('Copy this link:');
    }
  };
  return (
    <div className="ba-tools">
      <button type="button" className="ba-secondary" data-testid="widget-defaults" onClick={() => {
        tools.resetToDefaults();
        setSaid('Settings back to their defaults.');
        setShownLink(null);
        afterReset?.();
      }}>
        Reset to defaults
      </button>
      <button type="button" className="ba-secondary" data-testid="widget-copy-link" onClick={() => void copy()}>Copy link</button>
      <span role="status" className="ba-note" data-testid="widget-tools-status">{said}</span>
      {shownLink && <input readOnly value={shownLink} aria-label="Link to this widget's settings" data-testid="widget-link" ref={(element) => element?.select()} />}
    </div>
  );
}
