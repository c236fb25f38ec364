import type { DynamicModule } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createTestDatabase, deleteRedisPrefix, testRedisUrl, uniqueRedisPrefix } from '@lib/testing';
import { AppModule } from '../../src/app.module';
import { BudgetModule } from '../../src/budget/budget.module';
import { DeadlinesWorkerModule } from '../../src/deadlines/deadlines-worker.module';
import { parseConfig, type AppRole } from '../../src/config/app-config';
import { PaymentsModule } from '../../src/payments/payments.module';
import { SettlementApiModule } from '../../src/settlement/settlement-api.module';
import { SettlementModule } from '../../src/settlement/settlement.module';

/** The service as `AppModule` composes it for a role, with some modules left out, started as far as it gets. */
async function startWithout(role: AppRole, left: readonly unknown[]): Promise<unknown> {
  const database = await createTestDatabase();
  const prefix = uniqueRedisPrefix();
  const config = parseConfig({
    NODE_ENV: 'test',
    APP_ROLE: role,
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '2',
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'silent',
  });
  const composed: DynamicModule = AppModule.forRoot(config);
  const moduleRef = await Test.createTestingModule({
    imports: [{ ...composed, imports: composed.imports!.filter((m) => !left.includes(m)) }],
  }).compile();
  // An HTTP application even for the worker role: the role's modules are the same, and unlike a bare
  // application context it can still be closed after a failed start.
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  try {
    await app.init();
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await app.close();
    await database.drop();
    await deleteRedisPrefix(prefix);
  }
}

describe('start-up with an effect handler missing', () => {
  it.each(['api', 'worker'] as const)(
    'refuses to start a %s process composed without the budget module, naming the money effects',
    async (role) => {
      // Payments and settlement move money through the budget module and bring it in, as does the
      // worker's deadline sweeper (claims are reminded through settlement): all left out.
      const error = await startWithout(role, [
        BudgetModule,
        PaymentsModule,
        SettlementModule,
        SettlementApiModule,
        DeadlinesWorkerModule,
      ]);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(
        `Role ${role} has no handler for effect assignFrame, commitFunds, releaseFunds, settleFunds, cancelFunds: ` +
          'a module that carries it out is missing from the composition',
      );
    },
  );
});
