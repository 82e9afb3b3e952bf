'use client';

import { useSyncExternalStore } from 'react';
import { canInstall, needsIosInstallHint, onInstallChange, promptInstall } from '@/lib/pwa/install';

const never = () => () => undefined;

/** "Install app" where the browser offers installation; a short hint on iOS. */
export function InstallButton() {
  const available = useSyncExternalStore(onInstallChange, canInstall, () => false);
  const iosHint = useSyncExternalStore(never, needsIosInstallHint, () => false);
  if (available) {
    return (
      <button type="button" className="chip" onClick={() => void promptInstall()}>
        Install app
      </button>
    );
  }
  if (iosHint) return <p className="muted">To install: tap Share, then “Add to Home Screen”.</p>;
  return null;
}
