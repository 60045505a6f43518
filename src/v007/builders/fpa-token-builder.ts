import { ServiceFpa } from '../services/fpa.js';
import { type BuildPins007, buildWith } from './pins.js';

/** Lifetime of an FPA token, fixed by the official builder: 24 h. */
export const FPA_TOKEN_EXPIRE = 86400;

/** 007 FPA token builder, as in `agora-token@2.0.6`. */
export class FpaTokenBuilder {
  private constructor() {}

  /** FPA login with no own limit, token valid 24 h. @example `FpaTokenBuilder.buildToken(appId, appCertificate)` */
  static buildToken(appId: string, appCertificate: string, pins?: BuildPins007): string {
    return buildWith(appId, appCertificate, FPA_TOKEN_EXPIRE, pins, new ServiceFpa().addPrivilege(ServiceFpa.kPrivilegeLogin, 0));
  }
}
