package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/quotebot/quotebot/bot"
	"github.com/quotebot/quotebot/index"
)

// The index is what the bot reads and writes.
var _ bot.Store = (*index.Index)(nil)

// shutdownTimeout bounds how long serve waits for in-flight interactions
// after SIGTERM before it closes the index anyway.
const shutdownTimeout = 20 * time.Second

// runServe is `quotebot serve [--http ADDR] [--ops ADDR] [--index DIR]`: the
// Discord bot over the gateway (DISCORD_TOKEN and DISCORD_APP_ID), or, with
// --http, the HTTP interactions endpoint (DISCORD_PUBLIC_KEY). It runs until
// ctx is done, then finishes the interactions in flight and closes the index.
func runServe(ctx context.Context, env *Env, args []string) (errOut error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	httpAddr := fs.String("http", "", "serve the HTTP interactions endpoint POST /interactions on `ADDR` instead of the gateway")
	opsAddr := fs.String("ops", env.Config.OpsAddr, "serve /healthz, /metrics and POST /import (with QUOTEBOT_OPS_TOKEN) on `ADDR`")
	indexDir := fs.String("index", env.Config.IndexDir, "index `directory`")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	cfg := env.Config
	gw := bot.GatewayOptions{Token: cfg.Token.Reveal(), AppID: cfg.AppID, GuildID: cfg.GuildID, DrainTimeout: shutdownTimeout}
	if *httpAddr == "" && (cfg.Token == "" || cfg.AppID == "") {
		return fmt.Errorf("%w: serve: the gateway needs DISCORD_TOKEN (or DISCORD_TOKEN_FILE) and DISCORD_APP_ID; "+
			"for the HTTP endpoint use --http ADDR with DISCORD_PUBLIC_KEY", errUsage)
	}
	var endpointOpts bot.EndpointOptions
	if *httpAddr != "" {
		if cfg.PublicKey == "" {
			return fmt.Errorf("%w: serve --http needs DISCORD_PUBLIC_KEY", errUsage)
		}
		key, err := bot.ParsePublicKey(cfg.PublicKey)
		if err != nil {
			return fmt.Errorf("serve: DISCORD_PUBLIC_KEY: %w", err)
		}
		endpointOpts.PublicKey = key
	}

	ix, err := openIndex(ctx, env, *indexDir)
	if err != nil {
		return err
	}
	defer ix.Close()

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	b := bot.New(ix, bot.Options{Logger: env.Log, Metrics: reg})

	if *opsAddr != "" {
		ops := b.OpsHandler(reg)
		ops.Handle("POST /import", importHandler(ctx, env, ix, cfg.OpsToken, maxRemoteImport))
		stop, err := serveHTTP(env, "ops", *opsAddr, ops, shutdownTimeout)
		if err != nil {
			return err
		}
		defer func() {
			if err := stop(); err != nil && errOut == nil {
				errOut = err
			}
		}()
	}

	if *httpAddr == "" {
		err := b.RunGateway(ctx, gw)
		if errors.Is(err, bot.ErrCutOff) {
			// The exit status says work was cut short, as for --http.
			return fmt.Errorf("serve: %w: gateway: %v", errInterrupted, err)
		}
		return err
	}
	if gw.Token != "" && gw.AppID != "" {
		changed, err := bot.RegisterCommands(gw)
		if err != nil {
			return err
		}
		env.Log.Info("commands", "registered", changed, "guild", gw.GuildID)
	} else {
		env.Log.Info("commands not registered: set DISCORD_TOKEN and DISCORD_APP_ID once to register them")
	}
	e, err := b.Endpoint(endpointOpts)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("POST /interactions", e)
	stop, err := serveHTTP(env, "interactions", *httpAddr, mux, shutdownTimeout)
	if err != nil {
		return err
	}
	<-ctx.Done()
	err = stop()
	e.Wait()
	return err
}

// serveHTTP listens on addr and serves h until the returned stop is called.
// stop lets requests in flight finish, for up to timeout; if some are still
// running then, it gives up on them and returns an error wrapping
// errInterrupted, so that the exit status says work was cut short.
func serveHTTP(env *Env, name, addr string, h http.Handler, timeout time.Duration) (stop func() error, err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("serve: %s: %w", name, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
	env.Log.Info("listening", "server", name, "addr", ln.Addr().String())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			env.Log.Error("server stopped", "server", name, "err", err)
		}
	}()
	return func() error {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		err := srv.Shutdown(ctx)
		if err != nil {
			env.Log.Warn("shutdown", "server", name, "err", err)
			srv.Close()
			err = fmt.Errorf("serve: %w: %s: requests still running after %v were cut off", errInterrupted, name, timeout)
		}
		<-done
		return err
	}, nil
}

// runConsole is `quotebot console [--index DIR] [--guild ID]`: type /quote,
// /who-said and /quotes lines and see the reply the bot would post.
func runConsole(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("console", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	indexDir := fs.String("index", env.Config.IndexDir, "index `directory`")
	guild := fs.String("guild", env.Config.GuildID, "speak as this guild `ID` (default: a console guild of its own)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	ix, err := openIndex(ctx, env, *indexDir)
	if err != nil {
		return err
	}
	defer ix.Close()
	// The console's one member is the operator: no rate limits.
	b := bot.New(ix, bot.Options{Logger: env.Log, Limits: bot.NoLimits()})
	return b.RunConsole(ctx, env.Stdin, env.Stdout, bot.ConsoleOptions{GuildID: *guild, Color: isTerminal(env.Stdout)})
}

// parseNoArgs parses flags for a subcommand that takes no arguments, and
// wraps mistakes as usage errors.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %s: %v", errUsage, fs.Name(), err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: %s takes no arguments", errUsage, fs.Name())
	}
	return nil
}
