import { DynamicModule, InjectionToken, Module, ModuleMetadata, OptionalFactoryDependency } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenVerifier } from '../verification/access-token-verifier';
import { ACCESS_TOKEN_VERIFIER, AccessTokenGuard, AUTH_GUARD_OPTIONS, AuthGuardOptions, DEFAULT_OPEN_PATHS } from './access-token.guard';

export interface AuthModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: (InjectionToken | OptionalFactoryDependency)[];
  useFactory: (...args: never[]) => AccessTokenVerifier | Promise<AccessTokenVerifier>;
  guard?: Partial<AuthGuardOptions>;
}

/**
 * Installs `AccessTokenGuard` for every route of the app. Each service imports it once with its
 * verifier (users: its own keys; the others: `verifierFromSettings(authConfig)`).
 */
@Module({})
export class AuthModule {
  static forRoot(verifier: AccessTokenVerifier, guard: Partial<AuthGuardOptions> = {}): DynamicModule {
    return AuthModule.forRootAsync({ useFactory: () => verifier, guard });
  }

  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: options.imports ?? [],
      providers: [
        { provide: ACCESS_TOKEN_VERIFIER, useFactory: options.useFactory, inject: options.inject ?? [] },
        { provide: AUTH_GUARD_OPTIONS, useValue: { openPaths: DEFAULT_OPEN_PATHS, ...options.guard } satisfies AuthGuardOptions },
        { provide: APP_GUARD, useClass: AccessTokenGuard },
      ],
      exports: [ACCESS_TOKEN_VERIFIER],
    };
  }
}
