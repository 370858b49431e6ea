/*
 * Child-process entry for the driver tests' target (see sleepTargetServer.ts): config as JSON in argv[2];
 * "ready" with the port, and the records on request, travel over the IPC channel.
 */
import { createSleepTargetServer, type SleepTargetConfig, type TargetRecord } from './sleepTargetServer.ts';

export type TargetMessage = { type: 'ready'; port: number } | { type: 'records'; records: TargetRecord[] };

const { server, records } = createSleepTargetServer(JSON.parse(process.argv[2] ?? '{}') as SleepTargetConfig);

process.on('message', (m: { type?: string }) => {
  if (m.type === 'records') process.send?.({ type: 'records', records } satisfies TargetMessage);
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  if (addr && typeof addr === 'object') process.send?.({ type: 'ready', port: addr.port } satisfies TargetMessage);
});
