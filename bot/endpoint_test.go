package bot_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/quotebot/quotebot/bot"
	"github.com/quotebot/quotebot/bot/bottest"
)

// signed returns a POST of body to url, signed with key at time ts the way
// Discord signs interactions.
func signed(t *testing.T, url string, key ed25519.PrivateKey, ts time.Time, body []byte) *http.Request {
	t.Helper()
	req, err := bottest.SignedRequest(url, key, ts, body)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func do(t *testing.T, req *http.Request) (int, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, body
}

func newEndpoint(t *testing.T, store bot.Store, opts bot.Options, followup *http.Client) (*httptest.Server, ed25519.PrivateKey, *bot.Endpoint) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := newBot(t, store, opts)
	eo := bot.EndpointOptions{PublicKey: pub}
	if followup != nil {
		s, _ := discordgo.New("")
		s.Client = followup
		eo.Followup = s
	}
	e, err := b.Endpoint(eo)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	return srv, priv, e
}

func TestEndpointSignatures(t *testing.T) {
	srv, key, _ := newEndpoint(t, newIndex(t), bot.Options{}, nil)
	_, otherKey, _ := ed25519.GenerateKey(rand.Reader)
	now := time.Now()
	ping := loadJSON(t, "ping.json")
	quote := loadJSON(t, "quote.json")

	cases := []struct {
		name string
		req  func() *http.Request
		want int
	}{
		{"good ping", func() *http.Request { return signed(t, srv.URL, key, now, ping) }, 200},
		{"good command", func() *http.Request { return signed(t, srv.URL, key, now, quote) }, 200},
		{"signed by another key", func() *http.Request { return signed(t, srv.URL, otherKey, now, ping) }, 401},
		{"body changed after signing", func() *http.Request {
			r := signed(t, srv.URL, key, now, ping)
			tampered := bytes.Replace(ping, []byte(`"type":1`), []byte(`"type":2`), 1)
			if bytes.Equal(tampered, ping) {
				t.Fatal("the tampering changed nothing")
			}
			r.Body = io.NopCloser(bytes.NewReader(tampered))
			return r
		}, 401},
		{"timestamp changed after signing", func() *http.Request {
			r := signed(t, srv.URL, key, now, ping)
			r.Header.Set("X-Signature-Timestamp", strconv.FormatInt(now.Unix()+1, 10))
			return r
		}, 401},
		{"missing signature", func() *http.Request {
			r := signed(t, srv.URL, key, now, ping)
			r.Header.Del("X-Signature-Ed25519")
			return r
		}, 401},
		{"missing timestamp", func() *http.Request {
			r := signed(t, srv.URL, key, now, ping)
			r.Header.Del("X-Signature-Timestamp")
			return r
		}, 401},
		{"stale", func() *http.Request { return signed(t, srv.URL, key, now.Add(-10*time.Minute), ping) }, 401},
		{"from the future", func() *http.Request { return signed(t, srv.URL, key, now.Add(10*time.Minute), ping) }, 401},
		{"oversized", func() *http.Request {
			return signed(t, srv.URL, key, now, append(ping, bytes.Repeat([]byte(" "), bot.MaxInteractionSize)...))
		}, 413},
		{"signed nonsense", func() *http.Request { return signed(t, srv.URL, key, now, []byte(`{"type":99}`)) }, 400},
		{"GET", func() *http.Request { r, _ := http.NewRequest(http.MethodGet, srv.URL, nil); return r }, 405},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, body := do(t, c.req())
			if code != c.want {
				t.Fatalf("status %d (%s), want %d", code, body, c.want)
			}
			if c.name == "good ping" && strings.TrimSpace(string(body)) != `{"type":1}` {
				t.Errorf("PING answered %s, want PONG", body)
			}
			if c.name == "good command" {
				var resp struct {
					Type int `json:"type"`
					Data struct {
						Embeds          []discordgo.MessageEmbed          `json:"embeds"`
						AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
					} `json:"data"`
				}
				if err := json.Unmarshal(body, &resp); err != nil || resp.Type != 4 || len(resp.Data.Embeds) != 1 {
					t.Errorf("command answered %s (%v)", body, err)
				}
				checkMentions(t, resp.Data.AllowedMentions)
			}
		})
	}
}

// TestEndpointDefers answers a slow command with a deferral inline and the
// real answer as an edit through Discord's webhook API.
func TestEndpointDefers(t *testing.T) {
	fd := newFakeDiscord(t)
	gate := make(chan struct{})
	srv, key, e := newEndpoint(t, &gatedStore{Store: newIndex(t), gate: gate}, bot.Options{DeferAfter: 30 * time.Millisecond}, fd.client())
	code, body := do(t, signed(t, srv.URL, key, time.Now(), loadJSON(t, "quote.json")))
	if code != 200 || !strings.HasPrefix(string(body), `{"type":5`) {
		t.Fatalf("slow command answered %d %s, want a deferral", code, body)
	}
	gate <- struct{}{}
	edit := next(t, fd.edits, "edit of the deferred reply")
	if !strings.Contains(edit.path, "/webhooks/1180211384745537606/") || !strings.Contains(string(edit.body), "Imagination") {
		t.Errorf("edit %s %s", edit.path, edit.body)
	}

	// A slow press of a button past the last match: the message stays, and
	// its presser alone is told, in a followup.
	press := loadJSON(t, "button_next.json", func(m map[string]any) { m["data"].(map[string]any)["custom_id"] = "p9|0|knowledge" })
	code, body = do(t, signed(t, srv.URL, key, time.Now(), press))
	if code != 200 || !strings.HasPrefix(string(body), `{"type":6`) {
		t.Fatalf("slow button answered %d %s, want a deferred update", code, body)
	}
	close(gate)
	fu := next(t, fd.followups, "followup")
	if !strings.Contains(string(fu.body), "no more matches") || !strings.Contains(string(fu.body), `"flags":64`) ||
		!strings.Contains(string(fu.body), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("followup %s", fu.body)
	}
	e.Wait()
	select {
	case ed := <-fd.edits:
		t.Errorf("the button's message was edited: %s", ed.body)
	default:
	}
}

func TestParsePublicKey(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	if k, err := bot.ParsePublicKey(hex.EncodeToString(pub)); err != nil || !k.Equal(pub) {
		t.Errorf("ParsePublicKey(valid) = %x, %v", k, err)
	}
	for _, bad := range []string{"", "zz", hex.EncodeToString(pub[:31])} {
		if _, err := bot.ParsePublicKey(bad); err == nil {
			t.Errorf("ParsePublicKey(%q) accepted", bad)
		}
	}
}
