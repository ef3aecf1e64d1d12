package bot_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// fakeDiscord is an in-process Discord: the REST endpoints the bot calls and
// a small gateway websocket. It records what the bot sends.
type fakeDiscord struct {
	t      *testing.T
	server *httptest.Server

	mu        sync.Mutex
	commands  map[string][]*discordgo.ApplicationCommand // by URL path
	overwrite int                                        // bulk overwrites received
	auth      []string                                   // Authorization headers seen
	session   int                                        // sessions handed out

	callbacks chan callback      // interaction responses
	edits     chan callback      // edits of deferred replies
	followups chan callback      // followup messages
	conns     chan *gatewayConn  // gateway connections, after READY or RESUMED
	hellos    chan gatewayOpened // what each connection opened with
}

// callback is one interaction response or edit the bot sent.
type callback struct {
	path string
	body []byte
}

// gatewayOpened tells how a gateway connection began: identify or resume.
type gatewayOpened struct {
	op        int
	token     string
	sessionID string
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	t.Helper()
	fd := &fakeDiscord{
		t:         t,
		commands:  map[string][]*discordgo.ApplicationCommand{},
		callbacks: make(chan callback, 100),
		edits:     make(chan callback, 100),
		followups: make(chan callback, 100),
		conns:     make(chan *gatewayConn, 10),
		hellos:    make(chan gatewayOpened, 10),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v9/gateway", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]string{"url": "ws" + strings.TrimPrefix(fd.server.URL, "http") + "/ws"})
	})
	cmds := func(w http.ResponseWriter, r *http.Request) {
		fd.mu.Lock()
		defer fd.mu.Unlock()
		fd.auth = append(fd.auth, r.Header.Get("Authorization"))
		if r.Method == http.MethodPut {
			var got []*discordgo.ApplicationCommand
			if err := json.NewDecoder(r.Body).Decode(&got); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			for n, c := range got {
				// What Discord adds to a registered command.
				c.ID, c.Version, c.ApplicationID = "9000"+string(rune('0'+n)), "1", r.PathValue("app")
			}
			fd.commands[r.URL.Path] = got
			fd.overwrite++
		}
		list := fd.commands[r.URL.Path]
		if list == nil {
			list = []*discordgo.ApplicationCommand{}
		}
		json.NewEncoder(w).Encode(list)
	}
	mux.HandleFunc("/api/v9/applications/{app}/commands", cmds)
	mux.HandleFunc("/api/v9/applications/{app}/guilds/{guild}/commands", cmds)
	mux.HandleFunc("POST /api/v9/interactions/{id}/{token}/callback", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fd.callbacks <- callback{r.URL.Path, body}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("PATCH /api/v9/webhooks/{app}/{token}/messages/{msg}", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fd.edits <- callback{r.URL.Path, body}
		w.Write([]byte(`{"id":"1180211384745539999","channel_id":"1180211384745537811","content":""}`))
	})
	mux.HandleFunc("POST /api/v9/webhooks/{app}/{token}", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fd.followups <- callback{r.URL.Path, body}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/ws/", fd.gateway) // discordgo adds the slash
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("fake Discord: unexpected %s %s", r.Method, r.URL.Path)
		http.NotFound(w, r)
	})
	fd.server = httptest.NewServer(mux)
	t.Cleanup(fd.server.Close)
	return fd
}

// client returns an HTTP client that sends every request for discord.com to
// the fake instead, the way the bot's REST calls reach it.
func (fd *fakeDiscord) client() *http.Client {
	target, _ := url.Parse(fd.server.URL)
	return &http.Client{Timeout: 5 * time.Second, Transport: rewriteTransport{target}}
}

type rewriteTransport struct{ target *url.URL }

func (rt rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != "discord.com" {
		return nil, &url.Error{Op: r.Method, URL: r.URL.String(), Err: http.ErrNotSupported}
	}
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host, r.Host = rt.target.Scheme, rt.target.Host, rt.target.Host
	return http.DefaultTransport.RoundTrip(r)
}

// gatewayConn is the server side of one gateway connection.
type gatewayConn struct {
	mu   sync.Mutex
	ws   *websocket.Conn
	seq  int
	done chan struct{}
}

// send writes one dispatch event.
func (c *gatewayConn) send(event string, d any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seq++
	return c.ws.WriteJSON(map[string]any{"op": 0, "t": event, "s": c.seq, "d": d})
}

// drop closes the connection without a close frame, as a network failure.
func (c *gatewayConn) drop() { c.ws.NetConn().Close() }

var upgrader = websocket.Upgrader{}

// gateway speaks just enough of Discord's gateway protocol: Hello, then
// READY for an Identify or RESUMED for a Resume, heartbeat ACKs, and
// whatever dispatches the test sends.
func (fd *fakeDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gatewayConn{ws: ws, done: make(chan struct{})}
	c.mu.Lock()
	ws.WriteJSON(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
	c.mu.Unlock()
	var first struct {
		Op int `json:"op"`
		D  struct {
			Token     string `json:"token"`
			SessionID string `json:"session_id"`
			Seq       int    `json:"seq"`
		} `json:"d"`
	}
	for {
		if err := ws.ReadJSON(&first); err != nil {
			ws.Close()
			return
		}
		if first.Op == 1 { // a heartbeat may come first
			c.mu.Lock()
			ws.WriteJSON(map[string]any{"op": 11})
			c.mu.Unlock()
			continue
		}
		break
	}
	fd.hellos <- gatewayOpened{first.Op, first.D.Token, first.D.SessionID}
	switch first.Op {
	case 2:
		fd.mu.Lock()
		fd.session++
		id := "fake-session-" + string(rune('0'+fd.session))
		fd.mu.Unlock()
		c.send("READY", map[string]any{
			"v": 9, "session_id": id, "guilds": []any{},
			"user":        map[string]any{"id": "1180211384745537606", "username": "quotebot", "bot": true},
			"application": map[string]any{"id": "1180211384745537606", "flags": 0},
		})
	case 6:
		c.seq = first.D.Seq
		c.send("RESUMED", map[string]any{})
	default:
		ws.Close()
		return
	}
	go func() {
		defer close(c.done)
		for {
			var m struct {
				Op int `json:"op"`
			}
			if err := ws.ReadJSON(&m); err != nil {
				return
			}
			if m.Op == 1 {
				c.mu.Lock()
				ws.WriteJSON(map[string]any{"op": 11})
				c.mu.Unlock()
			}
		}
	}()
	fd.conns <- c
}

// next waits for a value on ch, failing the test after a few seconds.
func next[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}
