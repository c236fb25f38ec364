// Entry point of the container health check (docker-compose): exits 0 when this container's process
// is healthy in its role (APP_ROLE), 1 otherwise, with one line saying why.
import { configOrExit } from './config/config-or-exit';
import { probeHealth } from './health/health-probe';

const config = configOrExit(process.env);
void probeHealth(config).then(({ healthy, detail }) => {
  process.stdout.write(`${healthy ? 'healthy' : 'unhealthy'}: ${detail}\n`);
  process.exit(healthy ? 0 : 1);
});
