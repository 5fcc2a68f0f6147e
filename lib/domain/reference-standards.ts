// Values the reference (shared/reference/environment-management.md, "Common Environment
// Variables", ".env" examples and "Example Configuration System") sets per environment.
// Only keys the reference is explicit about; a key without a standard raises nothing.
export const REFERENCE_STANDARDS: Record<string, Record<string, string>> = {
  development: {
    NODE_ENV: "development",
    PORT: "3000",
    "server.port": "3000",
    "server.timeout": "30000",
    "database.pool.min": "2",
    "database.pool.max": "10",
  },
  production: {
    NODE_ENV: "production",
    PORT: "8080",
    LOG_LEVEL: "warn",
    DB_POOL_MIN: "10",
    DB_POOL_MAX: "50",
    "server.port": "8080",
    "server.timeout": "60000",
    "database.pool.min": "10",
    "database.pool.max": "50",
    "database.ssl": "true",
  },
};
