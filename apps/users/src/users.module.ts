import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessTokenIssuer, AuthModule, createLocalVerifier } from '@galley/auth';
import { AuthConfig, ServiceConfig } from '@galley/config';
import { ServicePlatformModule } from '@galley/platform';
import { AUTH_CONFIG } from './config/auth-config.token';
import { AddressesController } from './controllers/addresses.controller';
import { AdminUsersController } from './controllers/admin-users.controller';
import { AuthController } from './controllers/auth.controller';
import { JwksController } from './controllers/jwks.controller';
import { MeController } from './controllers/me.controller';
import { OrderLinksController } from './controllers/order-links.controller';
import { TrustProxySetting } from './controllers/trust-proxy';
import { RateLimitHitsStorage } from './repositories/rate-limit-hits.storage';
import { UsersStore } from './repositories/users-store';
import { usersSchema } from './schema/users.schema';
import { accessTokenIssuerProvider } from './services/access-token-issuer.provider';
import { AccountsService } from './services/accounts.service';
import { AddressesService } from './services/addresses.service';
import { AdminBootstrap } from './services/admin-bootstrap.service';
import { LoginAttemptsService } from './services/login-attempts.service';
import { PasswordHasher } from './services/password-hasher.service';
import { SessionsService } from './services/sessions.service';

/** The signing key and auth settings, shared with the access-token guard's verifier. */
@Module({})
class UsersAuthModule {
  static forRoot(auth: AuthConfig): DynamicModule {
    return {
      module: UsersAuthModule,
      providers: [{ provide: AUTH_CONFIG, useValue: auth }, accessTokenIssuerProvider],
      exports: [AUTH_CONFIG, AccessTokenIssuer],
    };
  }
}

@Module({})
export class UsersModule {
  static forRoot(config: ServiceConfig, auth: AuthConfig): DynamicModule {
    const authSettings = UsersAuthModule.forRoot(auth);
    return {
      module: UsersModule,
      imports: [
        ServicePlatformModule.forRoot({ service: 'users', config, schema: usersSchema }),
        authSettings,
        // Every route needs a valid access token unless @Public(); users verifies with its own keys.
        AuthModule.forRootAsync({
          imports: [authSettings],
          inject: [AccessTokenIssuer],
          useFactory: (issuer: AccessTokenIssuer) => createLocalVerifier(issuer.jwks()),
        }),
        ThrottlerModule.forRootAsync({
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => ({
            throttlers: [{ name: 'default', limit: auth.AUTH_RATE_LIMIT_PER_ADDRESS, ttl: auth.AUTH_RATE_LIMIT_WINDOW_SECONDS * 1000 }],
            // One budget per address across every /api/auth route (not one per route), shared by every instance.
            generateKey: (_context, tracker) => `auth:${tracker}`,
            storage: new RateLimitHitsStorage(dataSource),
            errorMessage: 'Too many authentication requests from this address; retry after the time in Retry-After',
          }),
        }),
      ],
      controllers: [AuthController, OrderLinksController, MeController, AddressesController, AdminUsersController, JwksController],
      providers: [UsersStore, PasswordHasher, LoginAttemptsService, SessionsService, AccountsService, AddressesService, AdminBootstrap, TrustProxySetting],
    };
  }
}
