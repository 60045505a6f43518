import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Vector {
  id: string;
  version: '006' | '007' | 'legacy';
  kind: string;
  category: string;
  description: string;
  inputs: Record<string, any>;
  expected: {
    token?: string;
    payloadHex?: string;
    signatureHex?: string;
    decoded?: Record<string, any>;
    alternateTokens?: Array<{ implementations: string[]; token: string }>;
    parseOk?: boolean;
    error?: string;
    compression?: string;
  };
  implementations?: Record<string, string>;
  source: unknown;
}

export function loadVectors(version: '006' | '007' | 'legacy'): Vector[] {
  const file = fileURLToPath(new URL(`../../vectors/${version}.json`, import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { vectors: Vector[] }).vectors;
}

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
