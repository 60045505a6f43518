import { ServiceFpa } from '../services/fpa.js';
import { type BuildOverrides007, buildWith } from './build-overrides.js';

/** Lifetime of an FPA token, fixed by the official builder: 24 h. */
export const FPA_TOKEN_EXPIRE = 86400;

/** 007 FPA token builder, as in `agora-token@2.0.6`. */
export class FpaTokenBuilder {
  private constructor() {}

  /** FPA login with no own limit, token valid 24 h. @example `FpaTokenBuilder.buildToken(appId, appCertificate)` */
  static buildToken(appId: string, appCertificate: string, overrides?: BuildOverrides007): string {
    return buildWith(appId, appCertificate, FPA_TOKEN_EXPIRE, overrides, new ServiceFpa().addPrivilege(ServiceFpa.kPrivilegeLogin, 0));
  }
}
