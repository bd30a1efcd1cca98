// Stand-in for the "server-only" marker package under vitest (Node is the server here).
export {};
