import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { stripeListener } from '../../cash/stripe-listener.ts';
import { invalid } from '../../core/errors.ts';
import { receiveStripeEvent } from '../../engine/stripe-receive.ts';
import type { CommandContext } from '../context.ts';

/** `dunwise cash stripe-listen`: a loopback HTTP endpoint for Stripe webhooks, until stopped. */
export function register(cash: Command, ctx: CommandContext): void {
  cash
    .command('stripe-listen')
    .description('receive Stripe webhooks over HTTP: POST <path> with Stripe-Signature; verified events are applied at once, each once')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8787')
    .option('--host <address>', 'address to listen on; keep the loopback default behind a reverse proxy or `stripe listen --forward-to`', '127.0.0.1')
    .option('--path <path>', 'the URL path Stripe posts to', '/stripe')
    .addHelpText('after', '\nNeeds DUNWISE_STRIPE_WEBHOOK_SECRET. Answers 200 for applied, queued, duplicate and ignored events, 400 for a\nrefused signature or body (nothing applied), 500 when applying failed (Stripe sends it again). Stops on Ctrl-C.\nTry it: stripe listen --forward-to http://127.0.0.1:8787/stripe')
    .action(async (opts: { port: string; host: string; path: string }, command: Command) => {
      if (!/^\d+$/.test(opts.port) || Number(opts.port) > 65535) invalid(`--port must be a port number, not "${opts.port}"`);
      if (!opts.path.startsWith('/')) invalid(`--path must start with /, not "${opts.path}"`);
      await ctx.withApp(command, async (app) => {
        const secret = app.config.stripe.webhookSecret;
        if (secret === null) invalid('DUNWISE_STRIPE_WEBHOOK_SECRET is not set: without the signing secret no event can be trusted');
        const server = stripeListener({
          secret,
          toleranceSeconds: app.config.stripe.toleranceSeconds,
          nowSeconds: () => Math.floor(app.clock.now().getTime() / 1000),
          path: opts.path,
          log: (line) => ctx.io.out(`${app.clock.now().toISOString()} ${line}`),
          onEvent: (event, body) => receiveStripeEvent(app.stripe, { event, body, ctx: app.stripeContext('stripe') }),
        });
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(Number(opts.port), opts.host, () => resolve());
        });
        const { port } = server.address() as AddressInfo;
        ctx.io.out(`Listening for Stripe webhooks on http://${opts.host}:${port}${opts.path} (Ctrl-C stops)`);
        await new Promise<void>((resolve) => {
          const stop = (): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            server.close(() => resolve());
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        ctx.io.out('Stopped.');
      });
    });
}
