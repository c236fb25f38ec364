// Data source for the TypeORM CLI (`npm run migration:generate`); the service builds its own.
import { parseConfig } from '../config/app-config';
import { createDataSource } from './data-source';

export default createDataSource(parseConfig(process.env).database);
