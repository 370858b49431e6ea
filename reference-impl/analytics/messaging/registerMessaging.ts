/*
 * The optimized variant's messaging, matches and audit log on the platform: the chat store and audit stream in
 * Redis (in-process when the API runs without Redis, as the platform's cache does), the flush worker every
 * messageFlushS and once more on close (runOnStop), the daily audit summary every auditSummaryS, and the match routes.
 */
import type { FastifyInstance } from 'fastify';
import { RedisStore } from '../../platform/cache/RedisStore.ts';
import { PeriodicTask } from '../../platform/maintenance/PeriodicTask.ts';
import type { PlatformParts } from '../../platform/PlatformParts.ts';
import type { AnalyticsSettings } from '../analyticsSettings.ts';
import { memoryAuditLog, redisAuditLog } from '../audit/AuditLog.ts';
import { summarizeAuditDays } from '../audit/summarizeAuditDays.ts';
import { matchRoutes } from '../routes/matchRoutes.ts';
import { redisChatStore } from './ChatStore.ts';
import { flushChat } from './flushChat.ts';
import { kvMessaging } from './kvMessaging.ts';
import { memoryChatStore } from './memoryChatStore.ts';

export function registerMessaging(app: FastifyInstance, platform: PlatformParts, settings: Readonly<AnalyticsSettings>): void {
  const { db, log, metrics, config } = platform;
  const redis = platform.store instanceof RedisStore ? platform.store.client : undefined;
  const chat = redis ? redisChatStore(redis, config.redisKeyPrefix) : memoryChatStore();
  const audit = redis ? redisAuditLog(redis, config.redisKeyPrefix) : memoryAuditLog();

  const flush = async () => {
    const r = await flushChat(db, chat);
    if (r.messages || r.states) log.info(`chat flush: ${r.messages} messages, ${r.states} match states persisted`);
  };
  const chatFlush = new PeriodicTask({
    name: 'chat_flush', intervalMs: settings.messageFlushS * 1000, retryAfterFailureMs: 5000,
    // Close path (SIGTERM): the platform stops tasks after the last request and before the pools and Redis
    // close, so this last run puts every acknowledged message and state change in Postgres. If it fails, they
    // stay in chat:pending for the next process (logged by the task).
    runOnStop: true,
    run: flush, onRun: (ok) => metrics.backgroundRun('chat_flush', ok), log,
  });
  platform.tasks.set('chat_flush', { runFirst: false, task: chatFlush });
  platform.tasks.set('audit_summary', {
    runFirst: false,
    task: new PeriodicTask({
      name: 'audit_summary', intervalMs: settings.auditSummaryS * 1000, retryAfterFailureMs: 60_000,
      run: async () => {
        await summarizeAuditDays(db, audit);
      },
      onRun: (ok) => metrics.backgroundRun('audit_summary', ok), log,
    }),
  });
  matchRoutes(app, kvMessaging({ db, chat, audit, keep: settings.recentMessages }));
}
