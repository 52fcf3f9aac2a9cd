import { Logger, Provider } from '@nestjs/common';
import { AccessTokenIssuer, parsePublicKeySet, resolveSigningKey } from '@galley/auth';
import { AuthConfig } from '@galley/config';
import { AUTH_CONFIG } from '../config/auth-config.token';

/**
 * The users service's signer: the key from JWT_PRIVATE_KEY, or outside production the key file
 * (generated at first start). Retired public keys from JWT_PUBLIC_KEYS stay published and valid.
 */
export const accessTokenIssuerProvider: Provider = {
  provide: AccessTokenIssuer,
  inject: [AUTH_CONFIG],
  useFactory: async (config: AuthConfig): Promise<AccessTokenIssuer> => {
    const { key, source } = await resolveSigningKey({
      privateKey: config.JWT_PRIVATE_KEY,
      keyFile: config.JWT_KEY_FILE,
      allowKeyFile: config.NODE_ENV !== 'production',
    });
    const retired = config.JWT_PUBLIC_KEYS ? parsePublicKeySet(config.JWT_PUBLIC_KEYS).keys : [];
    new Logger('AccessTokens').log({ kid: key.kid, source, keyFile: source === 'environment' ? undefined : config.JWT_KEY_FILE }, 'access token signing key loaded');
    return new AccessTokenIssuer(key, config.ACCESS_TOKEN_TTL_SECONDS, retired);
  },
};
