// Properties without their own run count get fast-check's default (100) in the thorough run,
// a quarter of it in the quick one (see depth.ts).
import fc from 'fast-check';
import { FULL_DEPTH } from './depth.js';

fc.configureGlobal({ numRuns: FULL_DEPTH ? 100 : 25 });
