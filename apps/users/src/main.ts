import { runService } from '@galley/platform';
import { UsersModule } from './users.module';

void runService('users', process.env, (config) => UsersModule.forRoot(config), 'Accounts, credentials, tokens and addresses.');
