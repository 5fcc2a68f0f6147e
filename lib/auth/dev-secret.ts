// Used only when NEXTAUTH_SECRET is unset outside production (lib/env refuses
// to start a production server without one).
export const DEV_SECRET = "parity-development-only-secret-do-not-use";
