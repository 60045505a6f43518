// README "Runtimes", browser: bundled from the package for the browser and run in Chromium.

import { diagnoseToken } from 'agora-tokens';

/** Why Agora would refuse the token this page was given, for the channel and uid it joins. */
export function explainToken(token: string, channelName: string, uid: number): string[] {
  return diagnoseToken(token, { channelName, uid }).map((f) => `${f.severity} ${f.code}: ${f.message}`);
}
