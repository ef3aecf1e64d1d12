package bot_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/quotebot/quotebot/bot"
)

func TestOps(t *testing.T) {
	reg := prometheus.NewRegistry()
	b, _ := newBot(t, newIndex(t), bot.Options{Metrics: reg})
	respond(t, b, load(t, "quote.json"))
	respond(t, b, load(t, "quote.json", setOption("query", "zyxwvu")))
	respond(t, b, load(t, "quote_autocomplete_speaker.json"))
	srv := httptest.NewServer(b.OpsHandler(reg))
	defer srv.Close()

	code, body := get(t, srv.URL+"/healthz")
	if code != 200 || body != "ok\n" {
		t.Errorf("/healthz = %d %q", code, body)
	}
	code, body = get(t, srv.URL+"/metrics")
	for _, want := range []string{
		`quotebot_interactions_total{command="quote",outcome="ok"} 1`,
		`quotebot_interactions_total{command="quote",outcome="user_error"} 1`,
		`quotebot_interactions_total{command="autocomplete:quote",outcome="ok"} 1`,
		`quotebot_interaction_seconds_count{command="quote"} 2`,
		fmt.Sprintf("quotebot_quotes %d", sharedSeed()),
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics (%d) lacks %q", code, want)
		}
	}
	if t.Failed() {
		t.Log(body)
	}
}

func TestHealthzFailsWithTheIndex(t *testing.T) {
	b, _ := newBot(t, brokenStore{Store: newIndex(t)}, bot.Options{})
	srv := httptest.NewServer(b.OpsHandler(prometheus.NewRegistry()))
	defer srv.Close()
	if code, _ := get(t, srv.URL+"/healthz"); code != http.StatusServiceUnavailable {
		t.Errorf("/healthz with a broken index = %d, want 503", code)
	}
}

type brokenStore struct{ bot.Store }

func (brokenStore) Count(context.Context, string) (int, error) { return 0, errors.New("index closed") }

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
