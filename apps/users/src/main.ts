import { AuthConfig, ConfigValidationError, loadAuthConfig } from '@galley/config';
import { runService } from '@galley/platform';
import { UsersModule } from './users.module';

/** Auth settings are validated before anything starts, like the service settings in runService. */
function authConfigOrExit(env: NodeJS.ProcessEnv): AuthConfig {
  try {
    return loadAuthConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(`galley-users: ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
}

const auth = authConfigOrExit(process.env);
void runService('users', process.env, (config) => UsersModule.forRoot(config, auth), 'Accounts, credentials, tokens and addresses.');
