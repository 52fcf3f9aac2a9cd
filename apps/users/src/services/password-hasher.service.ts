import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { AuthConfig } from '@galley/config';
import { AUTH_CONFIG } from '../config/auth-config.token';
import { needsRehash, PasswordHashParameters } from '../domain/password-hash';

// `Algorithm` is a const enum, which isolated-module builds cannot inline: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** argon2id hashing with the configured cost; every hash records the parameters it was made with. */
@Injectable()
export class PasswordHasher {
  readonly parameters: PasswordHashParameters;
  private dummy?: Promise<string>;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    this.parameters = {
      memoryKib: config.PASSWORD_HASH_MEMORY_KIB,
      iterations: config.PASSWORD_HASH_ITERATIONS,
      parallelism: config.PASSWORD_HASH_PARALLELISM,
    };
  }

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: ARGON2ID,
      memoryCost: this.parameters.memoryKib,
      timeCost: this.parameters.iterations,
      parallelism: this.parameters.parallelism,
      outputLen: 32,
    });
  }

  /** False for a wrong password and for a hash that cannot be read; never throws. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the time of a real verification when there is no account, so an unknown email and a
   * wrong password cannot be told apart by the clock. Always false.
   */
  async verifyWithoutAccount(password: string): Promise<false> {
    this.dummy ??= this.hash(randomBytes(24).toString('base64url'));
    await this.verify(await this.dummy, password);
    return false;
  }

  needsRehash(passwordHash: string): boolean {
    return needsRehash(passwordHash, this.parameters);
  }
}
