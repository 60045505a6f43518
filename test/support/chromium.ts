// Headless Debian Chromium for the browser tests (`CHROMIUM_PATH` overrides where it lives).
// The flags keep it off the network: this machine has none, and Chromium would otherwise
// keep trying to reach its update and sync services.
import { type Browser, chromium } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
