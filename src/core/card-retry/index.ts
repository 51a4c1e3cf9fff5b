// Failed card payments: which declines may be retried, and when (capability F).
export { classifyDecline, DeclineRule, type DeclineClass, type DeclineInfo } from './decline.ts';
export { checkCardRetryPolicy, defaultCardRetryPolicy, planRetry, visaCapDay, type CardRetryPolicy, type DeclinedAttempt, type RetryPlan, type StopReason } from './schedule.ts';
