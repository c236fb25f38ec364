// Data source for the TypeORM CLI (`npm run migration:generate`), as the owner; the service builds its own.
import { parseConfig } from '../config/app-config';
import { createDataSource } from './data-source';

const { database } = parseConfig(process.env);
export default createDataSource({ url: database.migrationUrl, poolSize: database.poolSize });
