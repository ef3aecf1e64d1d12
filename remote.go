package main

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/quotebot/quotebot/index"
	"github.com/quotebot/quotebot/quotes"
)

// Remote import: `quotebot import --remote URL FILE...` streams each file to
// a running `quotebot serve` over its ops address (POST /import), which
// reads it with the same readers and writes it with the same AddBatch as a
// local import, while the bot goes on answering. The index allows one
// process, so this is how an operator imports without stopping the bot.

// maxRemoteImport bounds one remote import's body: a million quotes of JSON
// Lines are about 300 MB.
const maxRemoteImport = 1 << 30

// remoteBatch is the batch size of a remote import: smaller than a local
// one, so that a save waiting for the index's write lock behind a batch
// waits milliseconds, not a second.
const remoteBatch = 100

// remoteImportTimeout bounds how long one remote import may take to send
// and to answer; the ops server's own timeouts are for small requests.
const remoteImportTimeout = time.Hour

// importHandler serves POST /import?name=FILE[&guild=G] on the ops address:
// the body is a collection file, the answer the import's JSON summary. It
// needs "Authorization: Bearer TOKEN" with QUOTEBOT_OPS_TOKEN; without a
// token configured it refuses everything. A body over limit bytes is cut
// off with 413 (what came before it is added). One import runs at a time.
// When stop is done (the bot is shutting down) it stops between batches and
// answers 503 with what it added so far. It writes at most half of the
// time, resting between batches, so that the bot's answers stay quick.
func importHandler(stop context.Context, env *Env, ix *index.Index, token Secret, limit int64) http.Handler {
	busy := make(chan struct{}, 1)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if token == "" {
			httpError(w, http.StatusForbidden, "remote import is off: start the bot with QUOTEBOT_OPS_TOKEN set")
			return
		}
		if !bearerOK(r.Header.Get("Authorization"), token) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="quotebot ops"`)
			httpError(w, http.StatusUnauthorized, "wrong or missing bearer token (QUOTEBOT_OPS_TOKEN)")
			return
		}
		select {
		case busy <- struct{}{}:
			defer func() { <-busy }()
		default:
			httpError(w, http.StatusConflict, "another import is running; try again when it has finished")
			return
		}
		name := filepath.Base(r.URL.Query().Get("name"))
		guild := r.URL.Query().Get("guild")
		if name == "." || name == "/" {
			name = "upload"
		}
		rc := http.NewResponseController(w)
		rc.SetReadDeadline(time.Now().Add(remoteImportTimeout))
		rc.SetWriteDeadline(time.Now().Add(remoteImportTimeout))

		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		defer context.AfterFunc(stop, cancel)()
		start := time.Now()
		var sum importSummary
		body := http.MaxBytesReader(w, r.Body, limit)
		err := readQuotes(ctx, env, body, name, &guild, remoteBatch, &sum, func(qs []quotes.Quote) error {
			t := time.Now()
			if err := addBatch(ctx, ix.AddBatch, qs, &sum); err != nil {
				return err
			}
			// Rest as long as the batch took: the import takes at most
			// half of the time, and the bot's answers the rest.
			select {
			case <-time.After(time.Since(t)):
			case <-ctx.Done():
			}
			return nil
		})
		env.Log.Info("remote import", "file", name, "guild", guild, "from", r.RemoteAddr,
			"added", sum.Added, "unchanged", sum.Unchanged, "skipped", sum.Skipped,
			"seconds", time.Since(start).Seconds(), "err", err)
		status := http.StatusOK
		var tooBig *http.MaxBytesError
		switch {
		case err == nil:
		case errors.As(err, &tooBig):
			status = http.StatusRequestEntityTooLarge
			sum.Failure = fmt.Sprintf("larger than %d bytes; the quotes before the limit were added", limit)
		case errors.Is(err, errInterrupted) && stop.Err() != nil:
			status = http.StatusServiceUnavailable
			sum.Failure = "the bot is shutting down; " + err.Error()
		case errors.Is(err, errUnknownFormat):
			status = http.StatusBadRequest
			sum.Failure = err.Error()
		default:
			status = http.StatusInternalServerError
			sum.Failure = err.Error()
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(sum)
	})
}

// addBatch writes qs with add (the index's AddBatch or AddBulk) and counts
// what happened in sum; quotes the index refuses are skipped records, not a
// failure. A batch begun is finished even if ctx ends meanwhile.
func addBatch(ctx context.Context, add func(context.Context, []quotes.Quote) (index.BatchStats, error), qs []quotes.Quote, sum *importSummary) error {
	st, err := add(context.WithoutCancel(ctx), qs)
	sum.Added += st.Added
	sum.Unchanged += st.Unchanged
	var be *index.BatchError
	if errors.As(err, &be) {
		for _, r := range be.Rejected {
			sum.skip(r.Err)
		}
		return nil
	}
	return err
}

// bearerOK compares the presented bearer token with the configured one in
// constant time; hashing first hides the token's length too.
func bearerOK(header string, token Secret) bool {
	got, ok := strings.CutPrefix(header, "Bearer ")
	if !ok {
		return false
	}
	a, b := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(token.Reveal()))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

func httpError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(importSummary{Failure: msg})
}

// importRemote sends each file to the bot at base (its ops address) and
// adds the summaries into sum.
func importRemote(ctx context.Context, env *Env, base string, files []string, guild string, sum *importSummary) error {
	if env.Config.OpsToken == "" {
		return fmt.Errorf("%w: import --remote: set QUOTEBOT_OPS_TOKEN to the bot's ops token", errUsage)
	}
	u, err := url.Parse(strings.TrimRight(base, "/") + "/import")
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w: import --remote: %q is not an http(s) URL", errUsage, base)
	}
	for _, name := range files {
		if err := sendFile(ctx, env, *u, name, guild, sum); err != nil {
			return err
		}
	}
	return nil
}

func sendFile(ctx context.Context, env *Env, u url.URL, name, guild string, sum *importSummary) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	q := url.Values{"name": {filepath.Base(name)}}
	if guild != "" {
		q.Set("guild", guild)
	}
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), f)
	if err != nil {
		return fmt.Errorf("import --remote: %w", err)
	}
	req.ContentLength = fi.Size()
	req.Header.Set("Authorization", "Bearer "+env.Config.OpsToken.Reveal())
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("import --remote: %s: %w: the bot keeps what it had added", name, errInterrupted)
		}
		return fmt.Errorf("import --remote: %w", err)
	}
	defer resp.Body.Close()
	var got importSummary
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		return fmt.Errorf("import --remote: %s: %s, and no summary (%v)", name, resp.Status, err)
	}
	sum.Added += got.Added
	sum.Unchanged += got.Unchanged
	sum.Skipped += got.Skipped
	for r, n := range got.Reasons {
		if sum.Reasons == nil {
			sum.Reasons = map[string]int{}
		}
		sum.Reasons[r] += n
	}
	for _, e := range got.Errors {
		if len(sum.Errors) < maxReportedErrors {
			sum.Errors = append(sum.Errors, e)
		}
	}
	env.Log.Debug("remote import", "file", name, "status", resp.StatusCode, "added", got.Added)
	switch {
	case resp.StatusCode == http.StatusOK:
		return nil
	case resp.StatusCode == http.StatusServiceUnavailable:
		return fmt.Errorf("import --remote: %s: %w: %s", name, errInterrupted, got.Failure)
	}
	return fmt.Errorf("import --remote: %s: %s: %s", name, resp.Status, got.Failure)
}
